#!/usr/bin/env bash
# Builds tongbao's release archives: scripts/release.sh [VERSION]
#
# For each platform below, a static binary (CGO_ENABLED=0, -trimpath) with
# VERSION stamped in (`tongbao version` prints it), packed with README.md
# and the staff's documentation (docs/reference.md, docs/rules.md, which
# the config.toml of tongbao init points to) into
# dist/tongbao_VERSION_OS_ARCH.tar.gz (.zip for Windows), and
# dist/SHA256SUMS over the archives. VERSION defaults to
# `git describe --tags --always --dirty`; DIST=dir writes elsewhere.
#
# Reproducible: the same source and Go release give the same bytes — no
# build id or path in the binaries, and in the archives files in a fixed
# order with the commit's time, owner 0 and no other metadata. Nothing is
# published; upload dist/ by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:-$(git describe --tags --always --dirty)}
dist=${DIST:-dist}
targets="linux/amd64 linux/arm64 linux/loong64 windows/amd64 windows/arm64 darwin/arm64"
docs="README.md docs/reference.md docs/rules.md"
case $version in
  "" | *[!A-Za-z0-9._+-]*) echo "release: version “$version” may hold only letters, digits and . _ + -" >&2; exit 2 ;;
esac

# Every time in the archives is the commit's, so that they do not depend on
# when the script runs.
epoch=$(git log -1 --format=%ct 2>/dev/null || echo 0)
export TZ=UTC LC_ALL=C

mkdir -p "$dist"
dist=$(cd "$dist" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
archives=()
for target in $targets; do
  os=${target%/*} arch=${target#*/}
  name=tongbao_${version}_${os}_${arch}
  exe=tongbao
  [ "$os" = windows ] && exe=tongbao.exe
  mkdir -p "$work/$name"
  CGO_ENABLED=0 GOOS=$os GOARCH=$arch go build -trimpath -buildvcs=false \
    -ldflags "-s -w -buildid= -X main.stampedVersion=$version" \
    -o "$work/$name/$exe" ./cmd/tongbao
  mkdir -p "$work/$name/docs"
  for f in $docs; do
    cp "$f" "$work/$name/$f"
    chmod 0644 "$work/$name/$f"
  done
  chmod 0755 "$work/$name" "$work/$name/docs" "$work/$name/$exe"
  touch -d "@$epoch" "$work/$name" "$work/$name"/* "$work/$name"/docs/*
  rm -f "$dist/$name.tar.gz" "$dist/$name.zip"
  if [ "$os" = windows ]; then
    (cd "$work" && zip -q -X -D "$dist/$name.zip" "$name/$exe" $(printf "$name/%s " $docs))
    archives+=("$name.zip")
  else
    tar -C "$work" --sort=name --mtime="@$epoch" --owner=0 --group=0 --numeric-owner \
      --format=gnu -cf - "$name" | gzip -n -9 >"$dist/$name.tar.gz"
    archives+=("$name.tar.gz")
  fi
  echo "release: $dist/${archives[-1]}"
done
(cd "$dist" && sha256sum "${archives[@]}" >SHA256SUMS)
echo "release: $dist/SHA256SUMS"
