#!/usr/bin/python3
"""Validates a compose file against the Compose Specification's JSON schema (draft-07) with Debian's
python3-jsonschema, an implementation independent of MjBot. Prints each violation; exit 1 when there is one."""
import json
import sys

import jsonschema
import yaml


def main(compose_path: str, schema_path: str) -> int:
    with open(compose_path, encoding="utf-8") as f:
        document = yaml.safe_load(f)  # resolves anchors and << merge keys, as compose does
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft7Validator(schema)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    for error in errors:
        where = "/".join(str(p) for p in error.absolute_path) or "(root)"
        print(f"{where}: {error.message}")
    if not errors:
        print(json.dumps(document, sort_keys=True))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
