#!/usr/bin/env bash
# The prepared GPU check for the ONNX backend (issue 20). Two halves:
#
#   bench/gpu-check.sh publish [dir]   here (a machine with the .NET SDK): a self-contained linux-x64 publish of the
#                                      benchmark with the CUDA build of ONNX Runtime (-p:MjBotOnnxRuntime=gpu), plus
#                                      the tiny models and this script, into dir (default: gpu-check/, git-ignored).
#   bench/gpu-check.sh run [models]    on the GPU machine (no .NET needed), from that folder: checks that sessions
#                                      really run on CUDAExecutionProvider (it fails when ONNX Runtime fell back to the
#                                      CPU, printing ONNX Runtime's reason) and prints the sd-grid stage timings for
#                                      every model folder under models/ (the tiny ones; add real exports beside them
#                                      for the figures the README's targets are about).
#
# CUDA 13 and cuDNN 9 must be loadable (the CUDA provider in Microsoft.ML.OnnxRuntime.Gpu.Linux 1.32.0 links
# libcudart.so.13 and libcublas.so.13); set LD_LIBRARY_PATH to their folders when they come from pip wheels
# (nvidia-cuda-runtime, nvidia-cublas, nvidia-cudnn-cu13).
set -euo pipefail

mode=${1:-}
case "$mode" in
  publish)
    cd "$(dirname "$0")/.."
    out=$(realpath -m "${2:-gpu-check}")
    rm -rf "$out"
    dotnet publish bench/MjBot.Benchmarks/MjBot.Benchmarks.csproj -c Release -r linux-x64 --self-contained true \
      -p:MjBotOnnxRuntime=gpu -o "$out/app"
    # Only the CUDA build's providers are needed: TensorRT's is large and needs TensorRT 10 beside it.
    rm -f "$out/app/libonnxruntime_providers_tensorrt.so"
    mkdir -p "$out/models"
    cp -r tests/models/. "$out/models/"
    cp bench/gpu-check.sh "$out/"
    echo "published to $out ($(du -sh "$out" | cut -f1))"
    ;;
  run)
    here=$(cd "$(dirname "$0")" && pwd)
    models=${2:-$here/models}
    status=0
    for folder in "$models"/*/; do
      name=$(basename "$folder")
      [ "$name" = "tiny-sd-inpaint" ] && continue
      echo "== $name"
      log=$(mktemp)
      "$here/app/MjBot.Benchmarks" sd-grid "$folder" "${STEPS:-25}" "${RUNS:-5}" cuda | tee "$log"
      if ! grep -q "on CUDAExecutionProvider" "$log"; then
        echo "FAIL: $name did not run on CUDA (see ONNX Runtime's reason above)" >&2
        status=1
      fi
      rm -f "$log"
    done
    exit "$status"
    ;;
  *)
    echo "usage: bench/gpu-check.sh publish [dir] | run [models folder]" >&2
    exit 64
    ;;
esac
