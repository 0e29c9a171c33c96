#!/usr/bin/env bash
# Fetches ONNX Runtime's native library (linux-x64) into .native/onnxruntime/ (git-ignored) and verifies it.
# The library comes from the npm package onnxruntime-node: `npm pack` downloads the tarball without running any of
# the package's scripts (its install script would try to download CUDA providers), then tar extracts the one file.
# Idempotent: a present library with the right sha256 is kept. Override the place with MJBOT_ORT_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

version=1.30.0
sha256=ffb75a925ba05e47b235bb66e3e3911714a80b328a9c9425539feb204aa32a23
member=package/bin/napi-v6/linux/x64/libonnxruntime.so.1
dest=${MJBOT_ORT_DIR:-.native/onnxruntime}
lib=$dest/libonnxruntime.so.1

if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "eng/fetch-onnxruntime.sh fetches the linux-x64 library; on $(uname -s)-$(uname -m) set Backends:Onnx:LibraryPath to an ONNX Runtime library instead." >&2
  exit 1
fi

if [ -f "$lib" ] && echo "$sha256  $lib" | sha256sum --check --status; then
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "Fetching ONNX Runtime needs npm (Debian: apt-get install npm)." >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "Fetching ONNX Runtime $version (onnxruntime-node, library only)"
(cd "$work" && npm pack --silent "onnxruntime-node@$version" >/dev/null)
tar -xzf "$work/onnxruntime-node-$version.tgz" -C "$work" "$member"
if ! echo "$sha256  $work/$member" | sha256sum --check --status; then
  echo "The downloaded libonnxruntime.so.1 does not have the expected sha256 ($sha256); refusing it." >&2
  exit 1
fi

mkdir -p "$dest"
mv "$work/$member" "$lib.tmp"
mv "$lib.tmp" "$lib"
echo "ONNX Runtime $version: $lib"
