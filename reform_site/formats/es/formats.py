"""Spanish dates and numbers as Spanish speakers in the United States write them.

"18 de agosto de 2023"; numbers with a decimal point and a comma between
thousands (1,700 and 5.5), as in Mexico, Puerto Rico and the US, not the comma
of Spain; see docs/glossary-es.md.
"""

DATE_FORMAT = r"j \d\e F \d\e Y"
DATETIME_FORMAT = r"j \d\e F \d\e Y, g:i a"
SHORT_DATE_FORMAT = "j b Y"
YEAR_MONTH_FORMAT = "b Y"
MONTH_DAY_FORMAT = r"j \d\e F"
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
