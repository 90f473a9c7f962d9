#!/usr/bin/env bash
# Warm start of `./build.sh --help` against the bootstrap NUKE uses (`dotnet build` of the build
# project, then `dotnet run --no-build`): same build project, same machine, same run, as a ratio.
# Usage: bench/startup.sh [runs]   (default 10). Prints a markdown table for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"

./build.sh --help >/dev/null             # warm: compiled and stamped
dotnet build build/_build.csproj -nologo -v:quiet >/dev/null   # warm for the baseline too

time_ms() {
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    echo $(((end - start) / 1000000))
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

smoke=() baseline=()
for _ in $(seq "$runs"); do
    smoke+=("$(time_ms ./build.sh --help)")
    baseline+=("$(time_ms sh -c 'dotnet build build/_build.csproj -nologo -v:quiet && dotnet run --project build/_build.csproj --no-build -- --help')")
done

smoke_median=$(printf '%s\n' "${smoke[@]}" | median)
baseline_median=$(printf '%s\n' "${baseline[@]}" | median)
ratio=$(awk -v a="$smoke_median" -v b="$baseline_median" 'BEGIN { printf "%.3f", a / b }')

echo "| what | median of $runs runs |"
echo "| --- | --- |"
echo "| \`./build.sh --help\` (warm) | ${smoke_median} ms |"
echo "| \`dotnet build\` + \`dotnet run --no-build -- --help\` (warm) | ${baseline_median} ms |"
echo "| ratio (target ≤ 0.25) | ${ratio} |"
