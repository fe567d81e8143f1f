#!/usr/bin/env bash
# Builds a release: the .NET tool packages (native on linux-x64, portable elsewhere), a native (AOT) linux-x64 binary
# with the model inside it, and SHA-256 checksums, in artifacts/release/ (or $RELEASE_DIR).
#
# Usage: scripts/release.sh [--check]
#   --check  also prove the artifacts work as a user gets them: install the package into a temporary tool
#            path and run it, run the portable packages' builds and the binary alone in an empty folder, and compare
#            their outputs on samples/
#            with the plain build's, byte for byte, for every format and level (CI runs this).
# Needs: the .NET 10 SDK; for the native binary, a C toolchain (clang or gcc) and zlib, which Native AOT
# links with. Without one the native binary is skipped with a message, the linux-x64 tool package is the ReadyToRun
# build instead, and --check fails on CI=true.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${RELEASE_DIR:-$root/artifacts/release}
check=0
for arg in "$@"; do
  case $arg in
    --check) check=1 ;;
    *) echo "usage: scripts/release.sh [--check]" >&2; exit 2 ;;
  esac
done
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
cd "$root"
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)
rid=linux-x64
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$out" && mkdir -p "$out"
say() { printf 'release: %s\n' "$*" >&2; }

# A build must not warn: trimming and AOT warnings are bugs to fix, not noise (IL2xxx, IL3xxx).
build() {
  local log=$work/build.log
  if ! "$@" > "$log" 2>&1; then cat "$log" >&2; return 1; fi
  if grep -E ': warning [A-Z]+[0-9]+' "$log" | sort -u | grep . >&2; then say "the build above warned"; return 1; fi
}

repo=$(git remote get-url origin 2>/dev/null || true)
pack() { build dotnet pack src/Extractor.Cli -c Release -o "$out" ${repo:+-p:RepositoryUrl="$repo"} "$@"; }
# The tool is four packages: Extractor.Tool points `dotnet tool install` to Extractor.Tool.$rid (the native binary)
# on $rid and to the portable build (on the .NET runtime) everywhere else: Extractor.Tool.any and .linux-musl-x64.
# Each platform package is published into a folder of its own: the SDK packs whatever its publish folder holds.
say "tool package Extractor.Tool $version (points to .$rid, .linux-musl-x64 and .any)"
pack
say "tool packages Extractor.Tool.any and .linux-musl-x64 (portable, framework-dependent)"
pack -r any -p:PublishAot=false -p:PublishDir="$work/tool-any/"
# The same build under musl's RID (no ReadyToRun, no apphost: neither is needed by a tool, and both would need musl's
# runtime packs): without it a musl Linux falls back to the linux-x64 package, whose binary needs glibc.
pack -r linux-musl-x64 -p:PublishAot=false -p:SelfContained=false -p:PublishReadyToRun=false -p:UseAppHost=false \
  -p:PublishDir="$work/tool-musl/"

native=0
if command -v clang > /dev/null || command -v gcc > /dev/null; then
  say "tool package Extractor.Tool.$rid and the native binary (Native AOT)"
  pack -r "$rid" -p:PublishAot=true -p:PublishDir="$work/aot/"
  # The model is inside the binary; the archive carries the licences and the model card beside it, and the accurate
  # tier in models/ (too large to map into every default run).
  mkdir -p "$work/dist/extractor-$version-$rid/models"
  cp "$work/aot/extractor" LICENSE README.md "$work/dist/extractor-$version-$rid/"
  cp models/extractor-accurate.model "$work/dist/extractor-$version-$rid/models/"
  cp models/README.md "$work/dist/extractor-$version-$rid/MODEL.md"
  tar -C "$work/dist" --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 \
    -czf "$out/extractor-$version-$rid.tar.gz" "extractor-$version-$rid"
  native=1
else
  say "no C toolchain (clang or gcc): native binary skipped; Extractor.Tool.$rid is the ReadyToRun build instead"
  pack -r "$rid" -p:PublishAot=false -p:SelfContained=false -p:PublishDir="$work/tool-r2r/"
fi
(cd "$out" && sha256sum -- *.nupkg *.tar.gz 2>/dev/null > SHA256SUMS)
say "wrote $out:"; ls -l "$out" >&2

[ "$check" -eq 1 ] || exit 0
if [ "$native" -eq 0 ] && [ "${CI:-}" = "true" ]; then say "--check on CI needs the native toolchain"; exit 1; fi
say "check: plain build"
build dotnet publish src/Extractor.Cli -c Release -o "$work/plain"
say "check: install the package into a temporary tool path"
# A fresh package cache: an earlier install of the same version would otherwise be used instead of this build.
NUGET_PACKAGES=$work/nuget build dotnet tool install Extractor.Tool --version "$version" --tool-path "$work/tools" --add-source "$out"
runs=("$work/tools/extractor")
# The portable packages, run as `dotnet tool install` sets them up on a platform without a native one.
for portable in any linux-musl-x64; do
  python3 -m zipfile -e "$out/Extractor.Tool.$portable.$version.nupkg" "$work/$portable"
  printf '#!/bin/sh\nexec dotnet "%s" "$@"\n' "$work/$portable/tools/net10.0/$portable/extractor.dll" > "$work/run-$portable"
  chmod +x "$work/run-$portable" && runs+=("$work/run-$portable")
done
if [ "$native" -eq 1 ]; then
  mkdir -p "$work/alone" && tar -C "$work/alone" -xzf "$out/extractor-$version-$rid.tar.gz"
  runs+=("$work/alone/extractor-$version-$rid/extractor")
fi
failed=0
for run in "${runs[@]}"; do
  "$run" --version | grep -q "^extractor $version$" || { say "$run --version does not say $version"; failed=1; }
  # The model line too: the binary alone reads it from the copy inside itself, the others from models/.
  cmp -s <("$work/plain/extractor" --version) <("$run" --version) || { say "$run --version differs from the plain build's"; failed=1; }
  for format in csv tsv json jsonl; do
    for level in entity mention corpus; do
      # Run from another folder: an installed tool finds its model wherever it is started.
      (cd "$work" && "$work/plain/extractor" extract "$root/samples/" -f $format -l $level -q) > "$work/expected"
      (cd "$work" && "$run" extract "$root/samples/" -f $format -l $level -q) > "$work/got"
      cmp -s "$work/expected" "$work/got" || { say "$run: -f $format -l $level differs from the plain build"; failed=1; }
    done
  done
  (cd "$work" && "$work/plain/extractor" extract "$root/samples/" --accurate -f jsonl -l mention -q) > "$work/expected"
  (cd "$work" && "$run" extract "$root/samples/" --accurate -f jsonl -l mention -q) > "$work/got"
  cmp -s "$work/expected" "$work/got" || { say "$run: --accurate differs from the plain build"; failed=1; }
done
[ "$failed" -eq 0 ] && say "check passed: ${#runs[@]} installed builds give the plain build's bytes"
exit "$failed"
