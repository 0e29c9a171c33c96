# syntax=docker/dockerfile:1
# MjBot: build, test, then a small runtime image running as a non-root user with its data on /data.

# ONNX Runtime's native library for the onnx backend, fetched and sha256-checked by the project's own script (npm pack
# of onnxruntime-node, library only; no package scripts run). A GPU variant with ONNX Runtime's official CUDA build is
# not built yet (see the README's self-hosting section).
FROM node:22-bookworm-slim AS ort
WORKDIR /ort
COPY eng/fetch-onnxruntime.sh eng/
RUN MJBOT_ORT_DIR=/ort/lib eng/fetch-onnxruntime.sh

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
COPY --from=ort /ort/lib/libonnxruntime.so.1 .native/onnxruntime/libonnxruntime.so.1
RUN dotnet restore MjBot.sln \
 && dotnet build MjBot.sln -c Release --no-restore

# An image never ships from a red build: the final stage copies this stage's marker. The build context is the
# repository alone, so tests that read ../shared reference data (PngSuite, the Compose schema) run in CI, not here.
FROM build AS test
RUN eng/install-test-prerequisites.sh \
 && rm -rf /var/lib/apt/lists/*
RUN dotnet test MjBot.sln -c Release --no-build --filter "Category!=ReferenceData" \
 && touch /tests-passed

FROM build AS publish
RUN dotnet publish src/MjBot/MjBot.csproj -c Release --no-restore -o /app

# The ASP.NET Core runtime: Kestrel serves /healthz, /readyz and /metrics.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app
COPY --from=test /tests-passed /tests-passed
COPY --from=publish /app .
COPY --from=ort /ort/lib/libonnxruntime.so.1 /app/libonnxruntime.so.1
ENV DOTNET_ENVIRONMENT=Production \
    MjBot__Storage__DataFolder=/data \
    MjBot__Backends__Onnx__LibraryPath=/app/libonnxruntime.so.1 \
    MjBot__Operations__HttpAddress=0.0.0.0 \
    MjBot__Logging__Console__FormatterName=json
# The .NET images ship a non-root "app" user ($APP_UID).
RUN mkdir -p /data && chown "$APP_UID" /data
VOLUME /data
USER $APP_UID
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 CMD ["./mjbot", "health"]
ENTRYPOINT ["./mjbot"]
