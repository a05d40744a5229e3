"""``labbook add`` and ``labbook sync``: the command-line side of :mod:`labbook.online` (wiring only).

Registered on the ``labbook`` group by cli.py. :mod:`labbook.online` (and the HTTP client) is imported only
when one of these commands runs, so ``labbook check`` loads no network code at all. Exit codes follow the
contract: 0 everything done, 1 some ids skipped or failed (each listed), 2 the command was used wrongly.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from labbook.settings import Settings

if TYPE_CHECKING:
    from labbook.online.session import Session

EXIT_DONE, EXIT_SKIPPED, EXIT_USAGE = 0, 1, 2

_config = click.option("-f", "--config-file", "config_file", default="mkdocs.yml", show_default=True,
                       type=click.Path(dir_okay=False, path_type=Path), help="The site's MkDocs configuration.")
_bib = click.option("--bib", "bib", type=click.Path(dir_okay=False, path_type=Path), default=None,
                    help="Write to this .bib file instead of the first configured bibliography.")
_key = click.option("--key-pattern", default=None,
                    help="Citation keys, e.g. '{author}{year}{title}' (default: the `key_pattern` option).")
_mailto = click.option("--mailto", envvar="LABBOOK_MAILTO", default="",
                       help="Contact e-mail sent in the User-Agent (Crossref's polite pool). Env: LABBOOK_MAILTO.")
_cache = click.option("--no-cache", is_flag=True, help="Ask the services again instead of using .labbook/cache/.")


def _session(config_file: Path, bib: Path | None, key_pattern: str | None, mailto: str, no_cache: bool,
             upgrade: bool = False) -> Session:
    from labbook.mkdocs.site_config import site_settings  # MkDocs' config machinery only when run
    from labbook.online.http import HttpSettings
    from labbook.online.keys import BadKeyPattern
    from labbook.online.session import open_session

    if config_file.is_file():
        settings, diagnostics = site_settings(config_file)
        if settings is None:
            raise click.UsageError("; ".join(d.message for d in diagnostics) or f"cannot read {config_file}")
    elif bib is not None:  # no site: a bare .bib file is still a bibliography to add to
        settings = Settings(root=Path.cwd(), docs_dir=Path.cwd() / "docs", bibliography=[str(bib)])
    else:
        raise click.UsageError(f"no MkDocs configuration at '{config_file}' (use -f to name it, or --bib FILE)")
    try:
        return open_session(settings, bib=bib, key_pattern=key_pattern, http=HttpSettings(mailto=mailto),
                            use_cache=not no_cache, upgrade=upgrade)
    except BadKeyPattern as exc:
        raise click.UsageError(str(exc)) from exc


@click.command()
@click.argument("ids", nargs=-1, required=True)
@_config
@_bib
@click.option("--dry-run", is_flag=True, help="Print the entries instead of writing them.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text for people, json for tools (every record found, and what was done with it).")
@click.option("--upgrade", is_flag=True, help="Replace a preprint entry by the published version it matches.")
@_key
@_mailto
@_cache
def add(ids: tuple[str, ...], config_file: Path, bib: Path | None, dry_run: bool, fmt: str, upgrade: bool,
        key_pattern: str | None, mailto: str, no_cache: bool) -> None:
    """Add papers by DOI or arXiv id (IDS: 10.1145/..., doi:..., https://doi.org/..., 2310.17513,
    arXiv:2310.17513v2, math/0211159, https://arxiv.org/abs/...).

    Good ids are added and the others listed; the file is written once, at the end, or not at all.
    """
    from labbook.online.bibfile import BibFileError
    from labbook.online.summary import outcome_lines

    session = _session(config_file, bib, key_pattern, mailto, no_cache, upgrade)
    with session.job.client:
        outcomes = [session.job.add(text) for text in ids]
    written = False
    if not dry_run:
        try:
            written = session.job.write()
        except BibFileError as exc:
            click.echo(f"failed: {exc}; nothing was written", err=True)
            sys.exit(EXIT_SKIPPED)
    if fmt == "json":
        click.echo(json.dumps({"bibliography": session.bib_shown, "written": written,
                               "results": [o.as_json() for o in outcomes]}, indent=2, ensure_ascii=False))
    else:
        for outcome in outcomes:
            for line in outcome_lines(outcome):
                click.echo(line)
            if dry_run and outcome.entry:
                click.echo(outcome.entry)
        done = sum(o.ok for o in outcomes)
        state = "updated" if written else "unchanged"
        target = "nothing written (dry run)" if dry_run else f"{session.bib_shown} {state}"
        click.echo(f"labbook add: {done} of {len(outcomes)} done; {target}", err=True)
    sys.exit(EXIT_DONE if all(o.ok for o in outcomes) else EXIT_SKIPPED)


@click.command()
@_config
@_bib
@click.option("--since", type=click.IntRange(1900, 2200), default=None, help="Only works from this year on.")
@click.option("--add", "do_add", is_flag=True, help="Write the missing works (those with a DOI or arXiv id).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the Markdown summary to this file (a pull request's body).")
@_key
@_mailto
@_cache
def sync(config_file: Path, bib: Path | None, since: int | None, do_add: bool, output: Path | None,
         key_pattern: str | None, mailto: str, no_cache: bool) -> None:
    """List the works in people's ORCID (`links.orcid`) and OpenAlex (`links.openalex`) records that are not
    in the bibliography yet; with --add, write them as `labbook add` would. Prints Markdown."""
    from labbook.online.bibfile import BibFileError
    from labbook.online.summary import sync_markdown
    from labbook.online.sync import find_missing

    session = _session(config_file, bib, key_pattern, mailto, no_cache)
    if since is None and os.environ.get("LABBOOK_SYNC_SINCE", "").isdigit():
        since = int(os.environ["LABBOOK_SYNC_SINCE"])
    with session.job.client:
        result = find_missing(session.people, session.job.bibliography, session.job.client, session.job.endpoints,
                              since)
        added = [session.job.add(w.id_text) for w in result.missing if w.id_text] if do_add else None
    failed = bool(result.problems) or any(not o.ok for o in added or [])
    if added:
        try:
            session.job.write()
        except BibFileError as exc:
            result.problems.append(f"{exc}; nothing was written")
            failed = True
    text = sync_markdown(result, session.bib_shown, since, added)
    click.echo(text, nl=False)
    if output is not None:
        output.write_text(text, encoding="utf-8")
    click.echo(f"labbook sync: {len(result.missing)} missing, checked {len(result.checked)} people "
               f"({date.today().isoformat()})", err=True)
    sys.exit(EXIT_SKIPPED if failed else EXIT_DONE)
