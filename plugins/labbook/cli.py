"""The ``labbook`` command: ``labbook check`` validates a site's data, ``labbook new`` starts a handbook.

This is an adapter, like the MkDocs plugin: it reads mkdocs.yml through the MkDocs wing
(:mod:`labbook.mkdocs.site_config`, MkDocs' own loader) and hands the core the same Settings the plugin would,
so ``labbook check`` and ``mkdocs build`` see the same files and print the same diagnostics.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path

import click

from labbook.catalog.build import load_lab
from labbook.diagnostics import Diagnostic, RecordCount, Severity, escape_control, format_all
from labbook.scaffold_copy import ScaffoldError, copy_scaffold, labbook_requirement
from labbook.site.check_cache import CheckCache, CheckResult

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


def _register_online_commands() -> None:
    # `add` and `sync` live in their own module so that cli.py stays the adapter for the offline commands.
    from labbook.cli_online import add, sync

    main.add_command(add)
    main.add_command(sync)


_register_online_commands()
