#!/usr/bin/env bash
# Rollback time against cold start (issue 7's target: a rollback takes at most 1.2x the cold start of the services
# that changed). On one environment with a good release deployed:
#   rollback  deploy a release whose api exits at start (SAMPLE_FAULT=crash-on-start); the build prints how long the
#             good release took to be ready again, from the failing verdict ("<release> is ready again in Ns from the
#             failing verdict"): compose recreating the changed services and the readiness wait;
#   cold      remove the containers of the services a release changes (api, worker, migrate) and run the Rollback target
#             by hand, which creates them from nothing; the same line gives their cold start, by the same code path.
# Usage: bench/rollback.sh [runs]   (default 3). Needs a Docker engine and smoke/sample:dev (./build.sh Images).
# Prints a markdown table for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
env="bench-rollback-$$"
project="smoke-$env"
good="bench-good-$$"
bad="bench-crash-$$"
work=$(mktemp -d)
common=(--environment "$env" --smoke-projects tests/smoke/SmokeTests.Services --only health --image-source offline)

cleanup() {
    docker ps -aq --filter "label=com.docker.compose.project=$project" | xargs -r docker rm -f -v >/dev/null
    docker network ls -q --filter "label=com.docker.compose.project=$project" | xargs -r docker network rm >/dev/null
    docker volume ls -q --filter "label=com.docker.compose.project=$project" | xargs -r docker volume rm >/dev/null
    docker rmi "smoke/sample:$good" "smoke/sample:$bad" >/dev/null 2>&1 || true
    rm -rf ".smoke/releases/$env".* ".nuke/temp/stacks/$project" "$work"
}
trap cleanup EXIT

docker image inspect smoke/sample:dev >/dev/null 2>&1 || { echo "error: smoke/sample:dev is missing; run ./build.sh Images first" >&2; exit 2; }
docker tag smoke/sample:dev "smoke/sample:$good"
printf 'FROM smoke/sample:dev\nENV SAMPLE_FAULT=crash-on-start\n' >"$work/Dockerfile"
DOCKER_BUILDKIT=0 docker build -q -t "smoke/sample:$bad" "$work" >/dev/null

seconds() { sed -n 's/.* is ready again in \([0-9.]*\)s from the .*/\1/p' "$1" | tail -1; }

echo "deploying $good to $env (cold infrastructure, not measured)" >&2
./build.sh Deploy --release "$good" "${common[@]}" >"$work/first.log" 2>&1 || { cat "$work/first.log" >&2; exit 1; }

rollbacks=() colds=()
for run in $(seq "$runs"); do
    status=0
    ./build.sh Deploy --release "$bad" "${common[@]}" >"$work/rollback-$run.log" 2>&1 || status=$?
    [[ $status == 3 ]] || { echo "error: the bad deploy exited $status, not 3" >&2; cat "$work/rollback-$run.log" >&2; exit 1; }
    rollbacks+=("$(seconds "$work/rollback-$run.log")")

    for service in api worker migrate; do
        docker ps -aq --filter "label=com.docker.compose.project=$project" --filter "label=com.docker.compose.service=$service" | xargs -r docker rm -f >/dev/null
    done
    ./build.sh Rollback "${common[@]}" >"$work/cold-$run.log" 2>&1 || { cat "$work/cold-$run.log" >&2; exit 1; }
    colds+=("$(seconds "$work/cold-$run.log")")
    echo "run $run: rollback ${rollbacks[-1]}s, cold start ${colds[-1]}s" >&2
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
r=$(median "${rollbacks[@]}")
c=$(median "${colds[@]}")
echo "| measure | median | runs |"
echo "| --- | --- | --- |"
echo "| rollback: failing verdict to good release ready | ${r}s | ${rollbacks[*]} |"
echo "| cold start of api, worker, migrate (same code path) | ${c}s | ${colds[*]} |"
echo "| ratio (target at most 1.2) | $(awk -v r="$r" -v c="$c" 'BEGIN {printf "%.2f", r / c}') | |"
