#!/usr/bin/env bash
# Fuzz one parser:  Fuzz/run.sh TARGET [SECONDS] [LIBFUZZER FLAGS...]
#   TARGET   command | csv | json | lesson
#   SECONDS  how long to fuzz (default 60)
#
# Builds the libFuzzer targets (release, -sanitize=fuzzer,address), fuzzes TARGET from
# Corpus/TARGET/ with its dictionary, writes any input that crashes, hangs (-timeout=2) or
# runs out of memory (-rss_limit_mb=2048) to Crashes/TARGET/, then merges the corpus down to
# the inputs that add coverage. Exits non-zero when the fuzzer found something.
# FUZZ_BIN_DIR=DIR uses fuzzers built elsewhere instead of building them here.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
target=${1:?usage: Fuzz/run.sh command|csv|json|lesson [SECONDS] [LIBFUZZER FLAGS...]}
seconds=${2:-60}
shift $(($# < 2 ? $# : 2))

case $target in
  command) product=FuzzCommand max_len=2048 slow_ms=20 ;;
  csv)     product=FuzzCSV     max_len=8192 slow_ms=20 ;;
  json)    product=FuzzJSON    max_len=4096 slow_ms=20 ;;
  lesson)  product=FuzzLesson  max_len=4096 slow_ms=8 ;;
  *) echo "unknown target '$target'; expected command, csv, json or lesson" >&2; exit 2 ;;
esac

if [ -z "${FUZZ_BIN_DIR:-}" ]; then
  build=(swift build -c release -Xswiftc -sanitize=fuzzer,address)
  # SwiftPM plans a path dependency's sources once; a file added to the main package since
  # would be missing from the build until this manifest looks changed.
  touch "$here/Package.swift"
  (cd "$here" && "${build[@]}" --product "$product" >&2)
  FUZZ_BIN_DIR=$(cd "$here" && "${build[@]}" --show-bin-path)
fi
fuzzer=$FUZZ_BIN_DIR/$product
corpus=$here/Corpus/$target
crashes=$here/Crashes/$target
mkdir -p "$corpus" "$crashes"

# The fuzz inputs write their files under TMPDIR: give this run its own and remove it after.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export TMPDIR=$scratch

limits=(-max_len="$max_len" -rss_limit_mb=2048)
dictionary=()
[ -f "$here/Dictionaries/$target.dict" ] && dictionary=(-dict="$here/Dictionaries/$target.dict")

status=0
"$fuzzer" "$corpus" "${limits[@]}" "${dictionary[@]}" -timeout=2 -max_total_time="$seconds" \
  -artifact_prefix="$crashes/" -print_final_stats=1 "$@" || status=$?

# Keep a small set of inputs that covers every feature seen (-set_cover_merge keeps fewer than
# -merge), so the committed corpus stays small and `swift test` replays it quickly. libFuzzer
# reads no more than max_len bytes of an input, so longer ones are cut to that first.
find "$corpus" -maxdepth 1 -type f -size +"$max_len"c -exec truncate -s "$max_len" {} +
mkdir "$scratch/merged"
if "$fuzzer" -set_cover_merge=1 "${limits[@]}" -timeout=10 "$scratch/merged" "$corpus" >"$scratch/merge.log" 2>&1 \
   && [ -n "$(ls -A "$scratch/merged")" ]; then
  find "$corpus" -maxdepth 1 -type f -delete
  cp "$scratch/merged"/* "$corpus"/
else
  echo "merge failed; the corpus is left as it was (log: $(tail -3 "$scratch/merge.log"))" >&2
fi
# An input slower than slow_ms (here, instrumented) adds little coverage for the time it costs
# `swift test` to replay it: drop it.
"$fuzzer" "${limits[@]}" -timeout=10 "$corpus"/* 2>&1 \
  | awk -v limit="$slow_ms" '/^Executed / && $(NF-1) > limit { print $2 }' | xargs -r rm -f --
echo "corpus: $(ls "$corpus" | wc -l) inputs, $(du -sh --apparent-size "$corpus" | cut -f1)" >&2
exit $status
