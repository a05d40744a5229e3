"""labbook.render.facets: which values each filter of /publications/ and /talks/ offers, in which order, with
counts."""

from __future__ import annotations

from pathlib import Path

from labbook.render.facets import publication_facets, speaker_key, talk_facets
from tests.unit.catalog.test_lab import lab_from
from tests.unit.catalog.test_linking import make_lab

BIB = r"""
@inproceedings{a2024, title={Alpha}, author={Lee, Kangwook and Sohn, Jy-yong}, year=2024, booktitle={ICML},
  keywords={LLM, Theory}, selected={true}}
@article{b2023, title={Beta}, author={Lee, Kangwook}, year=2023, journal={TMLR}, keywords={theory, PEFT}}
@misc{c2025, title={Gamma}, author={Doe, Jane}, year=2025, eprint={2501.00001}, keywords={LLM, llm}}
@misc{d, title={Delta}, author={Sohn, Jy-yong}, howpublished={arXiv preprint}}
"""


def facets(tmp_path: Path) -> dict:
    lab = lab_from(tmp_path, BIB)
    return publication_facets(lab.publications, lab)


def test_years_newest_first_with_forthcoming_on_top(tmp_path: Path) -> None:
    """An entry without a year is "Forthcoming", listed before the numbered years, which go newest first."""
    years = facets(tmp_path)["years"]
    assert [(y["value"], y["count"]) for y in years] == [("Forthcoming", 1), ("2025", 1), ("2024", 1), ("2023", 1)]


def test_types_in_label_order_with_labels(tmp_path: Path) -> None:
    """Types are the kinds present, in the fixed order of KIND_LABELS, shown by label."""
    types = facets(tmp_path)["types"]
    assert [(t["value"], t["label"], t["count"]) for t in types] == [
        ("conference", "Conference", 1), ("journal", "Journal", 1), ("preprint", "Preprint", 2)]


def test_topics_merge_case_and_count_each_paper_once(tmp_path: Path) -> None:
    """ "theory" and "Theory" are one topic (first spelling seen wins); "LLM, llm" on one paper counts once."""
    topics = facets(tmp_path)["topics"]
    assert [(t["value"], t["count"]) for t in topics] == [("LLM", 2), ("PEFT", 1), ("Theory", 2)]


def test_members_current_before_alumni_with_counts(tmp_path: Path) -> None:
    """People from people.yml who wrote a paper: current members first, then alumni; others are not listed."""
    groups = facets(tmp_path)["members"]
    assert [g["label"] for g in groups] == ["Lab members", "Alumni"]
    assert groups[0]["options"] == [{"value": "kangwook-lee", "label": "Kangwook Lee", "count": 2}]
    assert groups[1]["options"] == [{"value": "jy-yong-sohn", "label": "Jy-yong Sohn", "count": 2}]


def test_totals(tmp_path: Path) -> None:
    """The number of papers and of selected ones."""
    result = facets(tmp_path)
    assert (result["total"], result["selected"]) == (4, 1)


def test_empty_lab(tmp_path: Path) -> None:
    """No publications: no options at all, nothing breaks."""
    lab = lab_from(tmp_path, "")
    assert publication_facets([], lab) == {"total": 0, "years": [], "types": [], "topics": [], "members": [],
                                           "selected": 0}


TALKS = """
- id: a
  title: A
  date: 2025-01-22
  speaker: kangwook-lee
  kind: invited
- id: b
  title: B
  date: 2024-04
  speaker: Yuchen Zeng
  kind: seminar
- id: c
  title: C
  date: 2024-03
  speaker: Jane Doe
  kind: seminar
- id: d
  title: D
  date: 2023-03
  speaker: "Jane Doe"
- id: e
  title: E
  date: 2023-02
"""


def test_talk_facets(tmp_path: Path) -> None:
    """Years newest first; kinds in the fixed order; speakers: lab members (matched by id or by name) first,
    then guests, each counted; a talk without a speaker or kind counts in neither."""
    lab = make_lab(tmp_path, talks_yml=TALKS)
    result = talk_facets(lab.talks, lab)
    assert result["total"] == 5
    assert [(y["value"], y["count"]) for y in result["years"]] == [("2025", 1), ("2024", 2), ("2023", 2)]
    assert [(k["value"], k["label"], k["count"]) for k in result["kinds"]] == [
        ("invited", "Invited talk", 1), ("seminar", "Seminar", 2)]
    assert result["speakers"] == [
        {"label": "Lab members", "options": [{"value": "kangwook-lee", "label": "Kangwook Lee", "count": 1},
                                             {"value": "yuchen-zeng", "label": "Yuchen Zeng", "count": 1}]},
        {"label": "Guests", "options": [{"value": "jane-doe", "label": "Jane Doe", "count": 2}]},
    ]
    assert [speaker_key(t, lab) for t in lab.talks] == ["kangwook-lee", "yuchen-zeng", "jane-doe", "jane-doe", ""]
