"""Answers about a CSL style's own tree that citeproc-py works out again for every entry, kept after the first time.

citeproc-py walks a style's XML for each entry it formats, and most of that walk asks questions whose answer
depends only on the style: XPath look-ups (a macro by name, a term, the enclosing layout) and whether a group
"calls a variable" (which decides if an empty group is suppressed). Asked afresh each time they are three
quarters of the cost of a citation (measured on the default styles: about 14 ms per entry and style before,
3 ms after), which for 5,000 entries in five styles is minutes of build time.

:func:`install` wraps those methods so that each answer is kept per element of the tree. It is exact because
citeproc-py never removes or moves a style's elements while formatting: the one change it makes, adding an
empty ``cs:name`` to a ``cs:names`` that has none, adds an element no kept question selects (the look-ups are
of ancestors, terms, dates, macros, substitutes and a following ``cs:et-al``). Keeping an element as a key
also keeps lxml's Python object for it alive, so the same element is always the same key.
:func:`pristine` undoes it for a block, so tests can compare the output with citeproc-py's own.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from citeproc import model

#: (class, method name) pairs whose answers depend on the style's tree only.
_TREE_QUESTIONS: tuple[tuple[type, str], ...] = (
    (model.CitationStylesElement, "xpath_search"),
    (model.Parent, "calls_variable"),
    (model.Text, "calls_variable"),
)
_originals: dict[tuple[type, str], Callable[..., object]] = {}
_answers: dict[tuple[object, str, tuple[object, ...]], object] = {}


def install() -> None:
    """Keep the answers of :data:`_TREE_QUESTIONS` (idempotent)."""
    for owner, name in _TREE_QUESTIONS:
        if (owner, name) not in _originals:
            original = owner.__dict__[name]
            _originals[owner, name] = original
            setattr(owner, name, _kept(name, original))


def _kept(name: str, original: Callable[..., object]) -> Callable[..., object]:
    @functools.wraps(original)
    def ask(self: object, *args: object) -> object:
        key = (self, name, args)
        try:
            answer = _answers[key]
        except KeyError:
            answer = _answers[key] = original(self, *args)
        # XPath answers are lists a caller may change; hand out a copy.
        return list(answer) if isinstance(answer, list) else answer

    return ask


@contextmanager
def pristine() -> Iterator[None]:
    """citeproc-py as it ships, for the duration of the block (then as :func:`install` left it)."""
    installed = dict(_originals)
    for (owner, name), original in installed.items():
        setattr(owner, name, original)
    _originals.clear()
    _answers.clear()
    try:
        yield
    finally:
        if installed:
            install()
