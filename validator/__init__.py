"""Checks for the package: each layer is a function that takes the loaded package and returns findings.

`validate.py` at the repository root is the command; `validator.run.validate_package` is the API.
"""
