"""The importers' shared pieces: front matter (YAML and TOML), dates, Liquid and shortcode conversion, BibTeX."""

from __future__ import annotations

from pathlib import Path

from labbook.importers.bibfile import split_entries
from labbook.importers.frontmatter import duplicate_keys, read_document
from labbook.importers.markup import Refs, convert
from labbook.importers.records import bib_entry, normalize_date, person_links
from labbook.importers.report import ImportReport


def test_yaml_and_toml_front_matter(tmp_path: Path) -> None:
    """Both front-matter syntaxes are read; dates stay as written; CRLF is normalised; bad YAML is an error
    with its line, not an exception."""
    (tmp_path / "a.md").write_bytes(b"---\r\ntitle: A\r\ndate: 2024-05-01\r\n---\r\nBody\r\n")
    (tmp_path / "b.md").write_text('+++\ntitle = "B"\ndate = 2020-01-02\n+++\nText\n', encoding="utf-8")
    (tmp_path / "c.md").write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    a = read_document(tmp_path / "a.md", tmp_path)
    assert (a.meta, a.body.strip(), a.body_line) == ({"title": "A", "date": "2024-05-01"}, "Body", 5)
    b = read_document(tmp_path / "b.md", tmp_path)
    assert b.meta["title"] == "B" and b.body.strip() == "Text"
    c = read_document(tmp_path / "c.md", tmp_path)
    assert c.error and "YAML" in c.error and c.meta == {}
    assert duplicate_keys("a: 1\nb: 2\na: 3\n") == [("a", 3)]


def test_dates_from_real_sites() -> None:
    assert normalize_date("2015-10-22 15:59:00-0400") == "2015-10-22"
    assert normalize_date("2013-07-01T00:00:00Z") == "2013-07-01"
    assert normalize_date("Jun 1, 2007") == "2007-06-01"
    assert normalize_date("2022-11-1 16:59:00-0400") == "2022-11-01"
    assert normalize_date("2024") == "2024"
    assert normalize_date("someday") is None
    assert normalize_date("2024-02-30") is None


def _refs(assets: dict[str, str] | None = None) -> tuple[Refs, ImportReport]:
    report = ImportReport("t", "src")
    files = assets or {}
    return Refs("page.md", 10, report, lambda ref: files.get(ref), cite=lambda key: "pub-page" if key == "k1" else None,
                page_link=lambda target: None), report


def test_liquid_is_converted_or_removed_and_reported() -> None:
    refs, report = _refs({"assets/img/1.jpg": "assets/imported/assets/img/1.jpg"})
    text = ('{% include figure.liquid path="assets/img/1.jpg" title="A photo" %}\n'
            "See {% cite k1 %} and {% cite nope %}.\n"
            "{% for p in site.data.people %}{{ p.name }}{% endfor %}\n"
            "{% highlight python %}\nx = 1\n{% endhighlight %}\n"
            "![gone](assets/img/missing.png) [ok]({{ '/x.pdf' | relative_url }})")
    out = convert(text, refs, hugo=False)
    assert "![A photo](assets/imported/assets/img/1.jpg)" in out
    assert "[k1](pub-page)" in out and "nope" in out
    assert "```python\nx = 1\n```" in out
    assert "{%" not in out and "{{" not in out
    assert "missing.png" not in out and "gone" in out
    messages = [n.format() for n in report.notes]
    assert any("page.md:11: cited key 'nope'" in m for m in messages)
    assert any("'{% for p in site.data.people %}'" in m and m.startswith("page.md:12") for m in messages)


def test_hugo_shortcodes_become_markdown() -> None:
    refs, report = _refs({"fig.png": "assets/imported/fig.png"})
    text = ("{{% callout note %}}\nRead *this*.\n{{% /callout %}}\n"
            '{{< figure src="fig.png" caption="Fig" >}}\n{{< youtube abc123 >}}\n{{< icon name="x" >}}')
    out = convert(text, refs, hugo=True)
    assert "!!! note\n\n    Read *this*." in out
    assert "![Fig](assets/imported/fig.png)" in out
    assert "https://www.youtube.com/watch?v=abc123" in out
    assert "{{" not in out and any("icon" in n.message for n in report.notes)


def test_scripts_are_removed() -> None:
    refs, report = _refs()
    assert "alert" not in convert("a <script>alert(1)</script> b", refs, hugo=False)
    assert report.notes


def test_bib_split_and_write() -> None:
    entries, problems = split_entries('---\n---\n@string{a = "b"}\n@article{k1, title={A {B} c}}\n@misc{k2,\n')
    assert [(e.kind, e.key) for e in entries] == [("string", ""), ("article", "k1")]
    assert problems and "not closed" in problems[0][1]
    text = bib_entry("article", "key", {"title": "50% of A_B & C", "author": "X and Y"})
    assert r"50\% of A\_B \& C" in text and text.startswith("@article{key,")


def test_person_links_keep_what_labbook_accepts() -> None:
    kept, other = person_links({"email": "ann (at) uni.edu", "scholar": "https://scholar.google.com/citations?user="
                                "qc6CJjYAAAAJ&hl=en", "github": "octocat", "bluesky": "ann.bsky"})
    assert kept == {"email": "ann@uni.edu", "scholar": "qc6CJjYAAAAJ", "github": "octocat"}
    assert other == {"bluesky": "ann.bsky"}


def test_venue_colours_become_css_with_readable_text() -> None:
    from labbook.importers.venues import venue_css

    css, bad = venue_css({"AJP": {"color": "#00369f"}, "Vision": {"color": "#009f36"}, "X": {"url": "u"},
                          'Q"uote': {"color": "#fff"}, "Bad": {"color": "red; }"}})
    assert '.lb-badge-venue[data-badge="AJP"] { background: #00369f; color: #fff; }' in css
    assert '.lb-badge-venue[data-badge="Vision"] { background: #009f36; color: #1a1a1a; }' in css
    assert '[data-badge="Q\\"uote"]' in css and "X" not in css.split("*/")[1].split("[")[0]
    assert bad == ["Bad"]
