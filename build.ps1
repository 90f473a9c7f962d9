#!/usr/bin/env pwsh
# Bootstrap for the Smoke build on Windows (and anywhere PowerShell runs): the same steps as build.sh.
# Find the .NET SDK, compile build/ only when its inputs changed, then run the compiled build directly.
$ErrorActionPreference = 'Stop'

$Root = $PSScriptRoot
$Temp = Join-Path $Root '.nuke/temp'
$Bin = Join-Path $Temp 'build-bin'
$Stamp = Join-Path $Temp 'build.stamp'

$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

function Find-Dotnet {
    $candidates = @(
        $env:DOTNET_EXE,
        (Get-Command dotnet -ErrorAction SilentlyContinue | Select-Object -ExpandProperty Source -First 1),
        $(if ($env:DOTNET_ROOT) { Join-Path $env:DOTNET_ROOT 'dotnet' }),
        (Join-Path $HOME '.dotnet/dotnet'),
        (Join-Path $HOME '.dotnet/dotnet.exe')
    )
    foreach ($candidate in $candidates) {
        if ($candidate -and (Test-Path $candidate -PathType Leaf)) { return $candidate }
    }
    return $null
}

$Dotnet = Find-Dotnet
if (-not $Dotnet) {
    Write-Error ("build.ps1: the .NET SDK was not found (looked at DOTNET_EXE, PATH, DOTNET_ROOT, ~/.dotnet).`n" +
        "  Install the SDK named in global.json (10.0): https://learn.microsoft.com/dotnet/core/install/`n" +
        "  or point DOTNET_EXE at an existing dotnet executable, then run ./build.ps1 again.") -ErrorAction Continue
    exit 2
}

$requiredMajor = ((Get-Content (Join-Path $Root 'global.json') -Raw | ConvertFrom-Json).sdk.version -split '\.')[0]
$sdks = & $Dotnet --list-sdks 2>$null
if (-not ($sdks | Where-Object { $_ -like "$requiredMajor.*" })) {
    Write-Error "build.ps1: $Dotnet has no .NET $requiredMajor SDK (global.json asks for $requiredMajor.x). Install it, then run ./build.ps1 again." -ErrorAction Continue
    exit 2
}

function Get-InputsHash {
    $sha = [System.Security.Cryptography.SHA256]::Create()
    $folders = 'build', 'src/Shared', 'src/Smoke.Processes', 'src/Smoke.Pipeline', 'src/Smoke.Stack', 'src/Smoke.Testing', 'src/Smoke.GitHub', 'src/Smoke.Release'
    $files = foreach ($folder in $folders) {
        Get-ChildItem -Path (Join-Path $Root $folder) -Recurse -File -Include '*.cs', '*.csproj', '*.json' |
            Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' }
    }
    $files += Get-Item (Join-Path $Root 'global.json'), (Join-Path $Root 'Directory.Build.props'), (Join-Path $Root 'Directory.Packages.props')
    $lines = [System.Collections.Generic.List[string]]::new()
    $lines.Add((& $Dotnet --version))
    foreach ($file in ($files | Sort-Object { [System.IO.Path]::GetRelativePath($Root, $_.FullName).Replace('\', '/') } -CaseSensitive)) {
        $hash = [System.BitConverter]::ToString($sha.ComputeHash([System.IO.File]::ReadAllBytes($file.FullName)))
        $lines.Add("$hash $([System.IO.Path]::GetRelativePath($Root, $file.FullName).Replace('\', '/'))")
    }
    return [System.BitConverter]::ToString($sha.ComputeHash([System.Text.Encoding]::UTF8.GetBytes(($lines -join "`n"))))
}

New-Item -ItemType Directory -Force -Path $Temp | Out-Null
$hash = Get-InputsHash
$dll = Join-Path $Bin '_build.dll'
if (-not (Test-Path $dll) -or -not (Test-Path $Stamp) -or ((Get-Content $Stamp -Raw).Trim() -ne $hash)) {
    [Console]::Error.WriteLine('build.ps1: compiling the build project (its inputs changed)')
    $log = Join-Path $Temp 'build-compile.log'
    & $Dotnet build (Join-Path $Root 'build/_build.csproj') -o $Bin -nologo -clp:NoSummary -v:quiet *> $log
    if ($LASTEXITCODE -ne 0) {
        Get-Content $log | Write-Host
        Write-Error 'build.ps1: the build project does not compile; the errors are above (also in .nuke/temp/build-compile.log).' -ErrorAction Continue
        exit 1
    }
    Set-Content -Path $Stamp -Value $hash -NoNewline
}

$env:SMOKE_DOTNET = $Dotnet
& $Dotnet $dll @args
exit $LASTEXITCODE
