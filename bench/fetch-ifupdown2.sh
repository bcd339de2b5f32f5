#!/bin/sh
# Debian's ifupdown2, for the comparison in src/test/java/swsh/kernel/IfupdownBench.java: downloads the .deb
# (apt-get download, Debian 12: 3.0.0-1.1, needs only python3 and iproute2) and extracts it with dpkg -x
# into target/ifupdown2 of this checkout. It is NOT installed: the package Conflicts with ifupdown and
# would take over the host's networking. Idempotent.
set -eu
cd "$(dirname "$0")/.."
dest=$(pwd)/target/ifupdown2
if [ ! -f "$dest/usr/share/ifupdown2/__main__.py" ] || [ ! -f "$dest/VERSION" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  chmod 755 "$tmp"
  (cd "$tmp" && apt-get download ifupdown2 2>&1 | grep -v '^W: Download is performed unsandboxed' || true)
  deb=$(ls "$tmp"/ifupdown2_*.deb)
  rm -rf "$dest.new"
  dpkg -x "$deb" "$dest.new"
  # the package's ifup/ifreload/... links point at /usr/share/ifupdown2, absent here: point them into the
  # extraction (ifupdown2 picks its mode from the name it is run as)
  for op in ifup ifdown ifquery ifreload; do ln -sfn ../usr/share/ifupdown2/__main__.py "$dest.new/sbin/$op"; done
  dpkg-deb -f "$deb" Version > "$dest.new/VERSION"
  rm -rf "$dest"
  mv "$dest.new" "$dest"
fi
echo "ifupdown2 $(cat "$dest/VERSION") extracted in $dest (run: python3 $dest/sbin/ifup ...)"
