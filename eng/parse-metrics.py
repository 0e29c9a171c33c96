#!/usr/bin/python3
"""Parses a Prometheus text exposition (stdin) with the Prometheus project's own Python parser (Debian's
python3-prometheus-client), independent of MjBot's exporter. Prints the families as JSON
({"name": {"type": ..., "samples": [[sample name, {labels}, value], ...]}}); exit 1 with the parser's error."""
import json
import sys

from prometheus_client.parser import text_string_to_metric_families


def main() -> int:
    text = sys.stdin.read()
    families = {}
    try:
        for family in text_string_to_metric_families(text):
            families[family.name] = {
                "type": family.type,
                "help": family.documentation,
                "samples": [[s.name, s.labels, s.value] for s in family.samples],
            }
    except Exception as error:  # the parser raises ValueError and friends on malformed input
        print(f"{type(error).__name__}: {error}")
        return 1
    print(json.dumps(families))
    return 0


if __name__ == "__main__":
    sys.exit(main())
