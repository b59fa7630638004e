#!/usr/bin/env bash
# Corpus replay: every harness over its corpus (seeded from real files, plus every input that once found a
# bug), so a regression in a parser shows in CI. fuzz/smoke.sh runs afl++ itself (see fuzz/README.md).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="$here/AzureLocalSecurity.Fuzz/bin/Release/net10.0/AzureLocalSecurity.Fuzz.dll"
for corpus in "$here"/corpus/*/; do
  harness="$(basename "$corpus")"
  dotnet "$bin" "$harness" --replay "$corpus"
done
