"""The ``labbook`` command: ``labbook check`` validates a site's data, ``labbook new`` starts a handbook.

This is an adapter, like plugin.py: it reads mkdocs.yml with MkDocs' own loader (which understands the
``!!python/name:`` and ``!ENV`` tags Material configs use) and hands the core the same Settings the plugin
would, so ``labbook check`` and ``mkdocs build`` see the same files and print the same diagnostics.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from labbook.diagnostics import Diagnostic, RecordCount, Severity, format_all
from labbook.lab_loader import load_lab
from labbook.new_site import ScaffoldError, copy_scaffold, labbook_requirement
from labbook.settings import Settings, SettingsError, settings_from_options

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
def check(config_file: Path, fmt: str) -> None:
    """Check every data file of the site without building it.

    Prints every problem, not just the first. Exits 0 when there are no errors or warnings, 1 when there
    are, and 2 when the command itself is used wrongly (for example, no mkdocs.yml).
    """
    if not config_file.is_file():
        raise click.UsageError(f"no MkDocs configuration at '{config_file}' (use -f to name it)")
    settings, diagnostics = site_settings(config_file)
    counts: list[RecordCount] = []
    if settings is not None:
        lab = load_lab(settings)
        diagnostics += lab.report.items
        counts = lab.record_counts()
    base = config_file.resolve().parent
    diagnostics = [_from_cwd(d, base) for d in diagnostics]
    output = format_all(diagnostics, fmt)
    if output:
        click.echo(output)
    problems = [d for d in diagnostics if d.severity is not Severity.INFO]
    if fmt != "json":
        for count in counts:
            click.echo(f"  {_from_cwd_path(count.path, base)}: {count.summary()}", err=True)
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


def site_settings(config_file: Path) -> tuple[Settings | None, list[Diagnostic]]:
    """The Settings a build of ``config_file`` would use, or ``None`` and diagnostics when it cannot be read.

    MkDocs' own config errors (an unknown theme, a missing ``custom_dir``) and labbook's option errors are
    reported against mkdocs.yml, at the line of the option when it can be found.
    """
    from mkdocs.config import load_config

    display = config_file.name
    text = _read_text(config_file)
    captured = _Capture()
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(captured)
    old_level, old_propagate = mkdocs_log.level, mkdocs_log.propagate
    mkdocs_log.setLevel(logging.WARNING)
    mkdocs_log.propagate = False
    try:
        config = load_config(config_file=str(config_file))
    except Exception as exc:  # ConfigurationError, Abort or a YAML error: a diagnostic, never a traceback
        found = [_config_diagnostic(display, text, m, Severity.ERROR) for m in captured.errors]
        return None, found or [_config_diagnostic(display, text, f"cannot read the configuration: {exc}",
                                                  Severity.ERROR)]
    finally:
        mkdocs_log.removeHandler(captured)
        mkdocs_log.setLevel(old_level)
        mkdocs_log.propagate = old_propagate
    diagnostics = [_config_diagnostic(display, text, m, Severity.WARNING) for m in captured.warnings]
    plugin = config.plugins.get("labbook")
    options: dict[str, Any] = dict(plugin.config) if plugin is not None else {}
    try:
        settings = settings_from_options(options, config_file=config.config_file_path, docs_dir=config.docs_dir,
                                         site_url=config.site_url)
    except SettingsError as exc:
        return None, [*diagnostics, _config_diagnostic(display, text, f"labbook: {exc}", Severity.ERROR,
                                                       key="labbook")]
    if plugin is None:
        diagnostics.append(Diagnostic(display, 1, 0, Severity.INFO, "config-no-plugin",
                                      "the labbook plugin is not enabled; the default data files were checked",
                                      hint="add '- labbook' under 'plugins:' to build its pages"))
    return settings, diagnostics


class _Capture(logging.Handler):
    """Collects what MkDocs logs while it validates a configuration."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        (self.errors if record.levelno >= logging.ERROR else self.warnings).append(message)


_CONFIG_KEY = re.compile(r"Config value '([^']+)'")
_YAML_MARK = re.compile(r"line (\d+), column (\d+)")


def _config_diagnostic(path: str, text: str, message: str, severity: Severity, key: str | None = None) -> Diagnostic:
    found = _CONFIG_KEY.search(message)
    key = key or (found.group(1).split(".")[0] if found else None)
    line = 1
    marks = _YAML_MARK.findall(message)
    if marks:  # a YAML syntax error names its own line
        return Diagnostic(path, int(marks[-1][0]), int(marks[-1][1]), severity, "config", message.strip())
    if key:
        match = re.search(rf"^\s*(?:-\s*)?{re.escape(key)}\s*:|^\s*-\s*{re.escape(key)}\s*$", text, re.M)
        if match:
            line = text.count("\n", 0, match.start()) + 1
    return Diagnostic(path, line, 0, severity, "config", message.strip())


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


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
