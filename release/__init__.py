"""The release: the validated package as the files users load and cite.

    python scripts/build_release.py build       # writes build/<name>-<version>.zip and the rest

One module per output (`archive`, `sqlite`, `xlsx`, `annotations`, `croissant`, `citation`,
`checksums`), each a function that takes the loaded package (`package.load`) and writes one
file; `build.build_release` runs them all on a package that validates, and refuses one that
does not. Nothing here is imported by `validate.py`: the build's dependencies (openpyxl,
PyYAML, pyld) stay out of the validator's path.
"""
