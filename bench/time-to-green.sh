#!/usr/bin/env bash
# Time to green: `./build.sh Smoke` against two scripts doing the same work, same machine, same run, as ratios:
# - the naive script: compose up, a one-second `docker ps` loop until nothing is starting, each smoke project
#   with `dotnet test` in turn (building it), compose down;
# - the savvy script: builds the smoke projects while `up -d` runs, waits with `up -d --wait` (Compose v2) or a
#   one-second `docker ps` loop (v1), runs the four `dotnet test --no-build` at once, tears down with `-t 1`.
# And against the critical-path bound of each Smoke run (from its report.json): the slowest service's readiness
# counted from compose up, plus the longest project's own test time (the sum of its tests' durations, inside the
# test host, without the host's start), plus the removal of one container.
# Targets: at most 0.6 of the savvy script, at most 1.3x the bound.
# Usage: bench/time-to-green.sh [runs]   (default 2). Prints a markdown table for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-2}"

./build.sh Images >/dev/null     # both sides start from the same images; building them is not timed
image_of() { docker images --filter "label=io.smoke.recipe=$1" --format '{{.Repository}}:{{.Tag}}' | grep -v ':<none>' | head -n 1; }
export POSTGRES_IMAGE="$(image_of postgres)" RABBITMQ_IMAGE="$(image_of rabbitmq)"
export SAMPLE_IMAGE=smoke/sample RELEASE_TAG=dev GENERATOR_IMAGE=smoke/sample:dev

plain_script() {
    local project="bench-plain-$$"
    local compose=("${compose_command[@]}" -p "$project" --env-file .env.dev -f docker-compose.services.yml)
    "${compose[@]}" up -d >/dev/null 2>&1
    # The usual readiness loop: every second, ask docker inspect until nothing is starting any more.
    while docker ps -a --filter "label=com.docker.compose.project=$project" --format '{{.Status}}' | grep -qE 'health: starting|Created|Restarting'; do
        sleep 1
    done
    export_endpoints "${compose[@]}"
    local status=0 project_dir
    for project_dir in "${smoke_projects[@]}"; do
        dotnet test "$project_dir" -nologo -v:quiet >/dev/null 2>&1 || status=1
    done
    "${compose[@]}" down -v --remove-orphans >/dev/null 2>&1
    return "$status"
}

if docker compose version >/dev/null 2>&1; then compose_command=(docker compose); else compose_command=(docker-compose); fi
smoke_projects=(tests/smoke/SmokeTests.Database tests/smoke/SmokeTests.EventBus tests/smoke/SmokeTests.Services tests/smoke/SmokeTests.EndToEnd)

# The SMOKE_* endpoint variables the smoke projects read, from the ports compose published.
export_endpoints() {
    local service port host_port
    set -a; source .env.dev; set +a
    for service in $("$@" ps --services); do
        local upper="${service^^}"
        for port in $(docker inspect --format '{{range $p, $b := .NetworkSettings.Ports}}{{$p}} {{end}}' "$("$@" ps -q "$service")" | tr ' ' '\n' | sed -n 's#/tcp##p'); do
            host_port="$("$@" port "$service" "$port" | cut -d: -f2)"
            export "SMOKE_${upper}_HOST=127.0.0.1" "SMOKE_${upper}_PORT_${port}=${host_port}"
            [[ "$port" == 8080 ]] && export "SMOKE_${upper}_URL=http://127.0.0.1:${host_port}"
        done
    done
}

savvy_script() {
    local project="bench-savvy-$$"
    local compose=("${compose_command[@]}" -p "$project" --env-file .env.dev -f docker-compose.services.yml)
    local project_dir status=0 pids=() started=$(date +%s%N) up_done tests_done
    for project_dir in "${smoke_projects[@]}"; do
        dotnet build "$project_dir" -nologo -v:quiet >/dev/null 2>&1 &
        pids+=($!)
    done
    if [[ "${compose_command[0]}" == docker && "${compose_command[1]:-}" == compose ]]; then
        "${compose[@]}" up -d --wait >/dev/null 2>&1 || status=1
    else
        "${compose[@]}" up -d >/dev/null 2>&1
        while docker ps -a --filter "label=com.docker.compose.project=$project" --format '{{.Status}}' | grep -qE 'health: starting|Created|Restarting'; do
            sleep 1
        done
    fi
    for pid in "${pids[@]}"; do wait "$pid" || status=1; done
    up_done=$(date +%s%N)
    export_endpoints "${compose[@]}"
    pids=()
    for project_dir in "${smoke_projects[@]}"; do
        dotnet test "$project_dir" --no-build -nologo -v:quiet >/dev/null 2>&1 &
        pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid" || status=1; done
    tests_done=$(date +%s%N)
    "${compose[@]}" down -v --remove-orphans -t 1 >/dev/null 2>&1
    echo "{\"savvy: build and up --wait\": $(((up_done - started) / 1000000)), \"savvy: four dotnet test at once\": $(((tests_done - up_done) / 1000000)), \"savvy: down -t 1\": $((($(date +%s%N) - tests_done) / 1000000))}" >> "$savvy_breakdown"
    return "$status"
}

breakdown="$(mktemp)" savvy_breakdown="$(mktemp)" smoke_log="$(mktemp)"
trap 'rm -f "$breakdown" "$savvy_breakdown" "$smoke_log"' EXIT

# Smoke's own run, its output kept for ComposeDown's duration (report.json is written before the stack goes down).
smoke_run() { ./build.sh Smoke > "$smoke_log" 2>&1; }

# The critical-path bound of the Smoke run that just ended, in ms, from its report.json; its parts and the
# run's target durations go to $breakdown, one JSON line per run, for the table of where the time goes.
critical_path_ms() {
    python3 - "$1" "$2" "$breakdown" "$smoke_log" <<'PY'
import json, re, sys
from datetime import datetime
report = json.load(open("artifacts/smoke/report.json"))
teardown, total, breakdown = int(sys.argv[1]) / 1000, int(sys.argv[2]) / 1000, sys.argv[3]
def at(text): return datetime.fromisoformat(text).timestamp()
targets = {t["name"]: t for t in report["targets"]}
up = targets["ComposeUp"]["start"]
ready = max(at(s["start"]) + (s["timeToReadySeconds"] or 0) for s in report["services"]) - at(up)
per_project = {}
for test in report["tests"]:
    per_project[test["project"]] = per_project.get(test["project"], 0) + test["durationSeconds"]
tests = max(per_project.values(), default=0)
parts = {name: targets[name]["durationSeconds"] for name in ("ComposeUp", "WaitHealthy", "SmokeTests", "ComposeDown") if name in targets}
down = re.search(r"^ComposeDown\s+Succeeded\s+([0-9.]+)s", open(sys.argv[4]).read(), re.M)
if down:
    parts["ComposeDown"] = float(down.group(1))
parts["everything else (bootstrap, ValidateConfig, EnsureDocker, Images, Report)"] = total - sum(parts.values())
parts.update({"bound: readiness from up": ready, "bound: longest project's tests": tests, "bound: one container's removal": teardown,
              "slowest project, host included": max((p["durationSeconds"] for p in report["projects"]), default=0)})
with open(breakdown, "a") as out:
    out.write(json.dumps(parts) + "\n")
print(int((ready + tests + teardown) * 1000))
PY
}

# Removing one running container: the teardown part of the bound.
teardown_ms() {
    local id start end
    id="$(docker run -d "$(image_of postgres)" sleep 300 2>/dev/null || docker run -d "$(image_of postgres)" 2>/dev/null)"
    start=$(date +%s%N)
    docker rm -f "$id" >/dev/null
    end=$(date +%s%N)
    echo $(((end - start) / 1000000))
}

time_ms() {
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || echo "warning: '$*' failed" >&2
    end=$(date +%s%N)
    echo $(((end - start) / 1000000))
}

smoke=() plain=() savvy=() bound=()
for _ in $(seq "$runs"); do
    smoke+=("$(time_ms smoke_run)")
    bound+=("$(critical_path_ms "$(teardown_ms)" "${smoke[-1]}")")
    savvy+=("$(time_ms savvy_script)")
    plain+=("$(time_ms plain_script)")
done

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
seconds() { echo "$(($1 / 1000)).$((($1 % 1000) / 100)) s"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
smoke_median=$(printf '%s\n' "${smoke[@]}" | median)
plain_median=$(printf '%s\n' "${plain[@]}" | median)
savvy_median=$(printf '%s\n' "${savvy[@]}" | median)
bound_median=$(printf '%s\n' "${bound[@]}" | median)
echo "| what | median of $runs runs |"
echo "| --- | --- |"
echo "| \`./build.sh Smoke\` | $(seconds "$smoke_median") |"
echo "| savvy script (${compose_command[*]}: build while up, up --wait or 1 s ps loop, four dotnet test --no-build at once, down -t 1) | $(seconds "$savvy_median") |"
echo "| naive script (compose up, 1 s ps loop, dotnet test each project in turn, compose down) | $(seconds "$plain_median") |"
echo "| critical-path bound (slowest readiness from up + longest project's tests + one container's removal) | $(seconds "$bound_median") |"
echo "| Smoke / savvy (target ≤ 0.6) | $(ratio "$smoke_median" "$savvy_median") |"
echo "| Smoke / bound (target ≤ 1.3) | $(ratio "$smoke_median" "$bound_median") |"
echo "| Smoke / naive | $(ratio "$smoke_median" "$plain_median") |"
echo "| bound / savvy (the lowest Smoke / savvy any tool could reach) | $(ratio "$bound_median" "$savvy_median") |"
echo
echo "Where Smoke's time goes (median of $runs runs):"
echo
python3 - "$breakdown" "$savvy_breakdown" <<'PY'
import json, statistics, sys
print("| part | seconds |")
print("| --- | --- |")
for path, scale in ((sys.argv[1], 1), (sys.argv[2], 1000)):
    runs = [json.loads(line) for line in open(path)]
    for key in runs[0] if runs else []:
        print(f"| {key} | {statistics.median(run[key] for run in runs if key in run) / scale:.1f} |")
PY
