#!/usr/bin/env bash
# Bootstrap for the Smoke build: find the .NET SDK, compile build/ only when its inputs changed,
# then run the compiled build directly so a warm start never pays for an MSBuild evaluation.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TEMP="$ROOT/.nuke/temp"
BIN="$TEMP/build-bin"
STAMP="$TEMP/build.stamp"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

find_dotnet() {
    local candidate
    for candidate in "${DOTNET_EXE:-}" "$(command -v dotnet 2>/dev/null || true)" \
        "${DOTNET_ROOT:+$DOTNET_ROOT/dotnet}" "$HOME/.dotnet/dotnet" /usr/share/dotnet/dotnet /usr/lib/dotnet/dotnet; do
        if [[ -n "$candidate" && -x "$candidate" ]]; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

if ! DOTNET="$(find_dotnet)"; then
    echo "build.sh: the .NET SDK was not found (looked at DOTNET_EXE, PATH, DOTNET_ROOT, ~/.dotnet, /usr/share/dotnet)." >&2
    echo "  Install the SDK named in global.json (10.0): https://learn.microsoft.com/dotnet/core/install/linux" >&2
    echo "  or point DOTNET_EXE at an existing dotnet executable, then run ./build.sh again." >&2
    exit 2
fi

required_major="$(sed -n 's/.*"version": *"\([0-9]*\)\..*/\1/p' "$ROOT/global.json")"
if ! "$DOTNET" --list-sdks 2>/dev/null | grep -q "^${required_major}\."; then
    echo "build.sh: $DOTNET has no .NET ${required_major} SDK (global.json asks for ${required_major}.x)." >&2
    echo "  Installed SDKs: $("$DOTNET" --list-sdks 2>/dev/null | cut -d' ' -f1 | tr '\n' ' ')" >&2
    echo "  Install the .NET ${required_major} SDK, then run ./build.sh again." >&2
    exit 2
fi

# The stamp is a hash of the content (not the times) of everything that compiles into the build.
inputs_hash() {
    cd "$ROOT"
    {
        echo "$("$DOTNET" --version)"
        find build src/Shared src/Smoke.Processes src/Smoke.Pipeline src/Smoke.Stack src/Smoke.Testing src/Smoke.GitHub src/Smoke.Release \
            \( -name bin -o -name obj \) -prune -o -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.json' \) -print0 \
            | sort -z | xargs -0 sha256sum
        sha256sum global.json Directory.Build.props Directory.Packages.props
    } | sha256sum | cut -d' ' -f1
}

mkdir -p "$TEMP"
hash="$(inputs_hash)"
if [[ ! -f "$BIN/_build.dll" || ! -f "$STAMP" || "$(cat "$STAMP")" != "$hash" ]]; then
    echo "build.sh: compiling the build project (its inputs changed)" >&2
    if ! "$DOTNET" build "$ROOT/build/_build.csproj" -o "$BIN" -nologo -clp:NoSummary -v:quiet >"$TEMP/build-compile.log" 2>&1; then
        cat "$TEMP/build-compile.log" >&2
        echo "build.sh: the build project does not compile; the errors are above (also in .nuke/temp/build-compile.log)." >&2
        exit 1
    fi
    echo "$hash" >"$STAMP"
fi

export SMOKE_DOTNET="$DOTNET"
exec "$DOTNET" "$BIN/_build.dll" "$@"
