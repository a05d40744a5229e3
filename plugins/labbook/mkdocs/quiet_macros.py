"""Keeping mkdocs-macros' start-up report out of the default build output, where it buried labbook's diagnostics."""

from __future__ import annotations

import logging

#: The logger mkdocs-macros reports its start-up through ("[macros] - Config variables: ..." and the like).
MACROS_LOGGER = "mkdocs.plugins.mkdocs_macros.util"


class QuietMacrosStartup(logging.Filter):
    """Drops mkdocs-macros' INFO start-up lines (seven on every build) unless MkDocs runs with ``--verbose``;
    its warnings and errors always show."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno > logging.INFO or "[macros] - " not in record.getMessage():
            return True
        return logging.getLogger("mkdocs").isEnabledFor(logging.DEBUG)


def quiet_macros_startup() -> None:
    """Install :class:`QuietMacrosStartup` once per process (one process may build several sites, as tests do)."""
    logger = logging.getLogger(MACROS_LOGGER)
    if not any(isinstance(f, QuietMacrosStartup) for f in logger.filters):
        logger.addFilter(QuietMacrosStartup())
