"""The shape of every file numcheck reads: rules, settings, configuration, ledger, baseline, gold.

One typed layer (pydantic models, strict: no silent coercion, unknown keys refused,
values checked as well as types), so each file is validated the same way and every
failure is one ``NumcheckError`` line ``FILE: key.sub[2]: what is wrong``. Importing
this package is free; pydantic is loaded with the first model module a command needs.
"""
