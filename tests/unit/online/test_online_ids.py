"""Every form of id `labbook add` accepts, and what it refuses."""

from __future__ import annotations

import pytest

from labbook.online.ids import BadId, PaperId, normalize_doi, parse_id


@pytest.mark.parametrize(("text", "expected"), [
    ("10.1145/3580305.3599256", PaperId("doi", "10.1145/3580305.3599256")),
    ("doi:10.1145/3580305.3599256", PaperId("doi", "10.1145/3580305.3599256")),
    ("DOI: 10.1145/3580305.3599256", PaperId("doi", "10.1145/3580305.3599256")),
    ("https://doi.org/10.1145/3580305.3599256", PaperId("doi", "10.1145/3580305.3599256")),
    ("https://dx.doi.org/10.1145/3580305.3599256", PaperId("doi", "10.1145/3580305.3599256")),
    ("http://doi.org/10.1002%2Fjor.1100150407", PaperId("doi", "10.1002/jor.1100150407")),
    ("10.1890/0012-9658(2006)87[2832:TIOPMA]2.0.CO;2",
     PaperId("doi", "10.1890/0012-9658(2006)87[2832:tiopma]2.0.co;2")),
    ("2310.17513", PaperId("arxiv", "2310.17513")),
    ("2310.17513v2", PaperId("arxiv", "2310.17513", "v2")),
    ("arXiv:2310.17513", PaperId("arxiv", "2310.17513")),
    ("arxiv:2310.17513V3", PaperId("arxiv", "2310.17513", "v3")),
    ("math/0211159", PaperId("arxiv", "math/0211159")),
    ("math.DG/0211159", PaperId("arxiv", "math/0211159")),
    ("hep-ex/0406020v1", PaperId("arxiv", "hep-ex/0406020", "v1")),
    ("https://arxiv.org/abs/2310.17513", PaperId("arxiv", "2310.17513")),
    ("https://arxiv.org/pdf/2310.17513v1.pdf", PaperId("arxiv", "2310.17513", "v1")),
    ("http://arxiv.org/abs/astro-ph/0601001v1", PaperId("arxiv", "astro-ph/0601001", "v1")),
    ("10.48550/arXiv.2310.17513", PaperId("arxiv", "2310.17513")),
    ("https://doi.org/10.48550/arXiv.2310.17513", PaperId("arxiv", "2310.17513")),
])
def test_every_documented_form_is_read(text: str, expected: PaperId) -> None:
    """DOIs in bare, doi: and URL forms; arXiv ids new and old style, with versions and as URLs; arXiv DOIs."""
    assert parse_id(text) == expected


@pytest.mark.parametrize("text", ["", "hello", "10.1145", "2310.175", "arXiv:hello", "https://example.org/x"])
def test_other_text_is_refused_with_the_forms_named(text: str) -> None:
    with pytest.raises(BadId, match=r"DOI|arXiv"):
        parse_id(text)


def test_str_names_the_paper_as_a_user_writes_it() -> None:
    assert str(parse_id("2310.17513v2")) == "arXiv:2310.17513v2"
    assert str(parse_id("https://doi.org/10.1234/X")) == "10.1234/x"
    assert normalize_doi("https://doi.org/10.1/ABC") == "10.1/abc"
