#!/usr/bin/python3
"""Validates request bodies against Discord's official OpenAPI description (../shared/discord-openapi.json) with
Debian's python3-jsonschema, an implementation independent of MjBot.

Usage: validate-discord-body.py <openapi.json> <operationId> <body.json> [<body.json> ...]
Prints one line per body: "ok <file>" or "invalid <file>: <path>: <message>" (first error; all errors follow).
Exit code 0 when every body is valid, 1 otherwise, 2 when the operation is unknown.

Usage: validate-discord-body.py <openapi.json> --serve
The loopback Discord emulator's validator: reads one JSON request per line and answers one JSON line per request,
{"errors": [{"path": [...], "validator": "maxLength", "message": "..."}]}, or {"unknown_operation": true}. A request
is one of:
  {"operation": id, "body": {...}}                  a request body, against the operation's requestBody schema;
  {"operation": id, "status": 200, "body": {...}}   a response body, against the operation's response for that
                                                    status (or its "4XX"/"5XX" class, through components/responses);
  {"schema": "UserResponse", "body": {...}}         any body against a named component schema (for gateway payloads,
                                                    which the document does not describe as a whole)."""
import json
import sys

import jsonschema


def request_schema(document, operation_id):
    for path_item in document["paths"].values():
        for operation in path_item.values():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                return operation["requestBody"]["content"]["application/json"]["schema"]
    return None


def response_schema(document, operation_id, status):
    """The schema of an operation's JSON response for a status: the exact code, else its class ("4XX"); None when
    the operation is unknown or documents no body for that status (a 204)."""
    for path_item in document["paths"].values():
        for operation in path_item.values():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                responses = operation["responses"]
                answer = responses.get(str(status)) or responses.get(f"{str(status)[0]}XX")
                if answer is None:
                    return None
                answer = follow(document, answer)
                return answer.get("content", {}).get("application/json", {}).get("schema")
    return None


def follow(document, node):
    """Follows $ref until a node without one."""
    while "$ref" in node:
        target = document
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


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
        if "schema" in request:
            key = ("schema", request["schema"])
        elif "status" in request:
            key = ("response", request["operation"], request["status"])
        else:
            key = ("request", request["operation"])
        if key not in validators:
            if key[0] == "schema":
                schema = document["components"]["schemas"].get(key[1])
            elif key[0] == "response":
                schema = response_schema(document, key[1], key[2])
            else:
                schema = request_schema(document, key[1])
            validators[key] = None if schema is None else jsonschema.Draft202012Validator(schema, resolver=resolver)
        validator = validators[key]
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
