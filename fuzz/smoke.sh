#!/usr/bin/env bash
# afl++ smoke run: publish the harnesses, instrument AzureLocalSecurity.Core.dll with SharpFuzz, fuzz each harness for
# a short fixed time starting from its corpus, and fail if afl++ saved any crash or hang. fuzz/run.sh replays the
# corpora; this finds what they do not hold yet. Findings stay in fuzz/findings/smoke/<harness>/default/.
#
#   bash fuzz/smoke.sh                      baseline-csv, rule-expression, tpm-response, tpm-ek-certificate,
#                                           efi-varstore, efi-signature-list, efi-auth-variable, pe-authenticode,
#                                           windows-event-xml, citool-list, sipolicy-binary, sipolicy-xml, policy-mode-switch, tcg-eventlog, sipa,
#                                           audit-policy-csv, security-template-inf, capture-document, registry-pol, reg-file, clixml,
#                                           psdata-file, wsman-plugin-config, syslog-forwarder and module-sbom, 45 s each
#   FUZZ_SECONDS=600 bash fuzz/smoke.sh baseline-undo baseline-snapshot
#   FUZZ_EXECS=1050000 FUZZ_OUT=campaign bash fuzz/smoke.sh --all
#                                           the long campaign: every harness (--all adds evidence-zip, baseline-undo and
#                                           baseline-snapshot) until about that many executions; findings and a summary
#                                           (summary.tsv) in fuzz/findings/campaign/
#
# Needs afl-fuzz (Debian: apt-get install -y afl++) and the .NET SDK; sharpfuzz comes from .config/dotnet-tools.json.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
seconds="${FUZZ_SECONDS:-45}"
execs="${FUZZ_EXECS:-}"
out_name="${FUZZ_OUT:-smoke}"
all=0
if [ "${1:-}" = "--all" ]; then all=1; shift; fi
if [ "$#" -gt 0 ]; then harnesses=("$@"); else harnesses=(baseline-csv rule-expression tpm-response tpm-ek-certificate efi-varstore efi-signature-list efi-auth-variable pe-authenticode windows-event-xml citool-list sipolicy-binary sipolicy-xml policy-mode-switch tcg-eventlog sipa audit-policy-csv security-template-inf capture-document registry-pol reg-file clixml psdata-file wsman-plugin-config syslog-forwarder module-sbom); fi
if [ "$all" -eq 1 ]; then harnesses=(evidence-zip baseline-undo baseline-snapshot "${harnesses[@]}"); fi
# Stop by time (the CI smoke) or, for a campaign, by executions: afl-fuzz -E ends at about that many.
if [ -n "$execs" ]; then stop_args=(-E "$execs"); else stop_args=(-V "$seconds"); fi

if ! command -v afl-fuzz >/dev/null 2>&1; then
  echo "afl-fuzz is not installed (Debian: apt-get install -y afl++)." >&2
  exit 1
fi

out="$here/findings/$out_name"
rm -rf "$out"
mkdir -p "$out"
printf 'harness\texecs\tseconds\texecs_per_sec\tpaths\tnew_paths\tedges\tbitmap_cvg\tcrashes\thangs\n' >"$out/summary.tsv"
cd "$root"
dotnet tool restore >/dev/null
dotnet publish fuzz/AzureLocalSecurity.Fuzz -c Release -o "$out/bin" -nologo -v quiet
# Only Core is instrumented: coverage feedback comes from the parsers, not from the runtime or Newtonsoft.Json.
dotnet tool run sharpfuzz "$out/bin/AzureLocalSecurity.Core.dll"

# dotnet itself carries no afl++ instrumentation (SharpFuzz put it in the managed code), so afl-fuzz must not look
# for it in the binary. No CPU governor and no core dumps to tune on a CI machine; no curses UI in a log.
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1

stat() { sed -n "s/^$1 *: *//p" "$2"; }
found=0
for harness in "${harnesses[@]}"; do
  corpus="$here/corpus/$harness"
  if [ ! -d "$corpus" ]; then
    echo "No corpus for harness '$harness' ($corpus)." >&2
    exit 1
  fi

  # Tokens of the format (column names, operators, JSON keys) for afl-fuzz to splice in, where there are some.
  case "$harness" in
    baseline-undo | baseline-snapshot) dict="$here/dictionaries/baseline-json.dict" ;;
    *) dict="$here/dictionaries/$harness.dict" ;;
  esac
  dict_args=()
  if [ -f "$dict" ]; then dict_args=(-x "$dict"); fi

  # -t: an input running past 5 s is a hang. -m none: .NET reserves far more address space than it uses; the
  # harnesses bound allocation themselves (a blow-up is thrown, so afl-fuzz records it as a crash).
  afl-fuzz -i "$corpus" -o "$out/$harness" "${dict_args[@]}" -t 5000 -m none "${stop_args[@]}" -- \
    dotnet "$out/bin/AzureLocalSecurity.Fuzz.dll" "$harness" >"$out/$harness.log" 2>&1 || {
      tail -n 30 "$out/$harness.log" >&2
      echo "afl-fuzz could not run $harness (log: $out/$harness.log)." >&2
      exit 1
    }

  dir="$out/$harness/default"
  crashes=$(find "$dir/crashes" -type f -name 'id:*' 2>/dev/null | wc -l)
  hangs=$(find "$dir/hangs" -type f -name 'id:*' 2>/dev/null | wc -l)
  stats="$dir/fuzzer_stats"
  echo "$harness: $(stat execs_done "$stats") execs in $(stat run_time "$stats") s ($(stat execs_per_sec "$stats")/s)," \
    "$(stat corpus_count "$stats") paths ($(stat corpus_found "$stats") new), edges $(stat edges_found "$stats")," \
    "$crashes crashes, $hangs hangs"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$harness" "$(stat execs_done "$stats")" "$(stat run_time "$stats")" \
    "$(stat execs_per_sec "$stats")" "$(stat corpus_count "$stats")" "$(stat corpus_found "$stats")" "$(stat edges_found "$stats")" \
    "$(stat bitmap_cvg "$stats")" "$crashes" "$hangs" >>"$out/summary.tsv"
  if [ "$crashes" -gt 0 ] || [ "$hangs" -gt 0 ]; then
    found=1
    for f in "$dir"/crashes/id:* "$dir"/hangs/id:*; do
      [ -f "$f" ] && echo "  finding: $f" >&2
    done
  fi
done

if [ "$found" -ne 0 ]; then
  echo "afl++ found crashes or hangs: replay one with" >&2
  echo "  dotnet $out/bin/AzureLocalSecurity.Fuzz.dll <harness> --replay <folder holding it>" >&2
  exit 1
fi
