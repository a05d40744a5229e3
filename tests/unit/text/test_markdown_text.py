"""Tests of labbook.text.markdown_text: Markdown from data files is escaped, checked and linked."""

from __future__ import annotations

import pytest

from labbook.text.markdown_text import BASE_MARK, MarkdownText, plain_text, resolve_refs, with_base

TITLES = {
    ("pub", "zeng2024expressive"): "The Expressive Power of LoRA",
    ("person", "kangwook-lee"): "Kangwook Lee",
    ("talk", "2024-04-jhu"): "Theory of Adaptation",
    ("project", "adaptation"): "Adaptation theory",
}


def titles(kind: str, ref: str) -> str | None:
    return TITLES.get((kind, ref))


def urls(kind: str, ref: str) -> str | None:
    return {"pub": "publications/", "person": "people/", "talk": "talks/", "project": "projects/"}[kind] + ref + "/"


@pytest.fixture(scope="module")
def md() -> MarkdownText:
    return MarkdownText()


def page(md: MarkdownText, text: str, base: str = "../") -> str:
    rendered = md.render(text, titles)
    return with_base(resolve_refs(rendered.html, urls), base)


def test_plain_markdown_renders(md: MarkdownText) -> None:
    """Paragraphs, emphasis, lists and ordinary links work as in the rest of the site."""
    html = page(md, "Some *emphasis*.\n\n- one\n- [two](https://example.org/)\n")
    assert "<em>emphasis</em>" in html and "<li>one</li>" in html
    assert '<a href="https://example.org/">two</a>' in html


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "<div onclick=\"x()\">\n\nblock</div>",
        "inline <img src=x onerror=alert(1)> html",
        "<!-- a comment -->",
        "<b>bold</b>",
    ],
)
def test_raw_html_is_escaped(md: MarkdownText, text: str) -> None:
    """Raw HTML in data, block or inline, is shown as text, never passed through."""
    html = page(md, text)
    assert "<script" not in html and "<div" not in html and "<img" not in html and "<!--" not in html
    assert "<b>" not in html and "&lt;" in html


def test_template_syntax_stays_text(md: MarkdownText) -> None:
    """`{{ }}` and `{% %}` are ordinary characters in data text."""
    html = page(md, "{{ 7*7 }} and {% if x %}")
    assert "{{ 7*7 }}" in html and "{% if x %}" in html


def test_record_links_resolve_to_their_pages(md: MarkdownText) -> None:
    """pub:, person:, talk: and project: links point at the record's page, relative to the page's base."""
    text = ("[paper](pub:zeng2024expressive), [KL](person:kangwook-lee), [talk](talk:2024-04-jhu), "
            "[project](project:adaptation)")
    html = page(md, text)
    assert 'href="../publications/zeng2024expressive/">paper</a>' in html
    assert 'href="../people/kangwook-lee/">KL</a>' in html
    assert 'href="../talks/2024-04-jhu/">talk</a>' in html
    assert 'href="../projects/adaptation/">project</a>' in html
    assert md.render(text, titles).refs == [("pub", "zeng2024expressive"), ("person", "kangwook-lee"),
                                            ("talk", "2024-04-jhu"), ("project", "adaptation")]


def test_empty_link_text_shows_the_record_title(md: MarkdownText) -> None:
    """`[](pub:KEY)` shows the publication's title; `[](person:ID)` the person's name."""
    html = page(md, "[](pub:zeng2024expressive) by [](person:kangwook-lee)", base="")
    expected = '<a class="lb-ref lb-ref-pub" href="publications/zeng2024expressive/">The Expressive Power of LoRA</a>'
    assert expected in html
    assert ">Kangwook Lee</a>" in html


def test_reference_style_links_are_checked_too(md: MarkdownText) -> None:
    """`[text][ref]` with `[ref]: person:ID` resolves like an inline link; a bad one is reported."""
    html = page(md, "[KL][k] and [X][x]\n\n[k]: person:kangwook-lee\n[x]: person:nobody\n")
    assert 'href="../people/kangwook-lee/">KL</a>' in html
    assert md.render("[X][x]\n\n[x]: person:nobody\n", titles).problems[0].code == "unknown-ref"


def test_unknown_ids_are_problems_and_lose_only_the_link(md: MarkdownText) -> None:
    """An unknown id is reported with the kind of record, and its text stays on the page unlinked."""
    rendered = md.render("see [this paper](pub:zeng2024expresive) now", titles)
    (problem,) = rendered.problems
    assert problem.code == "unknown-ref"
    assert "no publication has the id 'zeng2024expresive'" in problem.message
    html = with_base(resolve_refs(rendered.html, urls), "")
    assert "this paper" in html and "href" not in html


@pytest.mark.parametrize(("text", "shown"), [
    ("see [](pub:NOPE) now", "pub:NOPE"),
    ("see [](person:nobody) now", "person:nobody"),
    ("see [](javascript:alert(1)) now", "javascript:alert(1)"),
])
def test_a_refused_link_without_text_shows_its_target(md: MarkdownText, text: str, shown: str) -> None:
    """`[](pub:NOPE)` in a plain build shows "pub:NOPE" (escaped, unlinked) rather than an empty span."""
    html = page(md, text)
    assert f'see <span class="lb-broken-link">{shown}</span> now' in html and "href" not in html


@pytest.mark.parametrize(
    "target",
    ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "data:text/html,x",
     "vbscript:x", "//evil.example/"],
)
def test_unsafe_link_targets_are_refused(md: MarkdownText, target: str) -> None:
    """Links go through check_url: only http(s), mailto and relative targets survive."""
    rendered = md.render(f"[click](<{target}>)", titles)
    assert [p.code for p in rendered.problems] == ["unsafe-url"]
    assert "href" not in rendered.html and "click" in rendered.html


def test_unsafe_image_sources_are_refused(md: MarkdownText) -> None:
    """Images keep their alt text when their source is refused."""
    rendered = md.render("![a chart](data:image/png;base64,AAAA)", titles)
    assert [p.code for p in rendered.problems] == ["unsafe-url"]
    assert "<img" not in rendered.html and "a chart" in rendered.html
    ok = md.render("![a chart](images/chart.png)", titles)
    assert ok.problems == [] and f'<img alt="a chart" src="{BASE_MARK}images/chart.png"' in ok.html


def test_mailto_autolinks_are_allowed(md: MarkdownText) -> None:
    """`<someone@example.org>` stays a (obfuscated) mailto link and is not refused."""
    rendered = md.render("<someone@example.org>", titles)
    assert rendered.problems == [] and "<a href=" in rendered.html


def test_placeholders_cannot_be_forged_from_data(md: MarkdownText) -> None:
    """Control characters are removed, so data cannot write a placeholder or a base mark itself."""
    rendered = md.render('<a href="\x1aperson:x\x1a">x</a> \x1b evil', titles)
    html = resolve_refs(rendered.html, urls)
    assert "\x1a" not in html and BASE_MARK not in html


def test_record_without_a_page_keeps_its_text(md: MarkdownText) -> None:
    """When a kind of page is turned off, its links become plain spans."""
    rendered = md.render("[KL](person:kangwook-lee)", titles)
    assert resolve_refs(rendered.html, lambda kind, ref: None) == '<p><span class="lb-ref">KL</span></p>'


def test_empty_text_renders_nothing(md: MarkdownText) -> None:
    """None and blank fields give no HTML."""
    assert md.render(None, titles).html == "" and md.render("  \n", titles).html == ""


def test_plain_text_of_rendered_html(md: MarkdownText) -> None:
    """plain_text gives the visible words (for JSON-LD descriptions)."""
    assert plain_text(md.render("A *b* &amp; [c](https://x.org/)", titles).html) == "A b & c"


@pytest.mark.parametrize(("base", "href"), [("", "files/x.pdf"), ("../", "../files/x.pdf"),
                                             ("../../", "../../files/x.pdf")])
def test_relative_links_are_relative_to_the_site_root(md: MarkdownText, base: str, href: str) -> None:
    """A relative link or image in data is relative to the site root (like a BibTeX link field): the page's
    base goes in front of it, so it reaches the same file from every page."""
    html = page(md, "[cv](files/x.pdf) ![portrait](files/p.png)", base=base)
    assert f'<a href="{href}">cv</a>' in html
    assert f'src="{href.replace("x.pdf", "p.png")}"' in html


@pytest.mark.parametrize("target", ["https://example.org/x", "/x/y", "#section", "mailto:a@example.org",
                                    "HTTPS://example.org/"])
def test_absolute_links_keep_their_target(md: MarkdownText, target: str) -> None:
    """A URL with a scheme, a path from the host's root and a fragment mean the same on every page."""
    html = page(md, f"[x]({target})", base="../")
    assert f'href="{target}"' in html


def test_a_kept_renderer_converts_a_text_again_only_when_it_or_its_links_change() -> None:
    """`mkdocs serve` keeps the renderer: the same text with the same records linked is not converted again;
    a linked record that is renamed or removed is."""
    titles = {("pub", "alpha2024"): "Alpha Paper"}
    renderer = MarkdownText(keep=True)
    text = "See [](pub:alpha2024) and *more*."
    first = renderer.render(text, lambda kind, ref: titles.get((kind, ref)))
    renderer.begin()
    again = renderer.render(text, lambda kind, ref: titles.get((kind, ref)))
    assert again == first and renderer.conversions == 1
    titles[("pub", "alpha2024")] = "Alpha, Revised"
    renderer.begin()
    renamed = renderer.render(text, lambda kind, ref: titles.get((kind, ref)))
    assert "Alpha, Revised" in renamed.html and renderer.conversions == 2
    del titles[("pub", "alpha2024")]
    renderer.begin()
    gone = renderer.render(text, lambda kind, ref: titles.get((kind, ref)))
    assert gone.problems and gone.problems[0].code == "unknown-ref" and renderer.conversions == 3
    fresh = MarkdownText().render(text, lambda kind, ref: None)
    assert gone == fresh
