#!/usr/bin/env bash
# Reproducible-build check: build the shipped module twice from one commit, each in a fresh clone at its own path, and
# compare every shipped assembly (and help file) byte for byte. ContinuousIntegrationBuild maps the source paths to /_/,
# so where the clone lives does not reach the binaries; Deterministic (Directory.Build.props) does the rest.
#
#   bash tools/reproducible-build.sh [commit]      (default HEAD of this repository)
#
# Prints one line per file with its SHA-256 and exits 1 if any file differs between the two builds.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
commit="$(git -C "$root" rev-parse "${1:-HEAD}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

for n in first second-build-elsewhere; do
  git clone -q --no-local "$root" "$work/$n"
  git -C "$work/$n" checkout -q "$commit"
  dotnet build "$work/$n/src/AzureLocalSecurity/AzureLocalSecurity.csproj" -c Release -warnaserror \
    -p:ContinuousIntegrationBuild=true -nologo -v q >"$work/$n.log" 2>&1 || { tail -n 30 "$work/$n.log" >&2; echo "build $n failed" >&2; exit 1; }
done

files=(bin/Core/AzureLocalSecurity.dll bin/Core/AzureLocalSecurity.Core.dll bin/Core/Newtonsoft.Json.dll
       bin/Desktop/AzureLocalSecurity.dll bin/Desktop/AzureLocalSecurity.Core.dll bin/Desktop/Newtonsoft.Json.dll
       bin/Core/en-US/AzureLocalSecurity.dll-Help.xml bin/Desktop/en-US/AzureLocalSecurity.dll-Help.xml)
differ=0
for f in "${files[@]}"; do
  a="$(sha256sum "$work/first/$f" | cut -d' ' -f1)"
  b="$(sha256sum "$work/second-build-elsewhere/$f" | cut -d' ' -f1)"
  if [ "$a" = "$b" ]; then echo "same    $a  $f"; else echo "DIFFERS $a $b  $f"; differ=1; fi
done
if [ "$differ" -ne 0 ]; then
  echo "Two builds of $commit differ." >&2
  exit 1
fi
echo "Two builds of $commit in different folders gave identical assemblies (${#files[@]} files)."
