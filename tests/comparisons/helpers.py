"""Reading the comparison pages as a resident's browser would."""

import re

from tests.html_text import visible_text


def between(html, start, end):
    """The part of ``html`` from the first ``start`` to the next ``end``."""
    begin = html.index(start)
    return html[begin : html.index(end, begin) + len(end)]


def comparison_table(html):
    return between(html, '<table class="comparison">', "</table>")


def rows(table):
    """Each body row's cells as text, the row header first."""
    body = table[table.index("</thead>") :]
    return [
        [visible_text(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, flags=re.S)]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, flags=re.S)
    ]


def city_order(html):
    """The cities in the comparison table, top to bottom."""
    table = comparison_table(html)
    return re.findall(r'<th scope="row">\s*<a href="[^"]+">([^<]+)</a>', table)
