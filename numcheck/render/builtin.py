"""Import every built-in renderer module so it registers its formats."""

from numcheck.render import claims_table, markdown, report_formats  # noqa: F401
