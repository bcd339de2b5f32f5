#!/bin/sh
# Installs a swsh .deb the way an admin does (apt-get install ./swsh_*.deb) into a clean,
# throwaway root and checks what the package promises there; then removes and purges it.
#
# The root is this machine's own (a Debian 12 with the JRE and iproute2) seen through an overlay
# whose changes are discarded at the end, in private mount, network and pid namespaces: no
# network but lo, nothing of the checkout (its directory, /tmp, /root, /home are empty there),
# and no swsh installed. Prints "ok: ..." per check; the first failure ends it
# with "FAIL: ..." and status 1. Runs as root (through sudo if need be). Usage: test-deb.sh DEB
set -eu
if [ "$(id -u)" != 0 ]; then
  # mount and chroot need root: through sudo where it needs no password (CI), else a failure
  sudo -n true 2>/dev/null || { echo "FAIL: test-deb.sh needs root (mount, chroot), or sudo without a password"; exit 1; }
  exec sudo -n sh "$0" "$@"
fi
deb=$(readlink -f "$1")
checkout=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/swsh-deb-root.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/upper" "$work/ovl" "$work/root" "$work/in"
cp "$deb" "$work/in/"
cp "$(dirname "$0")/test-deb-inside.sh" "$work/in/inside.sh"

unshare --mount --net --pid --fork --propagation private sh -eu -c '
  w=$1 checkout=$2
  r=$w/root
  mount -t overlay overlay -o "lowerdir=/,upperdir=$w/upper,workdir=$w/ovl" "$r"
  mount -t proc proc "$r/proc"
  mount --rbind /dev "$r/dev"
  mount -t sysfs sysfs "$r/sys" 2>/dev/null || mount --rbind /sys "$r/sys"
  for d in /run /tmp /root /home "$checkout"; do
    [ -d "$r$d" ] && mount -t tmpfs tmpfs "$r$d"
  done
  mkdir "$r/tmp/in"
  mount --bind "$w/in" "$r/tmp/in"
  ip link set lo up
  exec chroot "$r" /bin/sh -eu /tmp/in/inside.sh "/tmp/in/$(basename "$3")"
' sh "$work" "$checkout" "$deb"
