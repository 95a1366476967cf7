"""Whatever HTML staff paste into Markdown, the text after it still reaches the page as text."""

from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from core.markdown import render_markdown

# Tags that change how an HTML parser reads what follows, and ordinary ones.
TAG_NAMES = [
    "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext",
    "script", "style", "template", "svg", "math", "select", "option", "table", "td",
    "a", "b", "em", "img", "div", "span", "abbr", "pre", "code", "foo", "x-widget",
]  # fmt: skip
# Words a fragment never contains, so finding them proves they came from the text after it.
WORDS = ["harbor", "lantern", "meadow", "orchard", "quarry", "thimble", "violet", "willow"]

attribute_value = st.text(alphabet="abc <>\"'=/-!", max_size=8)
attribute = st.builds(
    lambda name, quote, value, close: f" {name}={quote}{value}{quote if close else ''}",
    st.sampled_from(["title", "href", "onclick", "x"]),
    st.sampled_from(['"', "'", ""]),
    attribute_value,
    st.booleans(),
)
tag = st.builds(
    lambda slash, name, attributes, end: f"<{slash}{name}{''.join(attributes)}{end}",
    st.sampled_from(["", "/"]),
    st.sampled_from(TAG_NAMES),
    st.lists(attribute, max_size=2),
    st.sampled_from([">", "/>", "", " "]),
)
oddity = st.sampled_from(
    ["<!--", "<!-- closed -->", "<!", "<?php", "<![CDATA[", "</", "<", "&", "&#", "<<>>", "-->"]
)
fragment = st.lists(st.one_of(tag, oddity, st.text(alphabet="xyz ", max_size=4)), max_size=4)


class TextCollector(HTMLParser):
    """The text a reader sees: character data, never attribute values or comments."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text = []

    def handle_data(self, data):
        self.text.append(data)


def page_text(html):
    collector = TextCollector()
    collector.feed(html)
    collector.close()
    return " ".join(collector.text)


@settings(max_examples=300, deadline=None)
@given(
    parts=fragment,
    words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=5),
    separator=st.sampled_from([" ", "\n", "\n\n"]),
)
def test_every_word_after_any_html_fragment_reaches_the_page_as_text(parts, words, separator):
    markdown = "Before " + "".join(parts) + separator + " ".join(words) + "\n\nThe **end**."
    html = render_markdown(markdown)
    text = page_text(html)
    for word in words:
        assert word in text, (markdown, html)
    assert "end" in text, (markdown, html)
    # The renderer's own markup never turns into visible text.
    assert "<p>" not in text, (markdown, html)
    assert "<strong>" not in text, (markdown, html)
