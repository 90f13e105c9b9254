#!/usr/bin/env bash
# Builds each libFuzzer target (-sanitize=fuzzer) and runs it for SECONDS (default 60) from the saved corpus
# in Tests/FuzzTargetsTests/Corpus/<target>, merging what it finds back into that corpus (minimised).
# A crash leaves crash-* files in .build-fuzz/artifacts/<target>: add the input to the corpus (it then
# replays in the ordinary test FuzzCorpusTests) and fix the bug.
#
#   scripts/fuzz.sh [SECONDS] [target ...]     targets: csv-reader arch-string configuration pickle bzip2
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"; shift || true
targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=(csv-reader arch-string configuration pickle bzip2)
build=.build-fuzz
# The libraries, compiled with coverage instrumentation for the fuzzer (compile only: no executable links).
# (SwiftPM also builds the EmbedTheme plugin's tool with these flags, and that link may fail: harmless here.)
swift build -c release --build-path "$build" --target FuzzTargets -Xswiftc -sanitize=fuzzer \
  || echo "(swift build reported a failure; continuing if the library objects are there)"
bin="$build/release"
objects=$(ls "$bin"/{Support,SearchSpace,Statistics,Benchmark,Landscape,Search,Analysis,FuzzTargets}.build/*.o)
for target in "${targets[@]}"; do
  mkdir -p "$build/harness/$target" "$build/artifacts/$target" "$build/corpus/$target" "Tests/FuzzTargetsTests/Corpus/$target"
  sed "s/TARGET_NAME/$target/" Fuzz/Harness.swift.in > "$build/harness/$target/main.swift"
  swiftc -O -sanitize=fuzzer -parse-as-library -module-name "Fuzz_${target//-/_}" \
    -I "$bin/Modules" -I "$bin" -Xcc -fmodule-map-file=Sources/CBZip2/module.modulemap \
    "$build/harness/$target/main.swift" $objects -lbz2 -o "$build/fuzz-$target"
  cp -n Tests/FuzzTargetsTests/Corpus/"$target"/* "$build/corpus/$target/" 2>/dev/null || true
  echo "== $target: $seconds s"
  "$build/fuzz-$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$build/artifacts/$target/" "$build/corpus/$target" 2>&1 | tail -n 3
  # Keep a minimised corpus in the repository (small files only).
  rm -rf "$build/merged/$target"; mkdir -p "$build/merged/$target"
  "$build/fuzz-$target" -merge=1 -max_len=1024 "$build/merged/$target" "$build/corpus/$target" > /dev/null 2>&1 || true
  rm -f Tests/FuzzTargetsTests/Corpus/"$target"/*
  cp "$build/merged/$target"/* "Tests/FuzzTargetsTests/Corpus/$target/" 2>/dev/null || true
  echo "   corpus: $(ls "Tests/FuzzTargetsTests/Corpus/$target" | wc -l) inputs"
done
