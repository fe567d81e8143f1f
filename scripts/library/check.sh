#!/usr/bin/env bash
# The library as a package, checked the way a user meets it: packs Extractor.Core and Extractor.IO into a local feed,
# creates a console project that references Extractor.IO from it, puts README's "As a library" example in verbatim
# as its Program.cs, runs it, and checks that it finds Marco Rubio and Qatar with the model the package carries.
# Usage: scripts/library/check.sh        (CI runs it through .ci/run; about a minute)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
say() { printf 'library: %s\n' "$*" >&2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

for project in Extractor Extractor.IO; do
  dotnet pack "$root/src/$project" -c Release -o "$work/feed" > "$work/pack.log" 2>&1 || { cat "$work/pack.log" >&2; exit 1; }
done
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props")
say "packed $(cd "$work/feed" && ls)"

app=$work/app
mkdir -p "$app"
cat > "$app/app.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Extractor.IO" Version="$version" />
  </ItemGroup>
</Project>
XML
# The local feed first; the machine's own sources stay for the packages' dependencies.
cat > "$app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="extractor-local" value="$work/feed" />
  </packageSources>
</configuration>
XML
# README's example, verbatim: the first csharp block of the "As a library" section.
awk '/^## As a library/ { on = 1 } on && /^```csharp/ { grab = 1; next } grab && /^```/ { exit } grab { print }' "$root/README.md" > "$app/Program.cs"
[ -s "$app/Program.cs" ] || { say "no csharp example under '## As a library' in README.md"; exit 1; }
lines=$(wc -l < "$app/Program.cs")
[ "$lines" -le 10 ] || { say "README's example has $lines lines; the promise is at most 10"; exit 1; }

export NUGET_PACKAGES=$work/packages   # a fresh cache: the package under test, not an older one
(cd "$app" && dotnet run -c Release) > "$work/out" 2> "$work/err" || { cat "$work/err" "$work/out" >&2; exit 1; }
cat "$work/out" >&2
grep -q '^Person Marco Rubio  x2$' "$work/out" || { say "FAILED: the example did not find Marco Rubio twice"; exit 1; }
grep -q '^Country Qatar QA x1$' "$work/out" || { say "FAILED: the example did not find Qatar (QA)"; exit 1; }
say "ok: README's example runs against the packages and finds its entities"
