"""JSON Schema (draft-07) for the two data files, generated from the model, never by hand."""

from __future__ import annotations

from .model import InstrumentsFile, OverlayFile, StatesFile

DRAFT = "http://json-schema.org/draft-07/schema#"
FILES = {"states.schema.json": StatesFile, "instruments.schema.json": InstrumentsFile, "overlay.schema.json": OverlayFile}


def _draft7(node):
    """pydantic writes 2020-12 `$defs`; editors and check-jsonschema read draft-07 `definitions`."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            key = "definitions" if key == "$defs" else key
            if key == "$ref" and isinstance(value, str):
                value = value.replace("#/$defs/", "#/definitions/")
            out[key] = _draft7(value)
        return out
    if isinstance(node, list):
        return [_draft7(v) for v in node]
    return node


def schemas() -> dict[str, dict]:
    """{file name: schema} for states.yaml, instruments.yaml and overlay.yaml."""
    out = {}
    for name, model in FILES.items():
        body = _draft7(model.model_json_schema(by_alias=True, mode="validation"))
        out[name] = {"$schema": DRAFT, "$id": f"https://coopfinder.invalid/schema/{name}", **body}
    return out
