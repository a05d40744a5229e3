"""What ``add`` and ``sync`` print: one line per id for ``add``, a Markdown report (a PR body) for ``sync``."""

from __future__ import annotations

from labbook.online.add import Outcome
from labbook.online.listings import Listed
from labbook.online.sync import SyncResult

_SOURCES = {"crossref": "Crossref", "datacite": "DataCite", "arxiv": "arXiv"}


def outcome_lines(outcome: Outcome) -> list[str]:
    """The lines ``add`` prints for one id: what happened, and which authors are people of the lab."""
    work = outcome.work
    if outcome.status in ("added", "upgraded"):
        where = f" (from {_SOURCES.get(work.source, work.source)}, {work.record_type or work.kind})" if work else ""
        verb = "added" if outcome.status == "added" else "upgraded"
        lines = [f"{verb} {outcome.key}: {outcome.text}{where}"]
        if work is not None and work.year is None:
            lines.append("  note: the record has no publication date; add `year` to the entry by hand")
    elif outcome.status == "duplicate":
        lines = [f"refused {outcome.text}: {outcome.message}"]
    elif outcome.status == "upgrade":
        lines = [f"upgrade offered for {outcome.text}: {outcome.message}"]
    else:
        lines = [f"failed {outcome.text}: {outcome.message}"]
    for match in outcome.matches:
        lines.append(f"  author {match.author} is {match.person_id} (matched by {match.by})")
        if match.note:
            lines.append(f"  note: {match.note}")
    return lines


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("<", "&lt;").replace("\n", " ") or "(no title)"


def _link(work: Listed) -> str:
    if work.arxiv:
        return f"[arXiv:{work.arxiv}](https://arxiv.org/abs/{work.arxiv})"
    if work.doi:
        return f"[{work.doi}](https://doi.org/{work.doi})"
    return "none"


def sync_markdown(result: SyncResult, bib_shown: str, since: int | None, added: list[Outcome] | None = None) -> str:
    """The Markdown summary of a sync: fit for a pull request's body, and readable in a terminal."""
    names = {p.id: p.name for p in result.checked}
    lines = [f"## labbook sync: {len(result.missing)} work{'s' if len(result.missing) != 1 else ''} "
             f"not yet in `{bib_shown}`", ""]
    scope = f" from {since} on" if since else ""
    checked = ", ".join(p.name for p in result.checked) or "nobody (no one in people.yml has `links.orcid` or " \
        "`links.openalex`)"
    lines += [f"Checked the ORCID and OpenAlex records of {checked}{scope}, within each person's membership years.",
              ""]
    if result.missing:
        lines += ["| | Title | Year | Identifier | Listed for |", "|---|---|---|---|---|"]
        for number, work in enumerate(result.missing, 1):
            people = ", ".join(names.get(p, p) for p in work.people)
            lines.append(f"| {number} | {_cell(work.title)} | {work.year or '?'} | {_link(work)} | {_cell(people)} "
                         f"({', '.join(work.sources)}) |")
        lines.append("")
        no_id = [w for w in result.missing if not w.id_text]
        if no_id:
            lines += [f"{len(no_id)} of them have neither a DOI nor an arXiv id: add those by hand.", ""]
    if result.upgrades:
        lines += ["### Published versions of preprints in the bibliography", ""]
        lines += [f"- `{m.key}`: {_cell(w.title)} is now {_link(w)} (`labbook add --upgrade {w.id_text}`)"
                  for w, m in result.upgrades]
        lines.append("")
    if added is not None:
        lines += ["### Written by `labbook sync --add`", ""]
        lines += [f"- {'; '.join(outcome_lines(o)[:1])}" for o in added] or ["- nothing"]
        lines.append("")
    if result.undated:
        lines += [f"{result.undated} work{'s' if result.undated != 1 else ''} without a year "
                  "left out (a year filter applies).", ""]
    if result.problems:
        lines += ["### Problems", ""] + [f"- {p}" for p in result.problems] + [""]
    return "\n".join(lines).rstrip() + "\n"
