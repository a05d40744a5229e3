"""Property test: a plain line of a data field is rendered exactly as Python-Markdown renders it.

:class:`~labbook.text.markdown_text.MarkdownText` skips Markdown for a single line of words and plain
punctuation; for every text, the HTML must be what the full conversion makes.
"""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from labbook.text.markdown_text import MarkdownText

#: Letters (ASCII and not), digits, spaces and every ASCII punctuation character, with line ends and tabs:
#: texts on both sides of the plain-line rule.
_ANY = st.sampled_from(list("abcXYZéßЖ漢٣0129 \t\n.,;:'\"()%$@^?/=+-_*`#!<>&[]{}|~\\"))
#: Texts that are mostly plain lines: words, digits, spaces and the punctuation the rule lets through.
_MOSTLY_PLAIN = st.sampled_from(list("abcXYZéßЖ漢٣0129      .,;:'\"()%$@^?/=+-_*"))


def _full(renderer: MarkdownText, text: str) -> str:
    renderer._md.reset()  # the conversion the plain-line rule stands in for
    return str(renderer._md.convert(text))


@given(st.one_of(st.text(_ANY, min_size=1, max_size=40), st.text(_MOSTLY_PLAIN, min_size=1, max_size=60)))
@example("Hello world.")
@example("trail ")
@example("a  b (c) 3.5% $x$ it's \"quoted\" a/b=c+d-e?")
@example("a-")
@example("e.g. 1. a")
@example("- a list?")
@example("a + b = c")
@example("a _b_ c")
def test_a_plain_line_renders_as_markdown_renders_it(text: str) -> None:
    renderer = MarkdownText()
    rendered = renderer.render(text, lambda kind, ref: None)
    if text.strip():
        assert rendered.html == _full(renderer, text)
