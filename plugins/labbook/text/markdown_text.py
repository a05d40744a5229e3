"""Markdown inside data (a bio, an abstract, a news item) rendered to safe HTML, with links to the lab's records.

One function renders every such field, with Python-Markdown (already installed with MkDocs, and the dialect
the rest of the site is written in). Data is not trusted like a page the lab writes:

- raw HTML is escaped, never passed through (Python-Markdown's HTML block preprocessor and inline HTML
  pattern are removed, so ``<script>`` stays visible text);
- every link and image target goes through :func:`labbook.text.safe_urls.check_url` (http, https, mailto, relative);
- an image on another host is not loaded (reported, and shown as a link) unless the site allows the host
  (see :mod:`labbook.text.remote_media`);
- a relative link or image (``files/cv.pdf``) is relative to the site root, like a BibTeX link field, so it
  works the same on every page that shows the field (list, detail page, macro, feed);
- ``[text](pub:KEY)``, ``[text](person:ID)``, ``[text](talk:ID)`` and ``[text](project:ID)`` link to the
  record's page; with empty text (``[](pub:KEY)``) the record's title or name is shown. An unknown id is a
  problem reported to the caller.

Rendering happens once per lab load. The HTML keeps a record reference as a placeholder href
(``\\x1aperson:ID\\x1a``); :func:`resolve_refs` turns placeholders into URLs once the site's URL layout is
known, and :data:`BASE_MARK` in front of each URL (record links and relative links alike) is replaced by the
page's relative path to the site root when the page is written (:func:`with_base`). Neither control character
can come from a data file (YAML does not allow them, and they are removed from the input here), so data
cannot forge a placeholder.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

from labbook.text.latex_mathml import mathml_to_tex
from labbook.text.remote_media import REMOTE_MEDIA_HINT, refused_remote
from labbook.text.safe_urls import check_url, is_site_relative

#: Link schemes that name a record of the lab, and what they name.
REF_KINDS: dict[str, str] = {"pub": "publication", "person": "person", "talk": "talk", "project": "project"}
#: Marks where the page's relative path to the site root goes (replaced by :func:`with_base`).
BASE_MARK = "\x1b"
_REF_MARK = "\x1a"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: One line of words and plain punctuation, starting with a letter and ending without a space: Markdown makes it
#: one paragraph of the text as it is (no character of it is Markdown or HTML syntax in such a place).
_PLAIN_LINE = re.compile(r"[^\W\d_](?:[^\W_]| |[.,;:'\"()%$@^?/=+\-])*(?<! )")
_REF_LINK = re.compile(r'<a href="\x1a(\w+):([^"\x1a]*)\x1a">(.*?)</a>', re.S)

#: Given a kind (``pub``, ``person``...) and an id: the record's title, or ``None`` when there is none.
RefResolver = Callable[[str, str], str | None]
#: Given a kind and an id: the record's root-relative URL, or ``None`` when it has no page.
UrlResolver = Callable[[str, str], str | None]


@dataclass(frozen=True, slots=True)
class TextProblem:
    """Something wrong in a Markdown field: an unknown record id or a refused URL."""

    code: str
    message: str
    hint: str = ""
    kind: str = ""
    ref: str = ""
    #: The link target as written, to find the problem's place inside the field.
    target: str = ""


@dataclass
class RenderedText:
    """The HTML of a field (with record placeholders) and the problems found while rendering it."""

    html: str
    problems: list[TextProblem] = field(default_factory=list)
    refs: list[tuple[str, str]] = field(default_factory=list)


class _LinkChecker(Treeprocessor):
    """Resolves record links and refuses unsafe URLs, after the inline patterns have made the links."""

    def __init__(self, md: markdown.Markdown, remote_media: tuple[str, ...] = ()) -> None:
        super().__init__(md)
        self.remote_media = remote_media
        self.resolve: RefResolver = lambda kind, ref: None
        self.problems: list[TextProblem] = []
        self.refs: list[tuple[str, str]] = []

    def run(self, root: ET.Element) -> None:
        for parent in root.iter():
            for index, el in enumerate(list(parent)):
                if el.tag == "a":
                    self._link(parent, index, el)
                elif el.tag == "img":
                    self._image(parent, index, el)

    def _link(self, parent: ET.Element, index: int, el: ET.Element) -> None:
        href = _attr_text(el.get("href", ""))
        scheme, sep, ref = href.partition(":")
        if sep and scheme in REF_KINDS:
            ref = ref.strip()
            title = self.resolve(scheme, ref)
            if title is None:
                self.problems.append(TextProblem(
                    "unknown-ref", f"no {REF_KINDS[scheme]} has the id '{ref}' (link '{href}')",
                    "check the spelling; publication keys come from the .bib file, other ids from data/*.yml",
                    scheme, ref, href))
                _unwrap(parent, index, el, href)
                return
            self.refs.append((scheme, ref))
            if not (el.text or "").strip() and len(el) == 0:
                el.text = title
            el.attrib.clear()
            el.set("href", f"{_REF_MARK}{scheme}:{ref}{_REF_MARK}")
            return
        if check_url(href) is None:
            self.problems.append(TextProblem(
                "unsafe-url", f"the link target '{href[:80]}' is not an http(s), mailto or relative URL",
                "use https://..., mailto:... or a path; record links are pub:KEY, person:ID, talk:ID, project:ID",
                target=href))
            _unwrap(parent, index, el, href)
        elif is_site_relative(href):
            el.set("href", BASE_MARK + el.get("href", ""))

    def _image(self, parent: ET.Element, index: int, el: ET.Element) -> None:
        src = _attr_text(el.get("src", ""))
        if check_url(src) is None or src.partition(":")[0] in REF_KINDS:
            self.problems.append(TextProblem(
                "unsafe-url", f"the image source '{src[:80]}' is not an http(s) or relative URL", target=src))
            parent.remove(el)
            span = ET.Element("span")
            span.text = el.get("alt", "")
            span.tail = el.tail
            parent.insert(index, span)
        elif (host := refused_remote(src, self.remote_media)) is not None:
            # Not loaded (another host would see every reader), but not lost: a link to it stays.
            self.problems.append(TextProblem(
                "remote-media", f"the image '{src[:80]}' would be loaded from {host} by every reader's browser;"
                " it is shown as a link instead", REMOTE_MEDIA_HINT, target=src))
            link = ET.Element("a", {"href": src, "class": "lb-remote-media"})
            link.text, link.tail = el.get("alt", "") or src, el.tail
            parent.remove(el)
            parent.insert(index, link)
        elif is_site_relative(src):
            el.set("src", BASE_MARK + el.get("src", ""))


def _attr_text(value: str) -> str:
    # automail writes its mailto: href as character references behind a placeholder for '&'.
    return html.unescape(value.replace(AMP_SUBSTITUTE, "&"))


def _unwrap(parent: ET.Element, index: int, el: ET.Element, target: str) -> None:
    """Replace a refused link by a span with the same content, so the text stays and nothing links; a link
    without text (``[](pub:NOPE)``) shows its target, so that nothing disappears from the page."""
    span = ET.Element("span", {"class": "lb-broken-link"})
    span.text, span.tail = el.text, el.tail
    span.extend(list(el))
    if not (el.text or "").strip() and len(el) == 0:
        span.text = target
    parent.remove(el)
    parent.insert(index, span)


class _DataSafety(Extension):
    def __init__(self, remote_media: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.remote_media = remote_media

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_LinkChecker(md, self.remote_media), "labbook_links", 15)


class MarkdownText:
    """Renders Markdown from data files; one instance is reused for every field (it is reset each time).

    ``remote_media`` lists the hosts images may be loaded from (the site's ``remote_media`` option); an image
    on any other host is reported and shown as a link. With ``keep=True`` (`mkdocs serve`, which renders every
    field again on each rebuild) a field is rendered again only when its text changed or a record it links to
    now resolves differently; what the last two loads (:meth:`begin`) did not render is forgotten.
    """

    def __init__(self, remote_media: tuple[str, ...] = (), *, keep: bool = False) -> None:
        self._md = markdown.Markdown(extensions=[_DataSafety(tuple(remote_media)), "sane_lists"],
                                     output_format="html")
        checker = self._md.treeprocessors["labbook_links"]
        assert isinstance(checker, _LinkChecker)
        self._checker = checker
        self.remote_media = tuple(remote_media)
        self.keep = keep
        self.conversions = 0
        """How many texts were converted (not taken from the memo)."""
        self._previous: dict[str, _Kept] = {}
        self._current: dict[str, _Kept] = {}

    def begin(self) -> None:
        """Start a load: what the previous one rendered stays available, anything older is forgotten."""
        self._previous, self._current = self._current, {}

    def render(self, text: str | None, resolve: RefResolver) -> RenderedText:
        """Render ``text``; ``resolve`` names the records that exist (see :data:`RefResolver`)."""
        if not text or not text.strip():
            return RenderedText("")
        if not self.keep:
            return self._convert(text, resolve)
        kept = self._current.get(text) or self._previous.get(text)
        if kept is None or any(resolve(kind, ref) != answer for kind, ref, answer in kept.answers):
            answers: list[tuple[str, str, str | None]] = []

            def asked(kind: str, ref: str) -> str | None:
                answer = resolve(kind, ref)
                answers.append((kind, ref, answer))
                return answer

            kept = _Kept(self._convert(text, asked), answers)
        self._current[text] = kept
        out = kept.rendered
        return RenderedText(out.html, list(out.problems), list(out.refs))

    def _convert(self, text: str, resolve: RefResolver) -> RenderedText:
        self.conversions += 1
        text = _CONTROL.sub("", text)
        if _PLAIN_LINE.fullmatch(text):
            return RenderedText(f"<p>{text}</p>")  # what Markdown makes of it, at a hundredth of the cost
        self._md.reset()
        self._checker.resolve = resolve
        self._checker.problems = []
        self._checker.refs = []
        out = self._md.convert(text)
        return RenderedText(out, list(self._checker.problems), list(self._checker.refs))


@dataclass
class _Kept:
    """A rendered text and every record look-up it made (kind, id, answer): the same answers, the same HTML."""

    rendered: RenderedText
    answers: list[tuple[str, str, str | None]]


def resolve_refs(rendered: str, url_of: UrlResolver) -> str:
    """Replace record placeholders by ``BASE_MARK + url``; a record without a page loses its link, not its text."""

    def swap(match: re.Match[str]) -> str:
        url = url_of(match[1], html.unescape(match[2]))
        if url is None:
            return f'<span class="lb-ref">{match[3]}</span>'
        return f'<a class="lb-ref lb-ref-{match[1]}" href="{BASE_MARK}{html.escape(url)}">{match[3]}</a>'

    return _REF_LINK.sub(swap, rendered) if _REF_MARK in rendered else rendered


def with_base(rendered: str, base: str) -> str:
    """Put the page's relative path to the site root (``"../"``) where :data:`BASE_MARK` stands.

    The mark is only ever written at the start of an ``href``/``src`` value; an ESC anywhere else (which the
    loaders remove from data, reporting it) is dropped, so it can never turn into a path.
    """
    if BASE_MARK not in rendered:
        return rendered
    return rendered.replace('="' + BASE_MARK, '="' + base).replace(BASE_MARK, "")


def plain_text(rendered: str) -> str:
    """The visible text of rendered HTML (for JSON-LD descriptions and meta tags); a formula is its TeX."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", mathml_to_tex(rendered))).split())
