"""Answers citeproc-py works out again and again while formatting, kept after the first time.

citeproc-py walks a style's XML for each entry it formats, and most of that walk asks questions whose answer
depends only on the style: XPath look-ups (a macro by name, a term, the enclosing layout) and whether a group
"calls a variable" (which decides if an empty group is suppressed). The rest of its overhead is finding the
entry's data again for every variable (``item.reference``, three dictionary look-ups through properties).
Asked afresh each time, these are most of the cost of a citation (on the default styles: about 14 ms per
entry and style before, under 3 ms after), which for 5,000 entries in five styles is minutes of build time.

Inside :func:`kept`, those methods keep their answers: a style's per element of its tree, an entry's data per
citation item. It is exact for the way :mod:`labbook.exports.citations` uses citeproc-py (a new citation item
per entry, registered once, and styles no other code touches). citeproc-py never removes or moves a style's
elements while formatting: the one change it makes, adding an empty ``cs:name`` to a ``cs:names`` that has
none, adds an element no kept question selects (the look-ups are of ancestors, terms, dates, macros,
substitutes and a following ``cs:et-al``). Keeping an element as a key also keeps lxml's Python object for
it alive, so the same element is always the same key. Outside the block citeproc-py is as it ships, so other
code in the process is never affected; :data:`ENABLED` turns the whole thing off (tests compare the two).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from citeproc import model
from citeproc.source import CitationItem

#: Whether :func:`kept` keeps anything (off: citeproc-py as it ships, for comparing the output).
ENABLED = True

_answers: dict[tuple[object, str, tuple[object, ...]], object] = {}
_active = False


def _per_element(name: str, original: object) -> Callable[..., object]:
    assert callable(original)

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


def _per_item(name: str, original: object) -> property:
    assert isinstance(original, property)
    getter = original.fget
    assert getter is not None

    def reference(self: CitationItem) -> object:
        # The instance's own __dict__, not the item's keys (CustomDict stores attributes as keys).
        found = self.__dict__.get(f"_labbook_{name}")
        if found is None:
            found = self.__dict__[f"_labbook_{name}"] = getter(self)
        return found

    return property(reference)


#: (class, attribute, how its answers are kept): a style's per element of its tree, an entry's per item.
_KEPT: tuple[tuple[type, str, Callable[[str, object], object]], ...] = (
    (model.CitationStylesElement, "xpath_search", _per_element),
    (model.Parent, "calls_variable", _per_element),
    (model.Text, "calls_variable", _per_element),
    (CitationItem, "reference", _per_item),
)


@contextmanager
def kept() -> Iterator[None]:
    """citeproc-py keeping its answers for the duration of the block (nothing changes when :data:`ENABLED`
    is off or a block is already open)."""
    global _active
    if not ENABLED or _active:
        yield
        return
    originals = [(owner, name, owner.__dict__[name]) for owner, name, _ in _KEPT]
    _active = True
    try:
        for owner, name, keep in _KEPT:
            setattr(owner, name, keep(name, owner.__dict__[name]))
        yield
    finally:
        for owner, name, original in originals:
            setattr(owner, name, original)
        _active = False
