"""The validator's closed word lists, each in one place.

Words for personal identifiers and sensitive categories: a column named with them is
refused. They cover the leaked register's fields (names, birth dates, party positions,
national ID numbers, ethnicity), contact details and addresses, and every special category
of Article 9 of the GDPR (racial or ethnic origin, political opinions, religious or
philosophical beliefs, trade union membership, genetic and biometric data, health, sex life
and sexual orientation), in English, Chinese and pinyin.

>>> [sensitive_name(n) for n in ("dateOfBirth", "member_name", "name", "role_text")]
[True, True, False, False]

Words that label a personal attribute (“born”, “aged”, “member no.”): no free-text cell may
use them. Words that end a noun phrase (a figure's unit, an outlet). And the words of attribution, which `mentions` reads: reporting verbs and phrases
with the side their speaker stands on, hedges, the words that introduce a quotation whose
source is an inference, the words before an outlet that make it a medium, and words for a
speaker the article does not name. And what `entity_rules` reads: the words that join a
name's parts, function words, and the title abbreviations printed before a name.
"""
from __future__ import annotations

import re

# Column names holding one of these words (split on "_", "-", ".", spaces and case changes).
SENSITIVE_WORDS = frozenset({
    # register fields, identity documents and contact details
    "birth", "birthdate", "birthday", "birthplace", "dob", "born", "age",
    "surname", "firstname", "lastname", "givenname", "familyname", "fullname", "realname",
    "forename", "maiden", "passport", "ssn", "idno", "idcard", "identity", "nric", "hukou",
    "address", "street", "postcode", "zipcode", "residence", "domicile",
    "phone", "telephone", "mobile", "cellphone", "fax", "email", "mail", "wechat", "qq",
    "marital", "spouse",
    # Article 9 categories
    "ethnicity", "ethnic", "race", "racial", "nationality",
    "political", "politics", "religion", "religious", "faith", "belief", "beliefs",
    "philosophical", "genetic", "genome", "dna", "biometric", "biometrics", "fingerprint",
    "fingerprints", "faceprint", "health", "medical", "disease", "diagnosis", "illness",
    "disability", "gender", "sex", "sexual", "sexuality",
})
# ... and these pairs, whose words are harmless alone ("id", "name", "position", "union").
SENSITIVE_PAIRS = tuple(frozenset(pair) for pair in [
    ("national", "id"), ("id", "number"), ("id", "no"), ("id", "num"), ("id", "nr"),
    ("id", "card"), ("resident", "id"), ("citizen", "id"), ("personal", "id"), ("member", "id"),
    ("party", "position"), ("party", "post"), ("party", "role"), ("party", "member"),
    ("party", "membership"), ("member", "name"), ("member", "names"), ("members", "names"),
    ("first", "name"), ("last", "name"), ("given", "name"), ("family", "name"),
    ("full", "name"), ("real", "name"), ("person", "name"), ("personal", "name"),
    ("date", "birth"), ("native", "place"), ("trade", "union"), ("union", "member"),
    ("union", "membership"), ("blood", "type"), ("home", "town"),
])
# Chinese and pinyin words, matched anywhere in a column name. The Chinese words are the only
# text of another script than Latin that the package may hold (the privacy layer allows them
# where they are listed, as here).
SENSITIVE_SUBSTRINGS = (
    "身份证", "证件", "民族", "出生", "生日", "年龄", "姓名", "名字", "性别", "手机", "电话",
    "籍贯", "住址", "地址", "户口", "护照", "党内职务", "职务", "党员", "入党", "党籍",
    "政治面貌", "宗教", "信仰", "工会", "健康", "基因", "指纹", "血型", "婚姻", "邮箱",
    "shenfenzheng", "sfzh", "zhengjian", "minzu", "chusheng", "shengri", "nianling",
    "xingming", "mingzi", "xingbie", "shouji", "dianhua", "jiguan", "zhuzhi", "dizhi",
    "huzhao", "zhiwu", "dangyuan", "rudang", "dangji", "zhengzhimianmao", "zongjiao",
    "xinyang", "gonghui", "jiankang", "jiyin", "zhiwen", "xuexing", "hunyin", "youxiang",
)
# The vocabulary's words in another script than Latin: allowed text, wherever it appears.
NON_LATIN_WORDS = tuple(word for word in SENSITIVE_SUBSTRINGS if not word.isascii())

_WORD_BREAK = re.compile(r"[_\-\s.]+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def sensitive_name(name: str) -> bool:
    words = {w.lower() for w in _WORD_BREAK.split(name) if w}
    lowered = name.lower()
    return (bool(words & SENSITIVE_WORDS) or any(pair <= words for pair in SENSITIVE_PAIRS)
            or any(part in lowered for part in SENSITIVE_SUBSTRINGS))


# ---- free text: words that label a personal attribute ---------------------------------------
# The article never gives a named person's birth date, age or any number of theirs, so no
# free-text cell of the tables (descriptions, notes, measures) may use these words, whoever
# they are about: a cell that says “born” or “member no.” is carrying personal data.
PERSONAL_ATTRIBUTE_WORDS = (
    "born", "aged", "age", "ages", "birthday", "birthdays", "birthdate", "birthdates",
    "birthplace", "date of birth", "year of birth", "dob", "id", "ids", "id number",
    "member no", "member number", "membership no", "membership number", "party card",
)

# ---- noun phrases: where the noun after a number, or after “told”, ends ---------------------
# Words that cannot be part of a noun phrase: verbs and auxiliaries, prepositions, relative
# words and conjunctions that open a clause. The noun a figure counts ends before the first of
# them (“nearly 2 million party members embedded in …”: party_members), or at punctuation or
# its statement's end (“almost 300 companies or affiliates, with …”); so does the outlet named
# after a medium cue (“told reporters in Tokyo” names no outlet).
FOLLOWERS = frozenset({
    "be", "is", "are", "was", "were", "been", "being", "am", "has", "have", "had", "having",
    "do", "does", "did", "will", "would", "can", "could", "may", "might", "must", "shall",
    "should", "include", "includes", "included", "including", "embedded", "representing",
    "identified", "established", "developed", "distributed", "provided", "living", "working",
    "in", "of", "with", "at", "to", "for", "from", "by", "on", "inside", "into", "across",
    "among", "within", "without", "between", "through", "during", "since", "as", "like",
    "that", "who", "whom", "whose", "which", "where", "when", "while", "but", "because", "if",
    "than", "also", "now", "currently",
})

# ---- attribution: the words in which the article says who speaks (statements.cue) ---------
# Reporting verbs and phrases, each with the side of the cue on which the speaker's name
# stands: "before" (“Nikkei Asia reported”, “Matsuda, a professor …, told”), "after"
# (“according to the Indo-Asian News Service”) or "either" (“Markson said”, “said Sharri
# Markson”). A verb with an object (told, cited, dismissed) has its speaker before it.
REPORTING_CUES = {
    "according to": "after", "reported by": "after",
    **dict.fromkeys(("say", "says", "said", "report", "reports", "reported", "state", "states",
                     "stated", "add", "adds", "added", "write", "writes", "wrote", "warn",
                     "warns", "warned", "argue", "argues", "argued", "explain", "explains",
                     "explained"), "either"),
    **dict.fromkeys(("tell", "tells", "told", "cite", "cites", "cited", "dismiss", "dismisses",
                     "dismissed", "claim", "claims", "claimed", "announce", "announces",
                     "announced", "deny", "denies", "denied", "confirm", "confirms",
                     "confirmed", "insist", "insists", "insisted", "allege", "alleges",
                     "assert", "asserts", "asserted"), "before"),
}
# Hedges on a whole statement: the article's own assertion at one remove, with no one named
# (mode hedged, whose cue is the hedge as printed).
HEDGE_WORDS = ("reportedly", "allegedly", "purportedly", "supposedly", "reputedly", "ostensibly",
               *(f"{be} {verb} to" for be in ("is", "are", "was", "were")
                 for verb in ("said", "reported", "alleged", "believed", "rumored", "rumoured")))
# Words that introduce quoted words the article attributes to no one, where the statement's
# note argues whose they are (docs/method.md, “Sources by inference”): not verbs of saying.
INFERENCE_CUES = ("in response to", "its mission, in part, is", "its mission is")
# Words after which the article names the outlet a remark was given to: its medium (“told
# the news publication Nikkei Asia”, “issued to Nikkei Asia”, “a report for Sky News”).
MEDIUM_CUES = ("told", "tells", "tell", "issued to", "interview with", "report for",
               "reports for", "statement to", "spoke to", "speaking to", "wrote in", "wrote for",
               "writing in", "writing for", "article in", "article for", "comments to",
               "remarks to")
# Words for a speaker the article does not name, and pronouns: with a reporting verb beside
# them (“observers say”, “it said”) the statement is someone's, not the article's own.
UNNAMED_SPEAKERS = ("observers", "analysts", "experts", "critics", "officials", "sources",
                    "lawmakers", "legislators", "diplomats", "researchers", "commentators",
                    "insiders", "activists", "scholars", "authorities", "media", "reports",
                    "report", "statement", "publication", "newspaper", "spokesman",
                    "spokeswoman", "spokesperson", "it", "he", "she", "they")

# ---- what an entity row may say of the article's words (`entity_rules`) ---------------------
# Words that join the parts of a name and stay lower case in it (“Senate Select Committee on
# Intelligence”, “University of Tokyo”): every other word of a name is capitalised.
NAME_LINKS = frozenset({"of", "on", "in", "the", "and", "for", "at", "to", "de", "del", "der",
                        "des", "du", "da", "di", "la", "le", "van", "von", "y", "&"})
# Words that only join others (articles, prepositions, conjunctions, pronouns, forms of “be”):
# a person's description may use them though the article's text about that person does not.
FUNCTION_WORDS = frozenset({
    "a", "an", "the", "of", "for", "and", "or", "nor", "but", "at", "in", "on", "to", "with",
    "by", "as", "from", "into", "it", "its", "is", "are", "was", "were", "be", "been", "who",
    "whom", "whose", "which", "that", "this", "these", "those", "he", "she", "they", "his",
    "her", "their", "them",
})
# Abbreviations the article prints before a name, with the words they stand for.
TITLE_ABBREVIATIONS = {
    "Sen.": ("senator",), "Sens.": ("senator", "senators"), "Rep.": ("representative",),
    "Reps.": ("representative", "representatives"), "Gov.": ("governor",), "Gen.": ("general",),
    "Prof.": ("professor",), "Dr.": ("doctor",),
}


# What a row of corrections.csv records (docs/data-dictionary.md): a correction of our own
# reading of the article, a revision of the article itself, or a span re-anchored to a revised
# snapshot (scripts/reanchor.py).
CORRECTION_KINDS = ("extraction", "revision", "reanchoring")
