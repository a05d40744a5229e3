"""Property tests of YAML collections: no exception escapes, lines stay in the file, valid records survive."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from labbook.diagnostics import Report
from labbook.load.collections import load_collection
from labbook.model.person import Person
from tests.property.strategies import YAML_FRAGMENTS, mutation, people_yaml
from tests.property.test_fuzz_bibtex import assert_lines_inside

EXAMPLES = settings.default.max_examples


def load(data: bytes) -> tuple[list[Person], Report]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "people.yml"
        path.write_bytes(data)
        report = Report()
        return load_collection(path, "people.yml", Person, report), report


@settings(max_examples=EXAMPLES, deadline=None)
@given(people_yaml())
def test_valid_files_load_completely_and_cleanly(generated) -> None:
    """Every record of a valid people.yml loads, in order, with nothing reported."""
    text, ids = generated
    people, report = load(text.encode("utf-8"))
    assert [p.id for p in people] == ids
    assert list(report) == [], [d.format_text() for d in report]


@settings(max_examples=EXAMPLES * 2, deadline=None)
@given(st.data())
def test_one_edit_never_raises(data) -> None:
    """After one random edit (a tab, a colon, an anchor, a python tag, a '---' ...), loading never raises and
    every diagnostic is inside the file."""
    text, _ids = data.draw(people_yaml())
    edited = data.draw(mutation(text, YAML_FRAGMENTS)).apply(text)
    _people, report = load(edited.encode("utf-8", errors="surrogatepass"))
    assert_lines_inside(report, edited)


@settings(max_examples=EXAMPLES * 2, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_never_raise(data: bytes) -> None:
    """Any bytes: a diagnostic or records, never an exception; every line inside the file."""
    _people, report = load(data)
    assert_lines_inside(report, data.decode("utf-8", errors="replace"))


@settings(max_examples=EXAMPLES * 2, deadline=None)
@given(st.lists(st.sampled_from([*YAML_FRAGMENTS, "id", "name", "role", "phd", "x", "1", " "]), max_size=80)
       .map("".join))
def test_yaml_shaped_noise_never_raises(text: str) -> None:
    """Text made of YAML's own punctuation and the record's keys: no exception, every line inside the file."""
    _people, report = load(text.encode("utf-8"))
    assert_lines_inside(report, text)
