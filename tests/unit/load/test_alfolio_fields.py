"""al-folio's display fields as al-folio shows them: award and additional_info in Markdown, award_name as the
badge, preview thumbnails in assets/img/publication_preview/, bare file names under assets/pdf/."""

from __future__ import annotations

from labbook.load.alfolio_fields import file_link, inline_markdown, preview_url
from tests.unit.load.test_entries import pub


def test_award_is_markdown_and_award_name_the_badge() -> None:
    p, report = pub("title={T}, author={A B}, year=1905, award={received the **Nobel Prize** *for physics*}, "
                    "award_name={Nobel Prize}")
    assert str(p.award_html) == "received the <strong>Nobel Prize</strong> <em>for physics</em>"
    assert p.extra["award_label"] == "Nobel Prize"
    assert not report.items
    only_name, _ = pub("title={T}, author={A B}, year=2020, award_name={Best Paper}")
    assert only_name.extra["award_label"] == "Best Paper" and str(only_name.award_html) == ""


def test_additional_info_is_markdown_note_stays_tex() -> None:
    p, _ = pub("title={T}, author={A B}, year=2020, additional_info={. *Oral* at [the workshop](https://w.org)}")
    assert str(p.note_html) == '. <em>Oral</em> at <a href="https://w.org">the workshop</a>'
    q, _ = pub("title={T}, author={A B}, year=2020, note={\\emph{To appear}}")
    assert "<em>To appear</em>" in str(q.note_html)


def test_files_and_previews_resolve_as_in_al_folio() -> None:
    p, _ = pub("title={T}, author={A B}, year=2020, pdf={paper.pdf}, slides={talks/s.pdf}, supp={https://x.org/s}, "
               "preview={wave.gif}")
    assert p.link("pdf") == "paper.pdf"  # the lab's loader points it at assets/pdf/ (tests/unit/load/test_local_files)
    assert p.link("slides") == "talks/s.pdf"  # a path with a folder is the site's own, as before
    assert p.link("supp") == "https://x.org/s"
    assert p.extra["preview"] == "assets/img/publication_preview/wave.gif"
    assert file_link("code", "x.py") == "x.py"
    assert preview_url("javascript:alert(1)") is None and preview_url("") is None


def test_a_bare_pdf_name_found_nowhere_links_where_al_folio_keeps_it(tmp_path) -> None:
    """A bare name in pdf/supp/poster/slides that is neither at the site root nor in assets/pdf/ is reported and
    linked to assets/pdf/, as al-folio links it."""
    from labbook.diagnostics import Report
    from labbook.load.local_files import check_local_files

    p, _ = pub("title={T}, author={A B}, year=2020, pdf={paper.pdf}")
    report = Report()
    check_local_files([p], [], [], tmp_path, "docs", report)
    assert p.link("pdf") == "assets/pdf/paper.pdf"
    assert [d.code for d in report] == ["missing-file"]


def test_inline_markdown_escapes_and_keeps_math() -> None:
    assert str(inline_markdown("<b>x</b> [a](javascript:alert(1))")) == "&lt;b&gt;x&lt;/b&gt; [a](javascript:alert(1))"
    assert "a*b*c" in str(inline_markdown("$a*b*c$ **bold**")) and "<strong>bold</strong>" in str(
        inline_markdown("$a*b*c$ **bold**"))
