#!/usr/bin/env python3
"""A JSON Schema validator for the subset docs/report.schema.json uses.

Keywords: $schema $id title description $defs $ref (local "#/..." only)
type properties required additionalProperties items enum const minimum
maximum pattern minItems maxItems. Any other keyword in the schema is an
error, so the schema cannot silently rely on something unchecked.

usage: jsonschema_lite.py SCHEMA DOCUMENT [POINTER]
POINTER ("#/$defs/score") validates against a part of the schema.
Exits 0 when valid, 1 with one line per problem otherwise.
"""
import json
import re
import sys

SUPPORTED = {"$schema", "$id", "title", "description", "$defs", "$ref", "type", "properties",
             "required", "additionalProperties", "items", "enum", "const", "minimum", "maximum",
             "pattern", "minItems", "maxItems"}


def resolve(root, ref):
    if not ref.startswith("#"):
        raise ValueError(f"only local references are supported: {ref}")
    node = root
    for part in ref[1:].split("/")[1:]:
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def type_ok(v, t):
    if t == "null":
        return v is None
    if t == "boolean":
        return isinstance(v, bool)
    if t == "integer":
        return isinstance(v, int) and not isinstance(v, bool)
    if t == "number":
        return isinstance(v, (int, float)) and not isinstance(v, bool)
    if t == "string":
        return isinstance(v, str)
    if t == "array":
        return isinstance(v, list)
    if t == "object":
        return isinstance(v, dict)
    raise ValueError(f"unknown type {t}")


def validate(v, s, root, path, errs):
    unknown = set(s) - SUPPORTED
    if unknown:
        raise ValueError(f"schema at {path} uses unsupported keywords {sorted(unknown)}")
    if "$ref" in s:
        validate(v, resolve(root, s["$ref"]), root, path, errs)
    if "type" in s:
        types = s["type"] if isinstance(s["type"], list) else [s["type"]]
        if not any(type_ok(v, t) for t in types):
            errs.append(f"{path}: {json.dumps(v)[:60]} is not of type {types}")
            return
    if "const" in s and v != s["const"]:
        errs.append(f"{path}: must be {s['const']!r}")
    if "enum" in s and v not in s["enum"]:
        errs.append(f"{path}: {v!r} is not one of {s['enum']}")
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        if "minimum" in s and v < s["minimum"]:
            errs.append(f"{path}: {v} is below {s['minimum']}")
        if "maximum" in s and v > s["maximum"]:
            errs.append(f"{path}: {v} is above {s['maximum']}")
    if isinstance(v, str) and "pattern" in s and not re.search(s["pattern"], v):
        errs.append(f"{path}: {v!r} does not match {s['pattern']}")
    if isinstance(v, list):
        if "minItems" in s and len(v) < s["minItems"]:
            errs.append(f"{path}: fewer than {s['minItems']} items")
        if "maxItems" in s and len(v) > s["maxItems"]:
            errs.append(f"{path}: more than {s['maxItems']} items")
        if "items" in s:
            for i, x in enumerate(v):
                validate(x, s["items"], root, f"{path}[{i}]", errs)
    if isinstance(v, dict):
        props = s.get("properties", {})
        for k in s.get("required", []):
            if k not in v:
                errs.append(f"{path}: missing {k!r}")
        for k, x in v.items():
            if k in props:
                validate(x, props[k], root, f"{path}.{k}", errs)
            elif s.get("additionalProperties", True) is False:
                errs.append(f"{path}: unexpected {k!r}")
            elif isinstance(s.get("additionalProperties"), dict):
                validate(x, s["additionalProperties"], root, f"{path}.{k}", errs)


def check(schema, doc, pointer="#"):
    errs = []
    validate(doc, resolve(schema, pointer) if pointer != "#" else schema, schema, "$", errs)
    return errs


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    doc = json.load(open(sys.argv[2], encoding="utf-8"))
    errs = check(schema, doc, sys.argv[3] if len(sys.argv) > 3 else "#")
    for e in errs[:50]:
        print(e)
    sys.exit(1 if errs else 0)


if __name__ == "__main__":
    main()
