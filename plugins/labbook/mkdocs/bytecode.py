"""Compiled theme templates kept between `mkdocs serve` rebuilds."""

from __future__ import annotations

import jinja2
import jinja2.bccache


class TemplateCodeCache(jinja2.BytecodeCache):
    """Compiled theme templates kept in memory between serve rebuilds.

    MkDocs makes a new Jinja environment for every build, so the theme's templates are compiled again each
    time (about a third of a small rebuild with Material). Jinja's bytecode cache is made for exactly this;
    it checks each template's source checksum, so an edited override is compiled afresh.
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self._code.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()
