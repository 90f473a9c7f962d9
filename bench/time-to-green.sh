#!/usr/bin/env bash
# Time to green: `./build.sh Smoke` against a plain script doing the same work the usual way (compose up,
# a one-second `docker inspect` loop until every service is healthy, each smoke project with
# `dotnet test` in turn, compose down), same machine, same run, as a ratio. Target: at most 0.6.
# Usage: bench/time-to-green.sh [runs]   (default 2). Prints a markdown table for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-2}"

./build.sh Images >/dev/null     # both sides start from the same images; building them is not timed
image_of() { docker images --filter "label=io.smoke.recipe=$1" --format '{{.Repository}}:{{.Tag}}' | grep -v ':<none>' | head -n 1; }
export POSTGRES_IMAGE="$(image_of postgres)" RABBITMQ_IMAGE="$(image_of rabbitmq)"
export SAMPLE_IMAGE=smoke/sample RELEASE_TAG=dev GENERATOR_IMAGE=smoke/sample:dev

plain_script() {
    local project="bench-plain-$$" compose=(docker-compose -p "bench-plain-$$" --env-file .env.dev -f docker-compose.services.yml)
    "${compose[@]}" up -d >/dev/null 2>&1
    # The usual readiness loop: every second, ask docker inspect until nothing is starting any more.
    while docker ps -a --filter "label=com.docker.compose.project=$project" --format '{{.Status}}' | grep -qE 'health: starting|Created|Restarting'; do
        sleep 1
    done
    set -a; source .env.dev; set +a
    local service port
    for service in $("${compose[@]}" ps --services); do
        local upper="${service^^}"
        for port in $(docker inspect --format '{{range $p, $b := .NetworkSettings.Ports}}{{$p}} {{end}}' "$("${compose[@]}" ps -q "$service")" | tr ' ' '\n' | sed -n 's#/tcp##p'); do
            local host_port
            host_port="$("${compose[@]}" port "$service" "$port" | cut -d: -f2)"
            export "SMOKE_${upper}_HOST=127.0.0.1" "SMOKE_${upper}_PORT_${port}=${host_port}"
            [[ "$port" == 8080 ]] && export "SMOKE_${upper}_URL=http://127.0.0.1:${host_port}"
        done
    done
    local status=0 project_dir
    for project_dir in tests/smoke/SmokeTests.Database tests/smoke/SmokeTests.EventBus tests/smoke/SmokeTests.Services tests/smoke/SmokeTests.EndToEnd; do
        dotnet test "$project_dir" -nologo -v:quiet >/dev/null 2>&1 || status=1
    done
    "${compose[@]}" down -v --remove-orphans >/dev/null 2>&1
    return "$status"
}

time_ms() {
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || echo "warning: '$*' failed" >&2
    end=$(date +%s%N)
    echo $(((end - start) / 1000000))
}

smoke=() plain=()
for _ in $(seq "$runs"); do
    smoke+=("$(time_ms ./build.sh Smoke)")
    plain+=("$(time_ms plain_script)")
done

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
smoke_median=$(printf '%s\n' "${smoke[@]}" | median)
plain_median=$(printf '%s\n' "${plain[@]}" | median)
echo "| what | median of $runs runs |"
echo "| --- | --- |"
echo "| \`./build.sh Smoke\` | $((smoke_median / 1000)).$(((smoke_median % 1000) / 100)) s |"
echo "| plain script (compose up, 1 s inspect loop, dotnet test each project in turn, compose down) | $((plain_median / 1000)).$(((plain_median % 1000) / 100)) s |"
echo "| ratio (target ≤ 0.6) | $(awk -v a="$smoke_median" -v b="$plain_median" 'BEGIN { printf "%.2f", a / b }') |"
