# syntax=docker/dockerfile:1
# MjBot: build, test, then a runtime image running as a non-root user with its data on /data. Two flavours from one
# file, chosen with --build-arg FLAVOUR: cpu (the default) and gpu (NVIDIA GPUs: CUDA runtime + cuDNN). Only the chosen
# flavour's stages are built; docker-compose.yml passes the one its profile needs.
ARG FLAVOUR=cpu

# The CUDA 13 + cuDNN 9 runtime image the GPU variant runs on. It must match what ONNX Runtime's CUDA provider was
# built against: the libonnxruntime_providers_cuda.so in Microsoft.ML.OnnxRuntime.Gpu.Linux 1.32.0 links
# libcudart.so.13 and libcublas.so.13 and loads cuDNN 9. Override with --build-arg CUDA_IMAGE=… to pin a later 13.x.
ARG CUDA_IMAGE=nvidia/cuda:13.0.0-cudnn-runtime-ubuntu24.04

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# ONNX Runtime comes from NuGet with everything else: Microsoft.ML.OnnxRuntime 1.32.0 (CPU) for the build and tests.
RUN dotnet restore MjBot.sln \
 && dotnet build MjBot.sln -c Release --no-restore

# An image never ships from a red build: the final stage copies this stage's marker. The test data is vendored in
# tests/data, so the whole suite runs here, as in CI.
FROM build AS test
RUN eng/install-test-prerequisites.sh \
 && rm -rf /var/lib/apt/lists/*
RUN dotnet test MjBot.sln -c Release --no-build \
 && touch /tests-passed

# The published app carries ONNX Runtime's Linux natives flat beside it (the providers must sit beside
# libonnxruntime.so): the CPU package for cpu, Microsoft.ML.OnnxRuntime.Gpu.Linux 1.32.0 (CUDA and TensorRT providers)
# for gpu.
FROM build AS publish
ARG FLAVOUR
RUN dotnet publish src/MjBot/MjBot.csproj -c Release -r linux-x64 --self-contained false -p:MjBotOnnxRuntime=${FLAVOUR} -o /app

# What each flavour runs on. cpu: the ASP.NET Core runtime image. gpu: the CUDA runtime image (Ubuntu 24.04, as the
# .NET 10 images) with the ASP.NET Core runtime copied from the official image, ICU and OpenSSL from Ubuntu, and the
# same "app" user id (so both flavours can share one data volume). The host needs an NVIDIA driver for CUDA 13
# (580 or later) and the NVIDIA Container Toolkit.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime-cpu

FROM ${CUDA_IMAGE} AS runtime-gpu
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates libicu74 libssl3t64 tzdata \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --uid 1654 --user-group --no-create-home --home-dir /app app
COPY --from=mcr.microsoft.com/dotnet/aspnet:10.0 /usr/share/dotnet /usr/share/dotnet
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
    MjBot__Operations__HttpAddress=0.0.0.0 \
    MjBot__Logging__Console__FormatterName=json
# The .NET images ship a non-root "app" user ($APP_UID); the gpu flavour makes one with the same id.
RUN mkdir -p /data && chown "$APP_UID" /data
VOLUME /data
USER $APP_UID
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 CMD ["./mjbot", "health"]
ENTRYPOINT ["./mjbot"]
