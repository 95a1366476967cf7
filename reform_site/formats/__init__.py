"""Dates and numbers as each of the site's languages writes them (FORMAT_MODULE_PATH).

Only what differs from Django's own formats for the language is set here.
Templates use the names (``|date`` for DATE_FORMAT, ``|date:"SHORT_DATE_FORMAT"``),
never a pattern, so every page follows its language.
"""
