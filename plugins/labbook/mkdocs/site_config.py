"""A site's Settings read from its mkdocs.yml with MkDocs' own loader, for ``labbook check``.

MkDocs' loader understands the ``!!python/name:`` and ``!ENV`` tags Material configs use, and validates the
plugin's options with the same schema a build uses; its complaints become diagnostics at the option's line.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from mkdocs.config import load_config

from labbook.diagnostics import Diagnostic, Severity
from labbook.settings import Settings, SettingsError, settings_from_options


def site_settings(config_file: Path) -> tuple[Settings | None, list[Diagnostic]]:
    """The Settings a build of ``config_file`` would use, or ``None`` and diagnostics when it cannot be read.

    MkDocs' own config errors (an unknown theme, a missing ``custom_dir``) and labbook's option errors are
    reported against mkdocs.yml, at the line of the option when it can be found.
    """
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
