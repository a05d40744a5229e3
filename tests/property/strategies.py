"""Hypothesis strategies for lab data: valid BibTeX and YAML, single mutations of it, and random bytes.

Values carry ``<lbx-...>`` markers: text that would be a tag if it reached HTML unescaped, so a test can
search the output for ``<lbx`` and know that any hit came from data.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml
from hypothesis import strategies as st

ROLES = ["pi", "postdoc", "phd", "ms", "undergrad", "staff", "visitor", "alumni"]
ENTRY_TYPES = {"article": "journal", "inproceedings": "booktitle", "misc": "howpublished", "book": "publisher",
               "phdthesis": "school", "techreport": "institution"}
#: What a mutation may insert: the characters and fragments that matter to BibTeX and YAML syntax.
BIB_FRAGMENTS = ["{", "}", '"', "@", "%", ",", "=", "#", "\\", "\n", "\n%", "\n@", "@misc{", "x = {", "}}", "$"]
YAML_FRAGMENTS = ["\t", ":", ": ", "- ", "&a ", "*a", "!!python/object:os.system ", "---\n", "{", "[", "]", '"', "'",
                  "\n", "  ", "#", "<<: *a\n", "? ", "|", ">", "%YAML 1.1\n", "\x00", "\ufeff", "\\"]

_plain = st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs"),
                                        exclude_characters="{}\\%#\"@\r\n\t\x85\u2028\u2029"),
                 min_size=1, max_size=20)
_latex = st.sampled_from([r"\'e", r"{\"o}", r"\&", "--", r"$x^2$", r"{\L}", r"\textbf{b}", r"{CAPS}", "~"])
marker = st.from_regex(r"<lbx-[a-z]{1,6}>", fullmatch=True)


def bib_value() -> st.SearchStrategy[str]:
    """Text for a braced BibTeX value: words, punctuation, a little LaTeX, and markers."""
    return st.lists(st.one_of(_plain, _latex, marker), min_size=1, max_size=6).map(" ".join).filter(str.strip)


_name_part = st.text(alphabet=st.characters(categories=("Lu", "Ll")), min_size=1, max_size=10)
author = st.tuples(_name_part, _name_part).map(lambda p: f"{p[0]}, {p[1]}")
url = st.one_of(st.from_regex(r"https://example\.org/[a-z0-9/]{0,12}", fullmatch=True),
                st.from_regex(r"papers/[a-z]{1,8}\.pdf", fullmatch=True))


@dataclass(frozen=True)
class BibFile:
    """Generated BibTeX source and, for each entry, its key and the span of its text."""

    text: str
    keys: list[str]
    spans: list[tuple[int, int]]


@st.composite
def bib_entry(draw: st.DrawFn, key: str) -> str:
    etype = draw(st.sampled_from(sorted(ENTRY_TYPES)))
    fields = {
        "title": draw(bib_value()),
        "author": " and ".join(draw(st.lists(author, min_size=1, max_size=4))),
        "year": str(draw(st.integers(1950, 2030))),
        ENTRY_TYPES[etype]: draw(bib_value()),
    }
    for name in draw(st.sets(st.sampled_from(["abstract", "note", "keywords", "award", "abbr"]), max_size=3)):
        fields[name] = draw(bib_value())
    for name in draw(st.sets(st.sampled_from(["pdf", "code", "html", "slides", "url"]), max_size=2)):
        fields[name] = draw(url)
    if draw(st.booleans()):
        fields["selected"] = "true"
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items())
    return f"@{etype}{{{key},\n{body}\n}}"


_between = st.sampled_from(["\n", "\n\n", "\n% a comment line\n", "\nSome words between entries.\n",
                            "\n@comment{anything at all}\n", "\n@string{ven = {A Venue}}\n", "\n\n\n"])


@st.composite
def bib_file(draw: st.DrawFn, max_entries: int = 6) -> BibFile:
    """A valid .bib file: entries with distinct keys of one fixed length, separated by comments and text."""
    count = draw(st.integers(1, max_entries))
    text, keys, spans = draw(_between).lstrip("\n"), [], []
    for index in range(count):
        key = f"key{index:03d}x"  # one length: no mutation by one character turns a key into another
        entry = draw(bib_entry(key))
        spans.append((len(text), len(text) + len(entry)))
        keys.append(key)
        text += entry + draw(_between)
    return BibFile(text, keys, spans)


@dataclass(frozen=True)
class Mutation:
    """One edit of a text: delete ``length`` characters at ``at``, or insert ``insert`` there."""

    at: int
    length: int = 0
    insert: str = ""

    def apply(self, text: str) -> str:
        return text[: self.at] + self.insert + text[self.at + self.length :]

    def touches(self, span: tuple[int, int]) -> bool:
        """Whether the edit lands in (or at the edges of) ``span``."""
        return span[0] <= self.at + self.length and self.at <= span[1]


@st.composite
def mutation(draw: st.DrawFn, text: str, fragments: list[str]) -> Mutation:
    at = draw(st.integers(0, len(text)))
    if draw(st.booleans()) and at < len(text):
        return Mutation(at, length=draw(st.integers(1, min(6, len(text) - at))))
    piece = draw(st.one_of(st.sampled_from(fragments), st.text(max_size=4)))
    return Mutation(at, insert=piece)


#: Text a valid data file may hold: anything but control characters (tab and line breaks aside), lone
#: surrogates and noncharacters, which are reported and removed (issue 10, item 4; see tests/property/hostile.py).
_valid_chars = st.characters(exclude_categories=("Cc", "Cs", "Cn"), include_characters="\t\n")


def _text(max_size: int) -> st.SearchStrategy[str]:
    return st.text(alphabet=_valid_chars, max_size=max_size)


person = st.fixed_dictionaries(
    {"name": _text(30), "role": st.sampled_from(ROLES)},
    optional={
        "aliases": st.lists(_text(20), max_size=3),
        "since": st.integers(1900, 2200),
        "position": st.one_of(_text(30), marker),
        "bio": st.lists(st.one_of(_text(30), marker), max_size=4).map("\n".join),
        "links": st.fixed_dictionaries({}, optional={"homepage": url, "github": st.from_regex(r"[a-z]{1,10}",
                                                                                              fullmatch=True)}),
    },
)


@st.composite
def people_yaml(draw: st.DrawFn, max_people: int = 6) -> tuple[str, list[str]]:
    """A valid people.yml (written by PyYAML's dumper, so every value is correctly quoted) and its ids."""
    records = draw(st.lists(person, min_size=1, max_size=max_people))
    ids = [f"person-{i}" for i in range(len(records))]
    data = [{"id": pid, **record} for pid, record in zip(ids, records, strict=True)]
    for i, record in enumerate(data):
        # Names and aliases must differ between people (two people with one name is an error by design), so
        # each carries a word of its own; the generated text around it can be anything.
        record["name"] = f"{record['name']} Uniq{'x' * i}name"
        if "aliases" in record:
            record["aliases"] = [f"{alias} Uniq{'x' * i}alias{j}" for j, alias in enumerate(record["aliases"])]
    return yaml.safe_dump(data, allow_unicode=draw(st.booleans()), sort_keys=False), ids
