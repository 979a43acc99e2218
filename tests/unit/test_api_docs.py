"""docs/api.md stays in step with the app's OpenAPI schema.

The convention the documentation follows (described at the top of docs/api.md):

- every operation has a level-3 heading ``### METHOD /path`` with the path as in the schema;
- in an operation's section, a table whose first column is a backticked name lists its query
  and path parameters, and a table whose first column is a status code lists its answers;
- every model of the schema's components has a level-3 heading ``### `Name` `` followed by a
  table whose first column lists the model's fields, backticked.

Each check goes both ways where it can: what the schema has must be documented, and what the
document names must exist. Allowed values (enums) of a field or parameter must appear, backticked,
in its row.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from api.main import app

DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"

# FastAPI's own 422 body, listed in every schema; api/errors.py answers {"detail": "..."} instead,
# which docs/api.md says in prose.
FRAMEWORK_MODELS = {"HTTPValidationError", "ValidationError"}

OPERATION_HEADING = re.compile(r"^### (GET|POST|PUT|PATCH|DELETE) (/\S*)\s*$")
MODEL_HEADING = re.compile(r"^### `([A-Za-z_][A-Za-z0-9_]*)`\s*$")
NAME_CELL = re.compile(r"^`([A-Za-z_][A-Za-z0-9_]*)`$")
STATUS_CELL = re.compile(r"^([1-5]\d\d)$")


def sections(text: str) -> dict[str, list[str]]:
    """Level-3 heading → the lines under it, up to the next heading of level 1–3."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        if re.match(r"^#{1,3} ", line):
            current = None
            if line.startswith("### "):
                heading = line.rstrip()
                assert heading not in found, f"docs/api.md: heading twice: {heading}"
                current = found[heading] = []
            continue
        if current is not None:
            current.append(line)
    return found


def table_rows(lines: list[str]) -> list[list[str]]:
    """The cells of every table row (not header separators) in these lines."""
    rows = []
    for line in lines:
        stripped = line.strip()
        if not stripped.startswith("|") or re.match(r"^\|[\s|:-]+\|$", stripped):
            continue
        cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", stripped.strip("|"))]
        rows.append(cells)
    return rows


def named_rows(lines: list[str]) -> dict[str, str]:
    """First-column name → the whole row, for rows whose first cell is a backticked name."""
    rows = {}
    for cells in table_rows(lines):
        match = NAME_CELL.match(cells[0])
        if match:
            assert match.group(1) not in rows, f"docs/api.md: `{match.group(1)}` listed twice in one table"
            rows[match.group(1)] = " | ".join(cells)
    return rows


def status_codes(lines: list[str]) -> set[str]:
    return {cells[0] for cells in table_rows(lines) if STATUS_CELL.match(cells[0])}


def enum_values(schema: dict[str, Any]) -> set[str]:
    """Allowed values named in one property's or parameter's schema (not in referenced models)."""
    values: set[str] = set()
    if "enum" in schema:
        values.update(str(value) for value in schema["enum"])
    for key in ("anyOf", "oneOf", "allOf"):
        for option in schema.get(key, ()):
            values |= enum_values(option)
    for key in ("items", "propertyNames", "additionalProperties"):
        if isinstance(schema.get(key), dict):
            values |= enum_values(schema[key])
    return values


@cache
def openapi() -> dict[str, Any]:
    return app.openapi()


@cache
def documented() -> tuple[dict[tuple[str, str], list[str]], dict[str, list[str]]]:
    """(operations: (METHOD, path) → section lines, models: name → section lines) of docs/api.md."""
    operations: dict[tuple[str, str], list[str]] = {}
    models: dict[str, list[str]] = {}
    for heading, lines in sections(DOC.read_text(encoding="utf-8")).items():
        if match := OPERATION_HEADING.match(heading):
            operations[(match.group(1), match.group(2))] = lines
        elif match := MODEL_HEADING.match(heading):
            models[match.group(1)] = lines
    return operations, models


def schema_operations() -> dict[tuple[str, str], dict[str, Any]]:
    return {
        (method.upper(), path): operation
        for path, methods in openapi()["paths"].items()
        for method, operation in methods.items()
    }


def schema_models() -> dict[str, dict[str, Any]]:
    return {name: model for name, model in openapi()["components"]["schemas"].items() if name not in FRAMEWORK_MODELS}


def referenced_models(schema: dict[str, Any] | None) -> set[str]:
    if not schema:
        return set()
    text = repr(schema)
    return set(re.findall(r"#/components/schemas/([A-Za-z0-9_]+)", text)) - FRAMEWORK_MODELS


def test_every_operation_is_documented_and_every_documented_one_exists():
    in_schema = set(schema_operations())
    in_doc = set(documented()[0])
    assert not in_schema - in_doc, f"operations missing from docs/api.md: {sorted(in_schema - in_doc)}"
    assert not in_doc - in_schema, f"docs/api.md documents operations the app lacks: {sorted(in_doc - in_schema)}"


def test_every_model_is_documented_and_every_documented_one_exists():
    in_schema = set(schema_models())
    in_doc = set(documented()[1])
    assert not in_schema - in_doc, f"models missing from docs/api.md: {sorted(in_schema - in_doc)}"
    assert not in_doc - in_schema, f"docs/api.md documents models the app lacks: {sorted(in_doc - in_schema)}"


@pytest.mark.parametrize("name", sorted(schema_models()))
def test_model_fields_match(name):
    model = schema_models()[name]
    lines = documented()[1].get(name)
    if lines is None:
        pytest.skip("reported by test_every_model_is_documented_and_every_documented_one_exists")
    rows = named_rows(lines)
    fields = model.get("properties", {})
    assert not set(fields) - set(rows), f"{name}: fields missing from docs/api.md: {sorted(set(fields) - set(rows))}"
    assert not set(rows) - set(fields), f"{name}: docs/api.md lists fields it lacks: {sorted(set(rows) - set(fields))}"
    for field, schema in fields.items():
        missing = {v for v in enum_values(schema) if f"`{v}`" not in rows[field]}
        assert not missing, f"{name}.{field}: allowed values not in docs/api.md: {sorted(missing)}"


@pytest.mark.parametrize("method, path", sorted(schema_operations()))
def test_operation_parameters_answers_and_models_match(method, path):
    operation = schema_operations()[(method, path)]
    lines = documented()[0].get((method, path))
    if lines is None:
        pytest.skip("reported by test_every_operation_is_documented_and_every_documented_one_exists")
    where = f"{method} {path}"
    rows = named_rows(lines)
    parameters = {p["name"]: p for p in operation.get("parameters", ()) if p["in"] in ("query", "path")}
    assert not set(parameters) - set(rows), f"{where}: parameters missing: {sorted(set(parameters) - set(rows))}"
    assert not set(rows) - set(parameters), (
        f"{where}: documents parameters it lacks: {sorted(set(rows) - set(parameters))}"
    )
    for name, parameter in parameters.items():
        missing = {v for v in enum_values(parameter.get("schema", {})) if f"`{v}`" not in rows[name]}
        assert not missing, f"{where} `{name}`: allowed values not in docs/api.md: {sorted(missing)}"
    answers = set(operation.get("responses", {}))
    assert not answers - status_codes(lines), f"{where}: status codes missing: {sorted(answers - status_codes(lines))}"
    used = referenced_models(operation.get("requestBody")) | referenced_models(operation["responses"].get("200"))
    text = "\n".join(lines)
    unnamed = {model for model in used if f"`{model}`" not in text}
    assert not unnamed, f"{where}: body or response model not named in its section: {sorted(unnamed)}"


def test_the_parser_sees_the_document():
    """The parsing above really sees fields and operations (a guard against a silently empty parse)."""
    operations, models = documented()
    assert ("POST", "/api/chat") in operations
    assert set(named_rows(models["ServiceCard"])) >= {"id", "title", "source_url", "last_verified"}
    assert named_rows(["| Field | Type |", "| --- | --- |", "| `a` | x |", "| 200 | ok |"]) == {"a": "`a` | x"}
    assert status_codes(["| Status | Meaning |", "| --- | --- |", "| 404 | `Palvelua ei löytynyt.` |"]) == {"404"}
