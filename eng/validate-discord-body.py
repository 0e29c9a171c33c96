#!/usr/bin/python3
"""Validates request bodies against Discord's official OpenAPI description (../shared/discord-openapi.json) with
Debian's python3-jsonschema, an implementation independent of MjBot.

Usage: validate-discord-body.py <openapi.json> <operationId> <body.json> [<body.json> ...]
Prints one line per body: "ok <file>" or "invalid <file>: <path>: <message>" (first error; all errors follow).
Exit code 0 when every body is valid, 1 otherwise, 2 when the operation is unknown."""
import json
import sys

import jsonschema


def request_schema(document, operation_id):
    for path_item in document["paths"].values():
        for operation in path_item.values():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                return operation["requestBody"]["content"]["application/json"]["schema"]
    return None


def main(openapi_path, operation_id, bodies):
    with open(openapi_path, encoding="utf-8") as f:
        document = json.load(f)
    schema = request_schema(document, operation_id)
    if schema is None:
        print(f"unknown operation {operation_id}")
        return 2
    resolver = jsonschema.RefResolver.from_schema(document)
    validator = jsonschema.Draft202012Validator(schema, resolver=resolver)
    failed = False
    for body_path in bodies:
        with open(body_path, encoding="utf-8") as f:
            body = json.load(f)
        errors = sorted(validator.iter_errors(body), key=lambda e: list(e.absolute_path))
        if not errors:
            print(f"ok {body_path}")
            continue
        failed = True
        for error in errors:
            where = "/".join(str(p) for p in error.absolute_path) or "(body)"
            print(f"invalid {body_path}: {where}: {error.message[:300]}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3:]))
