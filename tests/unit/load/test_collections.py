"""Malformed and mistyped YAML data files: one clear diagnostic each, at the right line, and no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from labbook.diagnostics import Report, Severity
from labbook.load.collections import load_collection
from labbook.load.yaml import MAX_NODES, parse_yaml
from labbook.model.person import Person

ANN = "- id: ann\n  name: Ann\n  role: phd\n"


def load(tmp_path: Path, content: str | bytes) -> tuple[list[Person], Report]:
    path = tmp_path / "people.yml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    report = Report()
    return load_collection(path, "data/people.yml", Person, report), report


def only(report: Report, code: str):
    found = [d for d in report if d.code == code]
    assert len(found) == 1, [d.format_text() for d in report]
    return found[0]


BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 10) if prev else ', '.join(['x'] * 10)}]\n"
    for prev, name in zip(["", "a", "b", "c", "d", "e", "f", "g"], "abcdefgh", strict=True)
)

# (name, content, code, line, words in the message, ids that must load)
CASES = [
    ("tab in the indentation", ANN + "- id: bob\n\tname: Bob\n  role: phd\n",
     "yaml-syntax", 5, "a tab character", []),
    ("duplicate key", ANN + "- id: bob\n  name: Bob\n  role: phd\n  name: Robert\n",
     "yaml-duplicate-key", 7, "already set at line 5", ["ann", "bob"]),
    ("several documents", ANN + "---\n- id: bob\n  name: Bob\n  role: phd\n",
     "yaml-several-documents", 4, "more than one YAML document", ["ann", "bob"]),
    ("mapping where the file's list belongs", "ann:\n  name: Ann\n  role: phd\n",
     "yaml-not-a-list", 1, "holds a mapping", []),
    ("mapping where a field's list belongs", ANN + "- id: bob\n  name: Bob\n  role: phd\n  aliases:\n    a: B\n",
     "yaml-invalid", 7, "'aliases' should be a list, not a mapping", ["ann"]),
    ("list where text belongs", ANN + "- id: bob\n  name: [Bob, Robert]\n  role: phd\n",
     "yaml-invalid", 5, "'name' should be a single value, not a list", ["ann"]),
    ("empty file", "", "yaml-empty", 1, "empty", []),
    ("non-UTF-8", (ANN + "- id: bob\n  name: Bj\xf6rn\n  role: phd\n").encode("latin-1"),
     "yaml-encoding", 5, "not valid UTF-8", []),
    ("python object tag", ANN + "- id: bob\n  name: !!python/object/apply:os.system ['echo hi']\n  role: phd\n",
     "yaml-tag", 5, "is not allowed", []),
    ("python name tag", ANN + "- id: bob\n  name: !!python/name:os.system\n  role: phd\n",
     "yaml-tag", 5, "is not allowed", []),
    ("alias bomb", BOMB, "yaml-too-large", 1, f"more than {MAX_NODES} values", []),
    ("word where a number belongs", ANN + "- id: bob\n  name: Bob\n  role: phd\n  since: twenty\n",
     "yaml-invalid", 7, "'since' should be a whole number, not 'twenty'", ["ann"]),
    ("value outside the allowed ones", ANN + "- id: bob\n  name: Bob\n  role: professor\n",
     "yaml-invalid", 6, "'role' is 'professor', which is not one of: pi, postdoc", ["ann"]),
    ("YAML 1.1 octal is not a year", ANN + "- id: bob\n  name: Bob\n  role: phd\n  since: 0755\n",
     "yaml-invalid", 7, "'0755'", ["ann"]),
    ("empty required value", ANN + "- id: bob\n  name:\n  role: phd\n",
     "yaml-invalid", 5, "'name' is empty", ["ann"]),
    ("missing required key", ANN + "- id: bob\n  role: phd\n",
     "yaml-missing-key", 4, "required key 'name' is missing", ["ann"]),
    ("misspelt key", ANN + "- id: bob\n  name: Bob\n  role: phd\n  affilation: UW\n",
     "yaml-unknown-key", 7, "unknown key 'affilation'", ["ann"]),
    ("item that is not a record", ANN + "- just a name\n", "yaml-not-a-record", 4, "not a record", ["ann"]),
    ("id that is a path", ANN + "- id: ../../etc/x\n  name: Bob\n  role: phd\n",
     "yaml-invalid", 4, "an id uses only lower-case letters", ["ann"]),
    ("unsafe link", ANN + "- id: bob\n  name: Bob\n  role: phd\n  links:\n    homepage: javascript:alert(1)\n",
     "yaml-unsafe-url", 8, "'javascript:alert(1)' is not an http(s), mailto or relative URL", ["ann", "bob"]),
    ("data: link", ANN + "- id: bob\n  name: Bob\n  role: phd\n  photo: 'data:image/svg+xml,<svg/onload=x>'\n",
     "yaml-unsafe-url", 7, "is left out", ["ann", "bob"]),
    ("key that is a list", ANN + "- id: bob\n  name: Bob\n  role: phd\n  ? [a, b]\n  : x\n",
     "yaml-complex-key", 7, "keys must be plain names", ["ann", "bob"]),
    ("syntax error", ANN + "- id: bob\n  name: Bob: the builder\n  role: phd\n",
     "yaml-syntax", 5, "invalid YAML", []),
]


@pytest.mark.parametrize(("name", "content", "code", "line", "words", "ids"), CASES, ids=[c[0] for c in CASES])
def test_each_mistake_is_one_clear_diagnostic(tmp_path: Path, name, content, code, line, words, ids) -> None:
    """The mistake is reported once with its code, file, line and a plain explanation; good records load."""
    people, report = load(tmp_path, content)
    diagnostic = only(report, code)
    assert diagnostic.path == "data/people.yml"
    assert diagnostic.line == line
    assert words in diagnostic.message
    assert [p.id for p in people] == ids
    text = content if isinstance(content, str) else content.decode("latin-1")
    assert all(0 <= d.line <= text.count("\n") + 1 for d in report)


def test_alias_bomb_is_refused_before_expanding() -> None:
    """Nine levels of ten aliases would be 10^9 values; building stops at the bound and builds nothing."""
    report = Report()
    assert parse_yaml(BOMB + "i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h, *h]\n", "x.yml", report) is None
    assert only(report, "yaml-too-large").severity is Severity.ERROR


def test_values_stay_text(tmp_path: Path) -> None:
    """YAML 1.1 booleans, dates and template syntax stay the text the user wrote."""
    people, report = load(tmp_path, "- id: no\n  name: NO\n  role: phd\n  position: '{{ 7*7 }} {% raw %}'\n"
                                     "  aliases: [2024-01-01, yes]\n")
    assert not report.problems
    person = people[0]
    assert (person.id, person.name, person.position) == ("no", "NO", "{{ 7*7 }} {% raw %}")
    assert person.aliases == ["2024-01-01", "yes"]


def test_comments_only_file_is_empty_not_broken(tmp_path: Path) -> None:
    """A file with only comments is an empty collection: a notice, never a failure."""
    people, report = load(tmp_path, "# nobody yet\n")
    assert people == [] and not report.problems


def test_trailing_document_marker_is_harmless(tmp_path: Path) -> None:
    """A '---' at the top or an empty document at the end is not reported as several documents."""
    people, report = load(tmp_path, "---\n" + ANN + "---\n")
    assert [p.id for p in people] == ["ann"] and not list(report)


def test_merge_keys_work() -> None:
    """YAML merge keys (<<: *base) are expanded; explicit keys win over merged ones."""
    report = Report()
    doc = parse_yaml("- &base\n  id: a\n  role: phd\n- <<: *base\n  id: b\n", "x.yml", report)
    assert doc is not None and doc.data == [{"id": "a", "role": "phd"}, {"role": "phd", "id": "b"}]


def test_record_counts_include_unreadable_files(tmp_path: Path) -> None:
    """A file that cannot be parsed is still listed in the counts, with nothing read from it."""
    _people, report = load(tmp_path, ANN + "- id: bob\n\tname: Bob\n")
    assert report.read == {"data/people.yml": 0}
    _people, report = load(tmp_path, ANN + "- id: bob\n  role: phd\n")
    assert report.read == {"data/people.yml": 2}


FIND_DOC = """\
- literal: |
    one
    two [x](pub:A) and [y](pub:A)
- folded: >
    one
    two [x](pub:B)
- quoted: "one
    two [x](pub:C)"
- plain: one
    two [x](pub:D)
- mention: pub:E is cited as [x](pub:E)
- escaped: "[x](pub:\\u0046)"
"""


@pytest.mark.parametrize(("loc", "needle", "nth", "where"), [
    ((0, "literal"), "pub:A", 0, (3, 13)),
    ((0, "literal"), "pub:A", 1, (3, 28)),
    ((1, "folded"), "pub:B", 0, (6, 13)),
    ((2, "quoted"), "pub:C", 0, (8, 13)),
    ((3, "plain"), "pub:D", 0, (10, 13)),
    ((4, "mention"), "pub:E", 0, (11, 34)),  # the link, not the mention in the running text
    ((5, "escaped"), "pub:F", 0, None),  # not written as such: the caller falls back to the key
    ((0, "literal"), "pub:B", 0, None),  # only inside the value itself
])
def test_find_places_text_inside_a_value(loc, needle: str, nth: int, where) -> None:
    """A link target inside a block, folded, quoted or plain multi-line value is found on its own line and
    column, so a problem in a Markdown field points at the line to fix."""
    doc = parse_yaml(FIND_DOC, "data/x.yml", Report())
    assert doc is not None and doc.data[5]["escaped"] == "[x](pub:F)"
    assert doc.find(loc, needle, nth) == where


def test_recursive_aliases_and_deep_nesting_are_diagnostics_not_tracebacks() -> None:
    """An alias inside what it names, a merge key that merges its own mapping, and 3,000 nested lists."""
    from labbook.diagnostics import Report
    from labbook.load.yaml import parse_yaml

    cases = {"a: &x [1, *x]\n": ("yaml-recursive", 1), "- &m {a: 1, <<: *m}\n": ("yaml-recursive", 1),
             "- " + "[" * 3000 + "]" * 3000 + "\n": ("yaml-too-deep", 1)}
    for text, expected in cases.items():
        report = Report()
        assert parse_yaml(text, "x.yml", report) is None
        assert [(d.code, d.line) for d in report] == [expected]
