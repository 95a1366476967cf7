"""A page's text as a resident reads it, for tests that assert on words rather than markup."""

from html.parser import HTMLParser

# Not shown: their contents are code, not text.
HIDDEN = {"script", "style", "template"}


class _TextCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN:
            self.hidden += 1
        elif tag != "wbr":  # a line-break hint inside a word, not a space
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        else:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def visible_text(html):
    """The text of ``html`` (a string or a response), as a resident reads it.

    Tags read as spaces, entities are decoded, scripts and styles are left out,
    and every run of whitespace, non-breaking spaces too, is one space.
    """
    if hasattr(html, "content"):
        html = html.content.decode()
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return " ".join("".join(collector.parts).split())
