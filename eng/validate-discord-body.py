#!/usr/bin/python3
"""Validates request bodies against Discord's official OpenAPI description (../shared/discord-openapi.json) with
Debian's python3-jsonschema, an implementation independent of MjBot.

Usage: validate-discord-body.py <openapi.json> <operationId> <body.json> [<body.json> ...]
Prints one line per body: "ok <file>" or "invalid <file>: <path>: <message>" (first error; all errors follow).
Exit code 0 when every body is valid, 1 otherwise, 2 when the operation is unknown.

Usage: validate-discord-body.py <openapi.json> --serve
The loopback Discord emulator's validator: reads one JSON request per line, {"operation": id, "body": {...}}, and
answers one JSON line per request: {"errors": [{"path": [...], "validator": "maxLength", "message": "..."}]}, or
{"unknown_operation": true}."""
import json
import sys

import jsonschema


def request_schema(document, operation_id):
    for path_item in document["paths"].values():
        for operation in path_item.values():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                return operation["requestBody"]["content"]["application/json"]["schema"]
    return None


def leaves(error):
    if not error.context:
        yield error
    for inner in error.context:
        yield from leaves(inner)


def deepest(error):
    """The innermost error of a failed union: the leaf that reaches furthest into the body (a union member's
    discriminator mismatch, "type" or "style", loses a tie)."""
    return max(leaves(error), key=lambda e: (len(e.absolute_path), e.validator not in ("enum", "const")))


def serve(openapi_path):
    with open(openapi_path, encoding="utf-8") as f:
        document = json.load(f)
    resolver = jsonschema.RefResolver.from_schema(document)
    validators = {}
    for line in sys.stdin:
        request = json.loads(line)
        operation_id = request["operation"]
        if operation_id not in validators:
            schema = request_schema(document, operation_id)
            validators[operation_id] = None if schema is None else jsonschema.Draft202012Validator(schema, resolver=resolver)
        validator = validators[operation_id]
        if validator is None:
            answer = {"unknown_operation": True}
        else:
            # A union (anyOf/oneOf) fails as a whole; report its most relevant inner error, as Discord names the field.
            best = [deepest(e) for e in validator.iter_errors(request["body"])]
            answer = {"errors": [
                {"path": list(e.absolute_path), "validator": e.validator, "message": e.message[:300]} for e in best
            ]}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()
    return 0


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
    if sys.argv[2] == "--serve":
        sys.exit(serve(sys.argv[1]))
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3:]))
