#!/usr/bin/env bash
# Fuzz smoke: replay every harness over its corpus (seeded from real bundles) so a regression in a
# parser shows in CI. Long campaigns under afl++ come with the parser issues (see fuzz/README.md).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="$here/AzureLocalSecurity.Fuzz/bin/Release/net10.0/AzureLocalSecurity.Fuzz.dll"
for corpus in "$here"/corpus/*/; do
  harness="$(basename "$corpus")"
  dotnet "$bin" "$harness" --replay "$corpus"
done
