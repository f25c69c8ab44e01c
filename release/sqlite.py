"""`<name>-<version>.sqlite`: the tables as a database that stock SQLite checks.

- one table per CSV table, column names as in the CSV (`start`, `end`: quote "end" in SQL);
- column types from the Table Schemas (integer: INTEGER, number: REAL, date: ISO TEXT,
  string: TEXT), every empty cell NULL;
- PRIMARY KEY, UNIQUE and FOREIGN KEY as declared; CHECK constraints for required fields,
  vocabularies, minimums, lengths, storage types and valid dates, and for patterns the part
  that GLOB can say (the literal prefix and the allowed characters), since stock SQLite has
  no REGEXP;
- `article`: the snapshot as one row, with its SHA-256; `about`: title, version, licence,
  citation and the privacy statement;
- views for the questions of docs/using-the-tables.md, and FTS5 indexes over statements and quotations.

The file is built in memory and written with `VACUUM INTO`, so it is compact and the same
bytes on every build with the same SQLite library.
"""
from __future__ import annotations

import datetime
import re
import sqlite3
from pathlib import Path

from .citation import apa_text
from .package import Package, Table, privacy_statement

PAGE_SIZE = 4096
SQL_TYPES = {"integer": "INTEGER", "number": "REAL", "date": "TEXT"}
STORAGE_CLASSES = {"integer": "'integer'", "number": "'real'", "string": "'text'"}

VIEWS = {
    "statement_sources": """
        -- who each statement comes from (sources) and through which outlet (media), names
        -- joined with ' and ' in the order of the attributions table
        SELECT statement_id,
               group_concat(CASE WHEN role = 'source' THEN name END, ' and ') AS sources,
               group_concat(CASE WHEN role = 'medium' THEN name END, ' and ') AS media
        FROM (SELECT a.statement_id, a.role, e.name
              FROM attributions AS a JOIN entities AS e ON e.id = a.entity_id
              ORDER BY a.rowid)
        GROUP BY statement_id""",
    "quotations_with_sources": """
        -- every quotation with its source(s) and the outlet it was given to (NULL: none named)
        SELECT q.id, q.text, ss.sources AS source, ss.media AS medium, s.mode,
               q.statement_id, q.start, q."end"
        FROM quotes AS q
        JOIN statements AS s ON s.id = q.statement_id
        JOIN statement_sources AS ss ON ss.statement_id = q.statement_id
        ORDER BY q.start""",
    "quotation_sources": """
        -- one row per quotation and source, with the role the article gives the source:
        -- "all quotations by one person", joint statements included
        SELECT q.id AS quote_id, e.id AS entity_id, e.name, e.type, e.description, q.text
        FROM quotes AS q
        JOIN attributions AS a ON a.statement_id = q.statement_id AND a.role = 'source'
        JOIN entities AS e ON e.id = a.entity_id
        ORDER BY q.start, a.rowid""",
    "figures_with_sources": """
        -- every figure with its hedge, bounds and source(s)
        SELECT f.id, f.text, f.value, f.unit, f.qualifier, f.lower, f.upper, f.measure,
               ss.sources AS source, f.statement_id, f.start, f."end"
        FROM figures AS f JOIN statement_sources AS ss ON ss.statement_id = f.statement_id
        ORDER BY f.start""",
    "timeline": """
        -- the dated events in date order
        SELECT e.date_from, e.date_to, e.text, e.what, e.context_note, e.id, e.statement_id
        FROM events AS e
        ORDER BY e.date_from, e.date_to, e.start""",
}
FULL_TEXT = {"statements_fts": "statements", "quotes_fts": "quotes"}


class ForeignKeyViolation(ValueError):
    """A row refers to a key that its referenced table does not hold."""


def write_sqlite(package: Package, out_dir: Path) -> Path:
    path = out_dir / f"{package.stem}.sqlite"
    path.unlink(missing_ok=True)
    db = sqlite3.connect(":memory:")
    try:
        db.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        _create(db, package)
        _fill(db, package)
        _check_foreign_keys(db)
        db.commit()
        db.execute("VACUUM INTO ?", (str(path),))
    finally:
        db.close()
    return path


def create_table_sql(table: Table) -> str:
    """The CREATE TABLE statement for one table, from its Table Schema."""
    lines = [_column(field, table.primary_key) for field in table.fields]
    lines.append(f"PRIMARY KEY ({_names(table.primary_key)})")
    for fields, other, other_fields in table.foreign_keys:
        lines.append(f"FOREIGN KEY ({_names(fields)}) "
                     f"REFERENCES {_quote(other)} ({_names(other_fields)})")
    body = ",\n  ".join(lines)
    return f"CREATE TABLE {_quote(table.name)} (\n  {body}\n)"


def glob_checks(column: str, pattern: str) -> list[str]:
    """What GLOB can check of a regular expression made of literals, classes and repeats.

    >>> for check in glob_checks('"id"', "s-[a-z0-9]+(-[a-z0-9]+)*"):
    ...     print(check)
    "id" GLOB 's-*'
    "id" NOT GLOB '*[^-0-9a-z]*'
    >>> for check in glob_checks('"unit"', "[a-z]+(_[a-z]+)*"):
    ...     print(check)
    "unit" GLOB '[a-z]*'
    "unit" NOT GLOB '*[^_a-z]*'

    Patterns with anything else (escapes, dots, alternation, counted repeats) get no check.
    """
    if re.search(r"[\\.|^$?{}]", pattern):
        return []
    checks = []
    prefix = re.match(r"[^\[\]()*+]*", pattern).group(0)
    if prefix:
        checks.append(f"{column} GLOB '{prefix}*'")
    elif pattern.startswith("["):
        checks.append(f"{column} GLOB '{pattern[:pattern.index(']') + 1]}*'")
    allowed = _allowed_characters(pattern)
    checks.append(f"{column} NOT GLOB '*[^{allowed}]*'")
    return checks


def _allowed_characters(pattern: str) -> str:
    """Every character the pattern can match, as the inside of a GLOB class ('-' first)."""
    classes = re.findall(r"\[([^\]]*)\]", pattern)
    ranges = {r for group in classes for r in re.findall(r".-.", group)}
    singles = {c for group in classes for c in re.sub(r".-.", "", group)}
    singles |= set(re.sub(r"\[[^\]]*\]|[()*+]", "", pattern))
    singles = {c for c in singles if not any(r[0] <= c <= r[2] for r in ranges)}
    return ("-" if "-" in singles else "") + "".join(sorted(ranges | (singles - {"-"})))


def _column(field: dict, primary_key: list[str]) -> str:
    name, field_type = _quote(field["name"]), field["type"]
    constraints = field.get("constraints", {})
    parts = [name, SQL_TYPES.get(field_type, "TEXT")]
    if constraints.get("required"):
        parts.append("NOT NULL")
    if constraints.get("unique") and primary_key != [field["name"]]:
        parts.append("UNIQUE")
    checks = _type_checks(name, field_type) + _constraint_checks(name, constraints)
    parts += [f"CHECK ({check})" for check in checks]
    return " ".join(parts)


def _type_checks(name: str, field_type: str) -> list[str]:
    if field_type == "date":
        return [f"{name} IS date({name}, '+0 days')"]  # the modifier normalises 02-30 to 03-01
    storage = STORAGE_CLASSES.get(field_type, "'text'")
    return [f"typeof({name}) IN ({storage}, 'null')"]


def _constraint_checks(name: str, constraints: dict) -> list[str]:
    checks = []
    if "enum" in constraints:
        checks.append(f"{name} IN ({', '.join(_literal(v) for v in constraints['enum'])})")
    if "minimum" in constraints:
        checks.append(f"{name} >= {constraints['minimum']}")
    if "maximum" in constraints:
        checks.append(f"{name} <= {constraints['maximum']}")
    if "minLength" in constraints:
        checks.append(f"length({name}) >= {constraints['minLength']}")
    if "maxLength" in constraints:
        checks.append(f"length({name}) <= {constraints['maxLength']}")
    if "pattern" in constraints:
        checks += glob_checks(name, constraints["pattern"])
    return checks


def _create(db: sqlite3.Connection, package: Package) -> None:
    db.execute("""CREATE TABLE article (
  path TEXT PRIMARY KEY NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  bytes INTEGER NOT NULL CHECK (typeof(bytes) = 'integer'),
  code_points INTEGER NOT NULL CHECK (code_points = length(text)),
  text TEXT NOT NULL
)""")
    db.execute("CREATE TABLE about (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)")
    for table in package.tables:
        db.execute(create_table_sql(table))
    for name, sql in VIEWS.items():
        db.execute(f"CREATE VIEW {name} AS{sql}")
    for name in FULL_TEXT:
        db.execute(f"CREATE VIRTUAL TABLE {name} USING fts5(id UNINDEXED, text)")


def _fill(db: sqlite3.Connection, package: Package) -> None:
    db.execute("INSERT INTO article VALUES (?, ?, ?, ?, ?)",
               (package.article_resource["path"], package.article_sha256,
                len(package.article_bytes), len(package.article), package.article))
    db.executemany("INSERT INTO about VALUES (?, ?)", _about(package))
    for table in package.tables:
        columns = _names(table.field_names)
        marks = ", ".join("?" for _ in table.field_names)
        db.executemany(f"INSERT INTO {_quote(table.name)} ({columns}) VALUES ({marks})",
                       [[_sql_value(row[name]) for name in table.field_names] for row in table.rows])
    for name, source in FULL_TEXT.items():
        db.execute(f"INSERT INTO {name} (id, text) SELECT id, text FROM {source} ORDER BY rowid")


def _about(package: Package) -> list[tuple[str, str]]:
    return [("name", package.name), ("title", package.descriptor["title"]),
            ("version", package.version), ("licence", package.licence["title"]),
            ("licence_url", package.licence["path"]), ("citation", apa_text(package.citation)),
            ("privacy", privacy_statement(package.descriptor)),
            ("offsets", "start and end count Unicode code points of the article text, "
                        "from 0, end-exclusive: text = substr(article.text, start + 1, \"end\" - start)")]


def _check_foreign_keys(db: sqlite3.Connection) -> None:
    violations = db.execute("PRAGMA foreign_key_check").fetchall()
    if violations:
        raise ForeignKeyViolation(f"foreign keys not satisfied: {violations}")


def _sql_value(value):
    return value.isoformat() if isinstance(value, datetime.date) else value


def _names(names: list[str]) -> str:
    return ", ".join(_quote(name) for name in names)


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _literal(value: str) -> str:
    return "'" + str(value).replace("'", "''") + "'"
