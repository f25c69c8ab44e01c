"""Layer 6, privacy: no personal data of the leak, anywhere in the package.

Read top to bottom:

- `texts`: every text of the package (cells, JSON keys and values, whole files, file names);
- `readings`: each read once into every reading a person or a program could see (markup,
  references, escapes and other encodings undone, `encodings` and `markup`; HTML as a browser
  shows it, `rendered`; digits of any script read as digits, `normal`);
- `detectors`: one module per kind of personal data, each with its pre-filter, over those
  readings;
- `allowed`: the dates that are no one's (the events', the releases');
- `exceptions`: the values a maintainer has reviewed, in `privacy-exceptions.csv`;
- `scan`: the one pass that puts these together;
- `persons`: the people in the tables, and the tables' own words;
- `checks`: the layer's checks, registered (importing it registers them);
- `images`: what the screenshots may hold (pixels only).

Findings never print a value a detector finds, nor a hash of it: they say what it looks like
and where it is. The entry of privacy-exceptions.csv that would let it through (the SHA-256 of
the value as read) is printed only on request, by `validate.py --exception-rows`.
"""
