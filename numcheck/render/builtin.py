"""Import every built-in renderer module so it registers its formats."""

import numcheck.render.html  # noqa: F401
from numcheck.render import claims_table, markdown, report_formats  # noqa: F401
