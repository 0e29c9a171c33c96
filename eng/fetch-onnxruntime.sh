#!/usr/bin/env bash
# Fetches ONNX Runtime's native libraries (linux-x64) into .native/onnxruntime/ (git-ignored) and verifies each one's
# sha256. Everything comes from the npm registry: `npm pack` downloads a package's tarball without running any of its
# scripts (onnxruntime-node's install script would try to download CUDA providers), then tar extracts single files.
#
#   MJBOT_ORT_FLAVOUR=cpu (default)  ONNX Runtime 1.30.0: the core library of onnxruntime-node. It knows the CUDA
#                                    provider but does not carry it, so it runs on the CPU.
#   MJBOT_ORT_FLAVOUR=cuda           ONNX Runtime 1.29.0 for NVIDIA GPUs (CUDA 13 + cuDNN 9): the core of
#                                    onnxruntime-node@1.29.0 plus libonnxruntime_providers_{shared,cuda}.so from
#                                    com.github.asus4.onnxruntime.linux-x64-gpu@0.4.9, which republishes those two
#                                    files unchanged from Microsoft's NuGet package Microsoft.ML.OnnxRuntime.Gpu.Linux
#                                    1.29.0. 1.29 is the newest release whose CUDA provider a package registry carries;
#                                    core and providers must come from the same release, so the core is 1.29 too.
#
# Idempotent: files already present with the right sha256 are kept. Override the place with MJBOT_ORT_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

flavour=${MJBOT_ORT_FLAVOUR:-cpu}
dest=${MJBOT_ORT_DIR:-.native/onnxruntime}

# package@version | file in the package | sha256 | name in $dest
case "$flavour" in
  cpu)
    files=(
      "onnxruntime-node@1.30.0|package/bin/napi-v6/linux/x64/libonnxruntime.so.1|ffb75a925ba05e47b235bb66e3e3911714a80b328a9c9425539feb204aa32a23|libonnxruntime.so.1"
    ) ;;
  cuda)
    files=(
      "onnxruntime-node@1.29.0|package/bin/napi-v6/linux/x64/libonnxruntime.so.1|89688f5cf51c7e31befbb7b9101bc027799009b18d1baa9a5b1146a72e69538d|libonnxruntime.so.1"
      "com.github.asus4.onnxruntime.linux-x64-gpu@0.4.9|package/Plugins/Linux/x64/libonnxruntime_providers_shared.so|c6a12593396095f5670160e284c35d1700b7708cf3037b7042e2a5200ccae772|libonnxruntime_providers_shared.so"
      "com.github.asus4.onnxruntime.linux-x64-gpu@0.4.9|package/Plugins/Linux/x64/libonnxruntime_providers_cuda.so|56cf3254b118ad837ccc4ed8f6d1b23504bbf7ef91b34cbc0b289cb7f10b3037|libonnxruntime_providers_cuda.so"
    ) ;;
  *)
    echo "MJBOT_ORT_FLAVOUR must be cpu or cuda, not \"$flavour\"." >&2
    exit 1 ;;
esac

if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "eng/fetch-onnxruntime.sh fetches linux-x64 libraries; on $(uname -s)-$(uname -m) set Backends:Onnx:LibraryPath to an ONNX Runtime library instead." >&2
  exit 1
fi

present() { [ -f "$dest/$2" ] && echo "$1  $dest/$2" | sha256sum --check --status; }

missing=()
for entry in "${files[@]}"; do
  IFS='|' read -r package member sha256 name <<<"$entry"
  present "$sha256" "$name" || missing+=("$entry")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "Fetching ONNX Runtime needs npm (Debian: apt-get install npm)." >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$dest"
declare -A tarballs=()
for entry in "${missing[@]}"; do
  IFS='|' read -r package member sha256 name <<<"$entry"
  if [ -z "${tarballs[$package]:-}" ]; then
    echo "Fetching $package ($flavour ONNX Runtime)"
    tarballs[$package]=$work/$(cd "$work" && npm pack --silent "$package" | tail -n 1)
  fi
  tar -xzf "${tarballs[$package]}" --no-same-owner -C "$work" "$member"
  if ! echo "$sha256  $work/$member" | sha256sum --check --status; then
    echo "$name from $package does not have the expected sha256 ($sha256); refusing it." >&2
    exit 1
  fi
  mv "$work/$member" "$dest/$name.tmp"
  mv "$dest/$name.tmp" "$dest/$name"
done
echo "ONNX Runtime ($flavour): $dest"
