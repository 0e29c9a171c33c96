#!/usr/bin/env bash
# Installs what the test suite needs that NuGet cannot bring. Idempotent: it installs only what is missing.
#  - Debian's python3-yaml and python3-jsonschema: an independent validator for docker-compose.yml against the
#    Compose Specification's JSON schema (no JSON-schema package restores from our NuGet mirror).
#  - Debian's libvips-tools: an independent decoder (the `vips` CLI) that PngSuite and the JPEG, WebP and GIF reader are
#    checked against.
#  - Debian's python3-prometheus-client: the Prometheus project's own parser of the text exposition format, which
#    /metrics is checked with.
#  - Debian's python3-discord (discord.py): a Discord client library nobody here wrote, run unpatched against the
#    loopback Discord emulator (eng/discordpy-roundtrip.py) so the emulator keeps sending what Discord sends.
set -euo pipefail

missing=()
if ! /usr/bin/python3 -c 'import yaml, jsonschema' >/dev/null 2>&1; then
  missing+=(python3-yaml python3-jsonschema)
fi

if ! command -v vips >/dev/null 2>&1; then
  missing+=(libvips-tools)
fi

if ! /usr/bin/python3 -c 'import prometheus_client.parser' >/dev/null 2>&1; then
  missing+=(python3-prometheus-client)
fi

if ! /usr/bin/python3 -c 'import discord' >/dev/null 2>&1; then
  missing+=(python3-discord)
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "The test suite needs these Debian packages: ${missing[*]}" >&2
  echo "Install them (sudo apt-get install ${missing[*]}) and run the tests again." >&2
  exit 1
fi

echo "Installing test prerequisites: ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
