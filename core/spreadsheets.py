"""CSV cells that a spreadsheet will show as text, never run as a formula."""

# What Excel, LibreOffice and Google Sheets read as the start of a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """Text that would start a formula gets a leading apostrophe; other values pass.

    Numbers, dates and booleans are left as they are so the data stays numeric.
    """
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return f"'{value}"
    return value
