"""The ``labbook`` command: ``check`` validates a site's data, ``new`` starts a handbook, ``import`` brings another
template's site in, ``add`` and ``sync`` bring papers in from Crossref, DataCite, arXiv, ORCID and OpenAlex.

This is an adapter, like the MkDocs plugin: it reads mkdocs.yml through the MkDocs wing
(:mod:`labbook.mkdocs.site_config`, MkDocs' own loader) and hands the core the same Settings the plugin would,
so ``labbook check`` and ``mkdocs build`` see the same files and print the same diagnostics.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from labbook.diagnostics import Diagnostic, RecordCount, Severity, escape_control, format_all
from labbook.scaffold_copy import ScaffoldError, copy_scaffold, labbook_requirement
from labbook.settings import Settings
from labbook.site.check_cache import CheckCache, CheckResult

if TYPE_CHECKING:
    from labbook.online.session import Session

#: Exit codes of ``labbook check`` (part of the public contract).
EXIT_CLEAN, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mkdocs-labbook", prog_name="labbook")
def main() -> None:
    """labbook: a research lab's handbook, publications and people, built with MkDocs."""


@main.command()
@click.option("-f", "--config-file", "config_file", default="mkdocs.yml", show_default=True,
              type=click.Path(dir_okay=False, path_type=Path), help="The site's MkDocs configuration.")
@click.option("--format", "fmt", type=click.Choice(["text", "github", "json"]), default="text", show_default=True,
              help="text for people, github for pull-request annotations, json for tools.")
@click.option("--no-cache", "no_cache", is_flag=True,
              help="Check every file afresh, without reading or writing .labbook/cache/.")
def check(config_file: Path, fmt: str, no_cache: bool) -> None:
    """Check every data file of the site without building it.

    Prints every problem, not just the first. Exits 0 when there are no errors or warnings, 1 when there
    are, and 2 when the command itself is used wrongly (for example, no mkdocs.yml). The result is kept in
    .labbook/cache/ by the content of every file it came from, so checking unchanged files again is instant.
    """
    if not config_file.is_file():
        raise click.UsageError(f"no MkDocs configuration at '{config_file}' (use -f to name it)")
    cache = None if no_cache else CheckCache(config_file)
    result = cache.load() if cache else None
    if result is None:
        result = _check_afresh(config_file, cache)
    diagnostics, counts = result.diagnostics, result.counts
    base = config_file.resolve().parent
    diagnostics = [_from_cwd(d, base) for d in diagnostics]
    output = format_all(diagnostics, fmt)
    if output:
        click.echo(output)
    problems = [d for d in diagnostics if d.severity is not Severity.INFO]
    if fmt != "json":
        for count in counts:
            click.echo(f"  {escape_control(_from_cwd_path(count.path, base))}: {count.summary()}", err=True)
        click.echo(_summary(problems, counts), err=True)
    sys.exit(EXIT_PROBLEMS if problems else EXIT_CLEAN)


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", default="My Lab", show_default=True, help="The lab's name, used as the site name.")
@click.option("--labbook-source", "labbook_source", metavar="URL|PATH", default=None,
              help="Install labbook from this pip URL (git+https://...@TAG) or local folder or wheel instead of "
                   "the release on PyPI (default: mkdocs-labbook~=X.Y, the series of this labbook).")
def new(directory: Path, name: str, labbook_source: str | None) -> None:
    """Start a new lab handbook in DIRECTORY (which must not exist yet, or be empty)."""
    try:
        written = copy_scaffold(directory, lab_name=name, labbook_source=labbook_source)
    except ScaffoldError as exc:
        raise click.UsageError(str(exc)) from exc
    requirement = labbook_requirement(labbook_source)
    click.echo(f"Created {len(written)} files in {directory}/; requirements.txt installs {requirement}. Next:\n"
               f"  cd {directory}\n  make serve      # then open http://127.0.0.1:8000 (make serve HOST=... for "
               "another port)\n  make check      # what CI runs on every pull request")


@main.command(name="import")
@click.argument("template", type=click.Choice(["al-folio", "academicpages", "hugoblox"]))
@click.argument("source", type=click.Path(path_type=Path))
@click.argument("dest", required=False, type=click.Path(path_type=Path))
@click.option("--into", "into", type=click.Path(file_okay=False, path_type=Path),
              help="Merge into this existing labbook site instead of creating DEST.")
@click.option("--lang", default=None,
              help="The language to import from a multilingual site (default: the site's default language).")
def import_(template: str, source: Path, dest: Path | None, into: Path | None, lang: str | None) -> None:
    """Import an al-folio, academicpages or Hugo Blox site from SOURCE into a new site DEST (or --into a site).

    Writes DEST/IMPORT-REPORT.md. Exits 0 when everything found was imported, 1 when some items were skipped
    (the site is still written), 2 on usage errors.
    """
    from labbook.importers import ImportUsageError, run_import

    if dest is not None and into is not None:
        raise click.UsageError("give either DEST or --into, not both")
    try:
        outcome = run_import(template, source, dest, into=into, lang=lang)
    except ImportUsageError as exc:
        raise click.UsageError(str(exc)) from exc
    except OSError as exc:  # the new site cannot be written (permissions, a full disk): a message, no traceback
        raise click.ClickException(f"cannot write the site: {exc}") from exc
    click.echo(outcome.report.markdown())
    click.echo(f"{outcome.report.summary()}; written to {outcome.report_path}", err=True)
    sys.exit(outcome.exit_code)


def _check_afresh(config_file: Path, cache: CheckCache | None) -> CheckResult:
    # MkDocs' config machinery and the loaders are imported only when the files must be read.
    from labbook.catalog.build import load_lab
    from labbook.mkdocs.site_config import site_settings

    settings, diagnostics = site_settings(config_file)
    counts: list[RecordCount] = []
    if settings is not None:
        lab = load_lab(settings)
        diagnostics += lab.report.items
        counts = lab.record_counts()
    result = CheckResult(diagnostics, counts)
    if cache is not None and settings is not None:
        cache.store(result, settings)
    return result


def _from_cwd_path(path: str, base: Path) -> str:
    """A path relative to the site (as diagnostics carry it) made relative to the current directory."""
    full = base / path
    try:
        return Path(os.path.relpath(full, Path.cwd())).as_posix()
    except ValueError:  # another drive on Windows
        return full.as_posix()


def _from_cwd(diagnostic: Diagnostic, base: Path) -> Diagnostic:
    # GitHub places annotations by path from the repository root, which is where CI runs the command.
    if base == Path.cwd().resolve() or Path(diagnostic.path).is_absolute():
        return diagnostic
    return replace(diagnostic, path=_from_cwd_path(diagnostic.path, base))


def _summary(problems: list[Diagnostic], counts: list[RecordCount]) -> str:
    errors = sum(1 for d in problems if d.severity is Severity.ERROR)
    warnings = len(problems) - errors
    records = sum(c.read for c in counts)
    checked = f"checked {len(counts)} data file{'s' if len(counts) != 1 else ''} ({records} records)"
    if not problems:
        return f"labbook check: no problems; {checked}"
    return (f"labbook check: {errors} error{'s' if errors != 1 else ''}, {warnings} warning"
            f"{'s' if warnings != 1 else ''}; {checked}")


# -- labbook add and labbook sync: labbook.online (and its HTTP client) is imported only when they run, so
# `labbook check` and builds load no network code.

#: Exit codes of ``labbook add`` and ``labbook sync`` (EXIT_USAGE as above).
EXIT_DONE, EXIT_SKIPPED = 0, 1

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


@main.command()
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


@main.command()
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
