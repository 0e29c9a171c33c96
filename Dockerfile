# syntax=docker/dockerfile:1
# MjBot: build, test, then a runtime image running as a non-root user with its data on /data. Two flavours from one
# file, chosen with --build-arg FLAVOUR: cpu (the default) and gpu (NVIDIA GPUs: CUDA runtime + cuDNN). Only the chosen
# flavour's stages are built; docker-compose.yml passes the one its profile needs.
ARG FLAVOUR=cpu

# The CUDA 13 + cuDNN 9 runtime image the GPU variant runs on; it must match the CUDA major version of ONNX Runtime's
# CUDA provider (13 for 1.29). Override with --build-arg CUDA_IMAGE=… to pin a later 13.x patch release.
ARG CUDA_IMAGE=nvidia/cuda:13.0.0-cudnn-runtime-ubuntu24.04

# ONNX Runtime's native library for the onnx backend, fetched and sha256-checked by the project's own script (npm pack
# of onnxruntime-node, library only; no package scripts run).
FROM node:22-bookworm-slim AS ort
WORKDIR /ort
COPY eng/fetch-onnxruntime.sh eng/
RUN MJBOT_ORT_DIR=/ort/lib eng/fetch-onnxruntime.sh

# The GPU variant's ONNX Runtime: core and CUDA provider from one official release (1.29.0; Microsoft's binaries from
# onnxruntime-node and the Microsoft.ML.OnnxRuntime.Gpu.Linux NuGet package), each file sha256-checked by the script.
FROM node:22-bookworm-slim AS ort-gpu
WORKDIR /ort
COPY eng/fetch-onnxruntime.sh eng/
RUN MJBOT_ORT_FLAVOUR=cuda MJBOT_ORT_DIR=/ort/lib eng/fetch-onnxruntime.sh

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
COPY --from=ort /ort/lib/libonnxruntime.so.1 .native/onnxruntime/libonnxruntime.so.1
RUN dotnet restore MjBot.sln \
 && dotnet build MjBot.sln -c Release --no-restore

# An image never ships from a red build: the final stage copies this stage's marker. The test data is vendored in
# tests/data, so the whole suite runs here, as in CI.
FROM build AS test
RUN eng/install-test-prerequisites.sh \
 && rm -rf /var/lib/apt/lists/*
RUN dotnet test MjBot.sln -c Release --no-build \
 && touch /tests-passed

FROM build AS publish
RUN dotnet publish src/MjBot/MjBot.csproj -c Release --no-restore -o /app

# What each flavour runs on. cpu: the ASP.NET Core runtime image with ONNX Runtime 1.30 (CPU). gpu: the CUDA runtime
# image (Ubuntu 24.04, as the .NET 10 images) with the ASP.NET Core runtime copied from the official image, ICU and
# OpenSSL from Ubuntu, the same "app" user id (so both flavours can share one data volume), and ONNX Runtime 1.29's
# core and CUDA provider. ONNX Runtime's files sit in one folder: the core loads its providers from its own folder.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime-cpu
COPY --from=ort /ort/lib/ /app/onnxruntime/

FROM ${CUDA_IMAGE} AS runtime-gpu
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates libicu74 libssl3t64 tzdata \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --uid 1654 --user-group --no-create-home --home-dir /app app
COPY --from=mcr.microsoft.com/dotnet/aspnet:10.0 /usr/share/dotnet /usr/share/dotnet
COPY --from=ort-gpu /ort/lib/ /app/onnxruntime/
ENV APP_UID=1654 \
    DOTNET_ROOT=/usr/share/dotnet \
    MjBot__Backends__Onnx__ExecutionProvider=cuda

# The image: Kestrel serves /healthz, /readyz and /metrics; logs are JSON lines; data lives on /data.
FROM runtime-${FLAVOUR} AS final
WORKDIR /app
COPY --from=test /tests-passed /tests-passed
COPY --from=publish /app .
ENV DOTNET_ENVIRONMENT=Production \
    MjBot__Storage__DataFolder=/data \
    MjBot__Backends__Onnx__LibraryPath=/app/onnxruntime/libonnxruntime.so.1 \
    MjBot__Operations__HttpAddress=0.0.0.0 \
    MjBot__Logging__Console__FormatterName=json
# The .NET images ship a non-root "app" user ($APP_UID); the gpu flavour makes one with the same id.
RUN mkdir -p /data && chown "$APP_UID" /data
VOLUME /data
USER $APP_UID
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 CMD ["./mjbot", "health"]
ENTRYPOINT ["./mjbot"]
