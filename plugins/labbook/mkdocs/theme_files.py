"""What a theme's template folders hold, as a value that changes when a lab edits, adds or removes a template.

An installed theme (Material under ``site-packages``) changes only when the process restarts, so it is named by
its folder; a lab's own folders (``custom_dir``, labbook's overrides) are described file by file (name,
modification time, size), which costs a few ``stat`` calls rather than reading every template again.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable


def theme_state(dirs: Iterable[str]) -> list[object]:
    """A description of ``dirs`` that differs whenever a template in a non-installed folder changes."""
    parts: list[object] = []
    installed = tuple(os.path.join(os.path.realpath(p), "") for p in {sys.prefix, sys.base_prefix})
    for directory in dirs:
        if os.path.join(os.path.realpath(directory), "").startswith(installed):
            parts.append(directory)
            continue
        for root, subdirs, names in os.walk(directory):
            subdirs.sort()
            for name in sorted(names):
                try:
                    stat = os.stat(os.path.join(root, name))
                except OSError:
                    continue
                parts.append((root, name, stat.st_mtime_ns, stat.st_size))
    return parts
