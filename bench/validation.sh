#!/usr/bin/env bash
# How long does ValidateConfig's check of the bundled platform take, against compose's own check of the same
# file (`docker-compose config -q`, the usual way to validate a compose file)? Same file, same env file, same
# machine, same run, as a ratio. ValidateConfig does more (credentials, images, ports, durations, dependencies),
# so a ratio under 1 means the extra rules cost nothing a user would notice. The issue's target: well under a
# second, with no Docker engine.
# Usage: bench/validation.sh [runs]   (default 20). Prints a markdown table for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
runs="${1:-20}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v docker-compose >/dev/null || { echo "error: docker-compose is missing; run ./build.sh EnsureDocker first" >&2; exit 2; }

# A .NET file-based app referencing Smoke.Stack runs every validation in one process, so neither the process
# start nor the first call's JIT is measured (the first call is reported on its own). One line per run, in ms.
cat >"$work/driver.cs" <<EOF2
#:project $repo/src/Smoke.Stack/Smoke.Stack.csproj
#:property TreatWarningsAsErrors=false
#:property PublishAot=false
using System.Diagnostics;
using System.Globalization;
using Smoke.Stack.Validation;

var runs = int.Parse(args[0], CultureInfo.InvariantCulture);
var request = new ComposeValidationRequest
{
    ComposeFile = Path.Combine(args[1], "docker-compose.services.yml"),
    Profile = "dev",
    EnvFiles = [Path.Combine(args[1], ".env.dev")],
};
for (var run = 0; run <= runs; run++)
{
    var clock = Stopwatch.StartNew();
    var report = await ComposeValidator.ValidateAsync(request);
    clock.Stop();
    if (report.Problems.Count > 0) throw new InvalidOperationException(report.Problems[0].Message);
    Console.WriteLine(FormattableString.Invariant(\$"{clock.Elapsed.TotalMilliseconds:0.0}"));
}
EOF2

time_ms() {
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    awk -v ns=$((end - start)) 'BEGIN { printf "%.1f\n", ns / 1000000 }'
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
p95() { sort -n | awk '{ a[NR] = $1 } END { i = int(NR * 0.95 + 0.999); if (i > NR) i = NR; print a[i] }'; }

mapfile -t ours < <(dotnet run --file "$work/driver.cs" -- "$runs" "$repo")
first="${ours[0]}"
ours=("${ours[@]:1}")

compose=()
for _ in $(seq "$runs"); do
    compose+=("$(time_ms docker-compose -f docker-compose.services.yml --env-file .env.dev --profile dev config -q)")
done

ours_median=$(printf '%s\n' "${ours[@]}" | median)
compose_median=$(printf '%s\n' "${compose[@]}" | median)
ratio=$(awk -v a="$ours_median" -v b="$compose_median" 'BEGIN { printf "%.3f", a / b }')
first_ratio=$(awk -v a="$first" -v b="$compose_median" 'BEGIN { printf "%.3f", a / b }')

echo "| check | median of $runs runs | p95 |"
echo "| --- | --- | --- |"
echo "| \`ComposeValidator.ValidateAsync\` (ValidateConfig's check), warm | ${ours_median} ms | $(printf '%s\n' "${ours[@]}" | p95) ms |"
echo "| first check in a fresh process (JIT, 1 run) | ${first} ms | |"
echo "| \`docker-compose config -q\` | ${compose_median} ms | $(printf '%s\n' "${compose[@]}" | p95) ms |"
echo "| ratio, first check (what one \`ValidateConfig\` pays) to compose (target ≤ 1) | ${first_ratio} | |"
echo "| ratio, warm check to compose | ${ratio} | |"
