"""One Jinja environment per site: the site's ``overrides/labbook/`` first, the package defaults second."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, Template
from markupsafe import Markup

from labbook.text.control_chars import strip_forbidden

#: The package's own templates and assets.
PACKAGE_TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "labbook"


def _printable(value: Any) -> Any:
    # Loaders remove control characters from data (reporting them); plain text from any other source loses
    # them here, so none can reach a page or pose as the internal link markers of rendered Markdown (those
    # live only in Markup, which is left alone).
    if isinstance(value, str) and not isinstance(value, Markup):
        return strip_forbidden(value)
    return value


class Renderer:
    """Renders labbook's templates. Autoescaping is on: data is escaped once, on output."""

    def __init__(self, override_dirs: list[Path] | None = None) -> None:
        dirs = [d for d in (override_dirs or []) if d.is_dir()]
        self.override_dirs = dirs
        self.env = Environment(
            loader=ChoiceLoader([FileSystemLoader([str(d) for d in dirs]), FileSystemLoader(str(PACKAGE_TEMPLATES))]),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,
            finalize=_printable,
        )
        # Lists rendered twice on one page (two macro calls) prefix their element ids with `scope`.
        self.env.globals["scope"] = ""
        self._cache: dict[str, Template] = {}

    def template(self, name: str) -> Template:
        """A compiled template, loaded once."""
        found = self._cache.get(name)
        if found is None:
            found = self._cache[name] = self.env.get_template(name)
        return found

    def render(self, name: str, **context: Any) -> Markup:
        """Render template ``name`` with ``context``; the result is safe HTML."""
        return Markup(self.template(name).render(**context))
