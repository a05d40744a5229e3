"""Reading a YAML collection (a list of records) into typed, located records."""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from labbook.diagnostics import Report
from labbook.load.yaml import YamlDocument, decode_yaml_bytes, parse_yaml
from labbook.model.common import Record

R = TypeVar("R", bound=Record)


def load_collection(path: Path, display_path: str, model: type[R], report: Report,
                    skipped: set[str] | None = None, id_field: str = "id") -> list[R]:
    """Read ``path`` as a YAML list of ``model`` records.

    A missing file is an empty collection. A bad record is reported (file, line, field) and skipped; every
    good record is returned, so one typo never hides the rest of the file. The ``id_field`` value of each
    skipped record is added to ``skipped``, so that references to it are not reported again elsewhere.
    """
    if not path.is_file():
        return []
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
    return validate_collection(doc, model, report, skipped, id_field)


def validate_collection(doc: YamlDocument, model: type[R], report: Report,
                        skipped: set[str] | None = None, id_field: str = "id") -> list[R]:
    """Validate the records of a parsed document against ``model`` (see :func:`load_collection`)."""
    if doc.data is None:
        report.info(doc.path, 1, "yaml-empty", "the file is empty: no records")
        return []
    if not isinstance(doc.data, list):
        kind = "a mapping" if isinstance(doc.data, dict) else "a single value"
        report.error(doc.path, 1, "yaml-not-a-list",
                     f"the file holds {kind}, but it should be a list of records",
                     hint="start each record with '- ' at the left margin, e.g. '- id: ...'")
        return []
    records: list[R] = []
    for index, item in enumerate(doc.data):
        line = doc.where((index,))[0]
        if not isinstance(item, dict):
            report.error(doc.path, line, "yaml-not-a-record",
                         f"item {index + 1} is not a record with keys",
                         hint="write each record as key: value lines under its '- '")
            continue
        try:
            record = model.model_validate(item)
        except ValidationError as exc:
            report_validation_error(exc, doc, (index,), model, report)
            if skipped is not None and isinstance(item.get(id_field), str):
                skipped.add(item[id_field])
            continue
        record.place(doc.path, doc.marks, (index,))
        records.append(record)
    return records


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
            match = difflib.get_close_matches(str(loc[-1]), fields, n=1, cutoff=0.6)
            close_to[loc] = match[0] if match else ""
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
            hint = f"did you mean '{name}'?" if name else (
                f"allowed keys: {', '.join(owner.model_fields)}" if owner else "")
            report.error(doc.path, line, "yaml-unknown-key", message, column=col, hint=hint)
        elif err["type"] == "missing" and loc in explained:
            continue
        elif err["type"] == "missing":
            report.error(doc.path, line, "yaml-missing-key", f"required key '{field}' is missing", column=col,
                         hint=f"add '{loc[-1]}: ...' to this record")
        else:
            message = err["msg"].removeprefix("Value error, ")
            hint = ""
            if err["type"] == "literal_error" and isinstance(err.get("input"), str):
                choices = re.findall(r"'([^']*)'", str((err.get("ctx") or {}).get("expected", "")))
                match = difflib.get_close_matches(err["input"].casefold(), choices, n=1, cutoff=0.6)
                hint = f"did you mean '{match[0]}'?" if match else ""
            report.error(doc.path, line, "yaml-invalid", f"{field}: {message}", column=col, hint=hint)


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
