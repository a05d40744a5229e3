"""Tests of labbook.options: the one table of options, and everything that must agree with it."""

from __future__ import annotations

import re
from dataclasses import fields

from labbook.mkdocs.config import LabbookConfig
from labbook.options import DEFAULTS, Options, option_docs
from labbook.settings import Settings
from tests.conftest import ROOT


def test_every_option_has_a_meaning() -> None:
    """Each option in the table says what it does (the docstring the issue asks of every config option)."""
    docs = option_docs()
    assert list(docs) == [f.name for f in fields(Options)]
    assert all(len(text) > 20 for text in docs.values()), docs


def test_mkdocs_schema_names_the_same_options_with_the_same_defaults() -> None:
    """The plugin's MkDocs schema has exactly the table's options; scalar defaults are the table's."""
    schema = dict(LabbookConfig._schema)
    assert set(schema) == set(option_docs())
    for name, option in schema.items():
        default = getattr(DEFAULTS, name)
        if isinstance(default, bool | int | str):
            assert option.default == default, name


def test_settings_defaults_are_the_table_defaults(tmp_path) -> None:
    """A Settings made without options has the table's defaults (nothing written twice)."""
    settings = Settings(root=tmp_path, docs_dir=tmp_path / "docs")
    for f in fields(Options):
        if f.name in {"bibliography", "today"}:
            continue
        assert getattr(settings, f.name) == getattr(DEFAULTS, f.name), f.name


def test_configuration_reference_and_readme_list_every_option() -> None:
    """docs/reference/configuration.md and the README's table each have a row per option."""
    for doc in ("docs/reference/configuration.md", "README.md"):
        text = (ROOT / doc).read_text(encoding="utf-8")
        rows = set(re.findall(r"^\| `([a-z_]+)` \|", text, re.M))
        assert set(option_docs()) <= rows, (doc, set(option_docs()) - rows)
