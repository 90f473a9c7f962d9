#!/usr/bin/env bash
# How soon after Docker reports a container healthy does each waiter notice? For a container that turns
# healthy at a known moment, the delay between the engine's `health_status: healthy` event time and:
#   - StackReadiness.WaitAsync returning ready (Smoke's WaitHealthy engine),
#   - a shell loop polling `docker inspect` every second (the usual script),
#   - `docker compose up -d --wait` returning, where Compose v2 is installed.
# Usage: bench/readiness.sh [runs]   (default 20). Needs a Docker engine and the Debian base image
# (SMOKE_BASE_IMAGE, default smoke/debian-base:manual). Prints a markdown table for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
runs="${1:-20}"
image="${SMOKE_BASE_IMAGE:-smoke/debian-base:manual}"
work=$(mktemp -d)
trap 'docker ps -aq --filter label=io.smoke.bench=readiness | xargs -r docker rm -f >/dev/null; rm -rf "$work"' EXIT

docker image inspect "$image" >/dev/null 2>&1 || { echo "error: image $image is missing; run ./build.sh Images or set SMOKE_BASE_IMAGE" >&2; exit 2; }

# The driver is a .NET file-based app referencing Smoke.Stack; it runs all iterations in one process so
# its start-up time is not measured. It prints one line per run: "<ours ms> <inspect loop ms>"; the first
# run is a warm-up (the first wait in a process pays for JIT compilation) and is reported on its own.
cat >"$work/driver.cs" <<EOF
#:project $repo/src/Smoke.Stack/Smoke.Stack.csproj
#:property TreatWarningsAsErrors=false
#:property PublishAot=false
using System.Diagnostics;
using System.Globalization;
using Smoke.Stack.Engine;
using Smoke.Stack.Readiness;

var runs = int.Parse(args[0], CultureInfo.InvariantCulture);
var image = args[1];
using var engine = DockerEngineClient.FromEnvironment();
for (var run = 0; run < runs; run++)
{
    var project = "rdybench" + Guid.NewGuid().ToString("N")[..8];
    using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
    var since = DateTimeOffset.UtcNow.AddSeconds(-1);
    var healthy = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
    var events = Task.Run(async () =>
    {
        var filter = new EngineEventFilter { Types = ["container"], Events = ["health_status"], Labels = ["com.docker.compose.project=" + project], Since = since };
        await foreach (var change in engine.MonitorEventsAsync(filter, deadline.Token))
        {
            if (change.HealthStatus == "healthy") { healthy.TrySetResult(change.Time); return; }
        }
    });
    var id = await engine.CreateContainerAsync(new CreateContainerRequest(image)
    {
        // A random moment within a second, so the 1 s inspect loop is not phase-locked to it.
        Command = ["sh", "-c", FormattableString.Invariant($"sleep {2 + Random.Shared.NextDouble():0.000}; touch /tmp/ready; exec sleep 600")],
        Labels = new Dictionary<string, string>
        {
            ["com.docker.compose.project"] = project, ["com.docker.compose.service"] = "svc", ["com.docker.compose.oneoff"] = "False",
            ["io.smoke.test"] = "true", ["io.smoke.bench"] = "readiness",
        },
        Healthcheck = new ContainerHealthcheck(["CMD", "test", "-f", "/tmp/ready"]) { Interval = TimeSpan.FromMilliseconds(200), Retries = 100 },
    }, deadline.Token);
    try
    {
        await engine.StartContainerAsync(id, deadline.Token);
        var loop = new ProcessStartInfo("sh") { RedirectStandardOutput = true };
        foreach (var a in (string[])["-c", "while [ \"\$(docker inspect -f '{{.State.Health.Status}}' \"\$1\")\" != healthy ]; do sleep 1; done; date +%s%N", "sh", id]) loop.ArgumentList.Add(a);
        using var shell = Process.Start(loop)!;
        var report = await StackReadiness.WaitAsync(ReadinessRequest.ForCompose(engine, project), null, deadline.Token);
        var oursAt = DateTimeOffset.UtcNow;
        if (!report.IsReady) throw new InvalidOperationException(report.Failures[0].Reason);
        var loopNanos = long.Parse((await shell.StandardOutput.ReadToEndAsync()).Trim(), CultureInfo.InvariantCulture);
        await shell.WaitForExitAsync(deadline.Token);
        var eventAt = await healthy.Task.WaitAsync(deadline.Token);
        var loopAt = DateTimeOffset.UnixEpoch.AddTicks(loopNanos / 100);
        Console.WriteLine(FormattableString.Invariant($"{(oursAt - eventAt).TotalMilliseconds:0.0} {(loopAt - eventAt).TotalMilliseconds:0.0}"));
    }
    finally
    {
        await deadline.CancelAsync();
        try { await events; } catch (OperationCanceledException) { }
        await engine.RemoveContainerAsync(id);
    }
}
EOF

echo "building the driver..." >&2
dotnet build "$work/driver.cs" -nologo -v:quiet >/dev/null
echo "measuring $runs runs (about 3 s each)..." >&2
dotnet run --no-build --file "$work/driver.cs" -- "$((runs + 1))" "$image" >"$work/all.txt"
cold=$(head -n 1 "$work/all.txt" | awk '{ print $1 }')
tail -n +2 "$work/all.txt" >"$work/results.txt"

# Median and nearest-rank p95 of one column of numbers.
stats() {
    sort -n | awk '{ a[NR] = $1 } END {
        median = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
        p = int(0.95 * NR + 0.999999); if (p < 1) p = 1
        printf "%.1f ms | %.1f ms | %.1f ms", median, a[p], a[NR]
    }'
}

compose_row=""
if docker compose version >/dev/null 2>&1; then
    compose_delays=()
    for _ in $(seq "$runs"); do
        project="rdybench$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')"
        cat >"$work/compose.yml" <<EOF
services:
  svc:
    image: $image
    command: ["sh", "-c", "sleep 2; touch /tmp/ready; exec sleep 600"]
    healthcheck: { test: ["CMD", "test", "-f", "/tmp/ready"], interval: 200ms, retries: 100 }
    labels: { io.smoke.test: "true", io.smoke.bench: readiness }
EOF
        start=$(date +%s)
        docker compose -p "$project" -f "$work/compose.yml" up -d --wait >/dev/null 2>&1
        done_ns=$(date +%s%N)
        event_ns=$(docker events --since "$start" --until "$(( $(date +%s) + 1 ))" --filter "label=com.docker.compose.project=$project" \
            --filter event=health_status --format '{{.Action}} {{.TimeNano}}' | awk '$2 == "healthy" { print $3; exit }')
        docker compose -p "$project" -f "$work/compose.yml" down -v -t 1 >/dev/null 2>&1
        compose_delays+=("$(awk -v a="$done_ns" -v b="$event_ns" 'BEGIN { printf "%.1f", (a - b) / 1e6 }')")
    done
    compose_row="| \`docker compose up -d --wait\` | $(printf '%s\n' "${compose_delays[@]}" | stats) |"
fi

echo
echo "Delay from Docker's \`health_status: healthy\` event to \"ready\", $runs runs, $(docker version -f 'engine {{.Server.Version}}' 2>/dev/null), $(nproc) cores."
echo
echo "| waiter | median | p95 | max |"
echo "| --- | --- | --- | --- |"
echo "| Smoke \`StackReadiness.WaitAsync\` (target: median < 50 ms, p95 < 100 ms) | $(awk '{ print $1 }' "$work/results.txt" | stats) |"
echo "| Smoke, first wait in a fresh process (JIT), 1 run | ${cold} ms | | |"
echo "| shell loop, \`docker inspect\` every 1 s | $(awk '{ print $2 }' "$work/results.txt" | stats) |"
if [ -n "$compose_row" ]; then
    echo "$compose_row"
else
    echo "| \`docker compose up -d --wait\` | not measured: Compose v2 is not installed here ($(docker-compose version --short 2>/dev/null | sed 's/^/docker-compose /' || echo 'no compose'); v1 has no \`--wait\`) | | |"
fi
