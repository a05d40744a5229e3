"""A small complete lab (every collection, cross-linked) for integration builds, with "today" pinned."""

from __future__ import annotations

TODAY = "2025-01-15"

BIB = r"""
@inproceedings{zeng2024expressive,
  title = {The Expressive Power of Low-Rank Adaptation},
  author = {Zeng, Yuchen and Lee, Kangwook},
  booktitle = {International Conference on Learning Representations (ICLR)},
  year = {2024}, selected = {true},
}
@inproceedings{lin2024dual,
  title = {Dual Operating Modes of In-Context Learning},
  author = {Lin, Ziqian and Lee, Kangwook},
  booktitle = {International Conference on Machine Learning (ICML)},
  year = {2024},
}
@article{fan2023dpok,
  title = {Reinforcement Learning for Text-to-Image Alignment},
  author = {Fan, Ying and Lee, Kangwook},
  journal = {Journal of Things}, year = {2023},
}
"""

PEOPLE = """
- id: kangwook-lee
  name: Kangwook Lee
  role: pi
  position: Assistant Professor
  since: 2019
  bio: |
    Leads the lab; see [his ICLR paper](pub:zeng2024expressive). <script>alert(1)</script>
  links:
    homepage: https://example.org/kl
    github: kl
- id: yuchen-zeng
  name: Yuchen Zeng
  role: phd
  bio: Works on [LoRA theory](project:adaptation).
- id: ying-fan
  name: Ying Fan
  role: alumni
  until: 2025
  now: Research Scientist, Somewhere
"""

TALKS = """
- id: 2025-02-upcoming
  title: An Upcoming Talk
  date: 2025-02-10T15:00:00-06:00
  speaker: kangwook-lee
  event: Future Seminar
  location: Online
  kind: invited
  links:
    event: https://example.org/future
- id: 2024-04-jhu
  title: Theory of Adaptation
  date: 2024-04
  speaker: kangwook-lee
  event: CIS/MINDS Seminar
  host: Johns Hopkins University
  location: Baltimore, MD
  kind: seminar
  selected: true
  abstract: |
    Adapting **foundation models**, with results from [](pub:lin2024dual).
    {{ 7*7 }}
  links:
    slides: slides/jhu.pdf
    video: https://example.org/video
  publications: [zeng2024expressive, lin2024dual]
- id: 2023-05-yuchen
  title: What LoRA Can Do
  date: 2023-05-02
  speaker: yuchen-zeng
  kind: conference
- id: 2022-guest
  title: A Guest Lecture
  date: 2022
  speaker: Jane Doe
  kind: tutorial
"""

OPENINGS = """
- id: postdoc-passed
  title: Postdoc with a passed deadline
  level: postdoc
  status: open
  deadline: 2025-01-14
  description: Was open until yesterday.
  apply: Write to us.
- id: phd-future
  title: PhD position with a deadline
  level: phd
  deadline: 2025-03-01
  description: Theory of foundation models.
  apply: E-mail [Kangwook Lee](person:kangwook-lee).
- id: phd-rolling
  title: PhD position, rolling
  level: phd
  deadline: rolling
- id: ms-closed
  title: MS students
  level: ms
  status: closed
  description: Not taking MS students.
- id: undergrad
  title: Undergraduates
  level: undergrad
"""

NEWS = """
- date: 2024-03
  title: NSF CAREER Award
  text: "[](person:kangwook-lee) received an NSF CAREER award."
- date: 2024-07
  title: Paper at COLM
  text: |
    [Our paper](pub:zeng2024expressive) with [Yuchen](person:yuchen-zeng) {{ 7*7 }}
    and the [project](project:adaptation) and [talk](talk:2024-04-jhu).
- date: 2024-06
  text: Second newest item.
"""

PROJECTS = """
- id: adaptation
  title: Theory of foundation model adaptation
  status: ongoing
  summary: Why LoRA and in-context learning work.
  background: Foundation models are *adapted*.
  contributions: |
    - Expressive power of LoRA ([ICLR](pub:zeng2024expressive)).
  people: [kangwook-lee, yuchen-zeng]
  publications: [zeng2024expressive, lin2024dual]
  talks: [2024-04-jhu, 2023-05-yuchen]
  topics: [LoRA]
- id: finished
  title: A finished project
  status: done
  people: [ying-fan]
"""

COURSES = """
- code: ECE 532
  title: Matrix Methods in Machine Learning
  level: mixed
  terms: [Fall 2024]
  instructors: [kangwook-lee]
  description: Linear algebra for *learning*.
  url: https://example.org/532
"""

NOTE_LORA = """---
title: What can a low-rank update change?
authors: [yuchen-zeng, kangwook-lee]
date: 2024-06-01
status: ongoing
tags: [LoRA]
---

Notes about LoRA.
"""

NOTE_IDEA = """---
title: An idea
authors: [ying-fan]
date: 2023-01-01
status: idea
---

An idea.
"""

HOME = """# Test Lab

## News

{{ news(limit=1) }}

## Openings

{{ openings() }}

## Talks

{{ talks(selected=true) }}

## PhD students

{{ people(role="phd") }}

Led by {{ person("kangwook-lee") }}.
"""


def lab_files(**overrides: str) -> dict[str, str]:
    """Every file of the lab (relative path -> text); ``overrides`` replace files by name (``talks_yml``)."""
    files = {
        "data/publications.bib": BIB,
        "data/people.yml": PEOPLE,
        "data/talks.yml": TALKS,
        "data/openings.yml": OPENINGS,
        "data/news.yml": NEWS,
        "data/projects.yml": PROJECTS,
        "data/courses.yml": COURSES,
        "docs/notes/lora.md": NOTE_LORA,
        "docs/notes/idea.md": NOTE_IDEA,
        "docs/index.md": HOME,
        "docs/slides/jhu.pdf": "%PDF-1.4\n",
    }
    for name, text in overrides.items():
        path = {"home": "docs/index.md", "note_lora": "docs/notes/lora.md"}.get(name, "data/" + name.replace("_", "."))
        files[path] = text
    return files


LABBOOK = {"today": TODAY, "timezone": "America/Chicago"}
