"""Import every built-in renderer module so it registers its formats."""

from numcheck.render import claims_table  # noqa: F401
