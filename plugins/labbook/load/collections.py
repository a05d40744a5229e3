"""Reading a YAML collection (a list of records) into typed, located records."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from labbook.diagnostics import Report, closest, did_you_mean
from labbook.load.yaml import YamlDocument, decode_yaml_bytes, parse_yaml
from labbook.model.common import BAD_PROFILE, DROPPABLE, Record

R = TypeVar("R", bound=Record)


def load_collection(path: Path, display_path: str, model: type[R], report: Report,
                    skipped: set[str] | None = None, id_field: str = "id",
                    rejected: list[Record] | None = None) -> list[R]:
    """Read ``path`` as a YAML list of ``model`` records.

    A missing file is an empty collection. A bad record is reported (file, line, field) and skipped; every
    good record is returned, so one typo never hides the rest of the file. The ``id_field`` value of each
    skipped record is added to ``skipped``, so that references to it are not reported again elsewhere, and
    what can still be checked of it (see :meth:`Record.salvage`) is added to ``rejected``.
    """
    if not path.is_file():
        return []
    report.count_read(display_path, 0)  # listed in the record counts even if nothing in it can be read
    try:
        data = path.read_bytes()
    except OSError as exc:
        report.error(display_path, 0, "yaml-unreadable", f"cannot read the file: {exc.strerror or exc}")
        return []
    text = decode_yaml_bytes(data, display_path, report)
    if text is None:
        return []
    doc = parse_yaml(text, display_path, report)
    if doc is None:
        return []
    return validate_collection(doc, model, report, skipped, id_field, rejected)


def validate_collection(doc: YamlDocument, model: type[R], report: Report,
                        skipped: set[str] | None = None, id_field: str = "id",
                        rejected: list[Record] | None = None) -> list[R]:
    """Validate the records of a parsed document against ``model`` (see :func:`load_collection`)."""
    if doc.data is None:
        report.info(doc.path, 1, "yaml-empty", "the file is empty: no records")
        return []
    if not isinstance(doc.data, list):
        report_not_a_list(doc, report)
        return []
    report.count_read(doc.path, len(doc.data))
    records: list[R] = []
    for index, item in enumerate(doc.data):
        line = doc.where((index,))[0]
        if not isinstance(item, dict):
            report.error(doc.path, line, "yaml-not-a-record",
                         f"item {index + 1} is not a record with keys",
                         hint="write each record as key: value lines under its '- '")
            continue
        record = _validate_record(item, doc, index, model, report, rejected)
        if record is None:
            if skipped is not None and isinstance(item.get(id_field), str):
                skipped.add(item[id_field])
            continue
        record.place(doc.path, doc.marks, (index,), doc)
        records.append(record)
    return records


def report_not_a_list(doc: YamlDocument, report: Report) -> None:
    """The file holds a mapping or a single value: reported where it starts, with the way out for the usual
    slip, a list wrapped in a mapping (``openings:`` and the records indented under it)."""
    line, column = doc.where(())
    hint = "start each record with '- ' at the left margin, e.g. '- id: ...'"
    if isinstance(doc.data, dict):
        wrapped = [key for key, value in doc.data.items() if isinstance(value, list)]
        if wrapped:
            line, column = doc.where((wrapped[0],))
            hint = (f"the records are under '{wrapped[0]}:'; delete that line and move the records to the left"
                    " margin, so the file itself is the list")
    kind = "a mapping" if isinstance(doc.data, dict) else "a single value"
    report.error(doc.path, line, "yaml-not-a-list", f"the file holds {kind}, but it should be a list of records",
                 column=column, hint=hint)


def _validate_record(item: dict[str, Any], doc: YamlDocument, index: int, model: type[R], report: Report,
                     rejected: list[Record] | None = None) -> R | None:
    """The record, or ``None`` after its diagnostics; an unsafe link is reported and dropped, not the record."""
    try:
        return model.model_validate(item)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        unsafe = [e for e in errors if e["type"] in DROPPABLE]
        if not unsafe or len(unsafe) < len(errors):
            report_validation_error(exc, doc, (index,), model, report)
            keep_rejected(rejected, model, item, exc, doc, (index,))
            return None
    for err in unsafe:
        line, col = doc.where((index, *err["loc"]))
        field = ".".join(str(p) for p in err["loc"])
        if err["type"] == BAD_PROFILE:
            report.error(doc.path, line, "yaml-profile-link", f"{field}: {err['msg']}; the link is left out",
                         column=col, hint=str((err.get("ctx") or {}).get("hint", "")))
            continue
        report.error(doc.path, line, "yaml-unsafe-url", f"{field}: {err['msg']}; the link is left out", column=col,
                     hint="use a full https:// address, a mailto: address or a path relative to the site")
    trimmed = _without(item, [tuple(e["loc"]) for e in unsafe])
    try:
        return model.model_validate(trimmed)
    except ValidationError as exc:  # the link was required: the record cannot be shown without it
        report_validation_error(exc, doc, (index,), model, report)
        keep_rejected(rejected, model, item, exc, doc, (index,))
        return None


def keep_rejected(rejected: list[Record] | None, model: type[Record], item: dict[str, Any], exc: ValidationError,
                  doc: YamlDocument, loc: tuple[Any, ...]) -> None:
    """Add what can still be checked of a record that failed validation to ``rejected`` (when it is a list)."""
    if rejected is None:
        return
    bad = {str(e["loc"][0]) for e in exc.errors(include_url=False) if e["loc"]}
    partial = model.salvage(item, bad)
    partial.place(doc.path, doc.marks, loc, doc)
    rejected.append(partial)


def _without(data: Any, locs: list[tuple[Any, ...]]) -> Any:
    """A copy of ``data`` without the values at ``locs`` (list items removed from the end first)."""
    data = copy.deepcopy(data)
    for loc in sorted(locs, key=lambda loc: [str(p) for p in loc], reverse=True):
        parent = data
        for part in loc[:-1]:
            parent = parent[part]
        if isinstance(parent, dict | list):
            del parent[loc[-1]]
    return data


def report_validation_error(
    exc: ValidationError, doc: YamlDocument, base: tuple[Any, ...], model: type[Record], report: Report
) -> None:
    """One diagnostic per pydantic error, at the line of the offending key, with a did-you-mean hint.

    A misspelt required key (``titel:`` for ``title:``) is one problem, not two: the "required key is missing"
    error is left out when an unknown key of the same record is a close match for it.
    """
    errors = exc.errors(include_url=False)
    missing = {tuple(e["loc"]) for e in errors if e["type"] == "missing"}
    close_to: dict[tuple[Any, ...], str] = {}
    for err in errors:
        loc = tuple(err["loc"])
        if err["type"] == "extra_forbidden":
            owner = _model_at(model, loc[:-1])
            fields = list(owner.model_fields) if owner else []
            close_to[loc] = closest(str(loc[-1]), fields) or ""
    explained = {(*loc[:-1], name) for loc, name in close_to.items() if name} & missing
    for err in errors:
        loc = tuple(err["loc"])
        line, col = doc.where((*base, *loc))
        field = ".".join(str(p) for p in loc) or "record"
        if err["type"] == "extra_forbidden":
            name = close_to.get(loc, "")
            owner = _model_at(model, loc[:-1])
            message = f"unknown key '{loc[-1]}'"
            if (*loc[:-1], name) in explained:
                message += f" (the required key '{name}' is missing)"
            fields = list(owner.model_fields) if owner else []
            hint = did_you_mean(str(loc[-1]), fields) or (f"allowed keys: {', '.join(fields)}" if fields else "")
            report.error(doc.path, line, "yaml-unknown-key", message, column=col, hint=hint)
        elif err["type"] == "missing" and loc in explained:
            continue
        elif err["type"] == "missing":
            report.error(doc.path, line, "yaml-missing-key", f"required key '{field}' is missing", column=col,
                         hint=f"add '{loc[-1]}: ...' to this record")
        else:
            message, hint = explain_value_error(err, field)
            report.error(doc.path, line, "yaml-invalid", message, column=col, hint=hint)


def explain_value_error(err: Any, field: str) -> tuple[str, str]:
    """A message and hint, in a contributor's words, for one pydantic error about a value that is present."""
    kind, value = err["type"], err.get("input")
    key = field.rsplit(".", 1)[-1]
    shown = _show(value)
    if value is None or (kind == "string_too_short" and value == ""):
        return f"'{field}' is empty", f"write a value after '{key}:', or delete the line if the key is optional"
    if kind in {"string_type", "int_type", "float_type", "bool_type"} and isinstance(value, list | dict):
        return (f"'{field}' should be a single value, not {'a list' if isinstance(value, list) else 'a mapping'}",
                f"write it on one line: {key}: value")
    if kind == "list_type":
        return (f"'{field}' should be a list, not {shown}",
                f"write one item per line under '{key}:', each starting with '- '")
    if kind in {"model_type", "dict_type"}:
        return (f"'{field}' should be a mapping of keys, not {shown}",
                f"indent the keys of '{key}' under it, one 'name: value' per line")
    if kind in {"int_parsing", "int_from_float"}:
        return f"'{field}' should be a whole number, not {shown}", ""
    if kind == "bool_parsing":
        return f"'{field}' should be true or false, not {shown}", ""
    if kind == "literal_error":
        choices = re.findall(r"'([^']*)'", str((err.get("ctx") or {}).get("expected", "")))
        return (f"'{field}' is {shown}, which is not one of: {', '.join(choices)}",
                did_you_mean(str(value).casefold(), choices))
    message = str(err["msg"]).removeprefix("Value error, ")
    if kind == "value_error":
        return f"{field}: {message}", ""
    return f"{field}: {message} (got {shown})", ""


def _show(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    text = str(value)
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"


def _model_at(model: type[Record], loc: tuple[Any, ...]) -> type[Record] | None:
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        info = getattr(current, "model_fields", {}).get(part)
        if info is None:
            return None
        current = _record_type(info.annotation)
        if current is None:
            return None
    return current if isinstance(current, type) and issubclass(current, Record) else None


def _record_type(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, Record):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _record_type(arg)
        if found is not None:
            return found
    return None
