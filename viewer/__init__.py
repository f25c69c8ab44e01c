"""The provenance viewer: docs/index.html, the article with every row that has a span marked
where the article prints it (an attribution, which has none, links its statement and entity),
written from the package's own files.

Read it top to bottom:

- `package`: the descriptor, the article and the tables (with each row's CSV line);
- `spans`: the article as nested marks, one element or more per span;
- `marks`: the look of each kind of mark (colour and line style), `contrast`: WCAG ratios;
- `panels`, `links`, `figures`, `timeline`, `tables_view`: what a selected row shows, the
  timeline and the tables;
- `about`, `citation`: privacy, licence, JSON-LD and how to cite, from the descriptor and
  CITATION.cff;
- `page`: the page assembled, with `page.css` and `page.js` inline;
- `build`: validate, then write (what scripts/build_site.py runs);
- `chromium`, `png`: a headless browser for the tests and the screenshot.
"""
