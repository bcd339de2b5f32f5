#!/bin/sh
# Runs a command inside user-mode Linux (Debian's kernel 6.1 with bridge VLAN filtering and
# 802.1Q as modules), with the host's file system as root. Usage:
#   uml-run.sh WORKDIR COMMAND...
# The command's output goes to WORKDIR/output, its exit status to WORKDIR/status; this script
# exits with that status (or 125 when the kernel could not run it).
set -eu
work=$(readlink -f "$1"); shift
mkdir -p "$work"
rm -f "$work/status" "$work/output"
uml=$(command -v linux.uml || true)
[ -n "$uml" ] || { echo "uml-run: linux.uml not found; install Debian's user-mode-linux package" >&2; exit 125; }
{
  echo '#!/bin/sh'
  echo 'export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
  echo "export HOME=/root SWSH_IN_UML=1"
  echo 'mount -t proc proc /proc; mount -t sysfs sys /sys; mount -t tmpfs tmpfs /run; mkdir -p /run/netns'
  echo 'mount -t tmpfs tmpfs /tmp/.swsh-uml-tmp 2>/dev/null || true'
  echo 'M=/usr/lib/uml/modules/$(uname -r)/kernel'
  echo 'for m in lib/crc-ccitt.ko net/llc/llc.ko net/802/stp.ko net/802/garp.ko net/802/mrp.ko net/ipv6/ipv6.ko net/bridge/bridge.ko net/8021q/8021q.ko drivers/net/veth.ko; do insmod $M/$m 2>/dev/null; done'
  echo 'ip link set lo up'
  echo "cd '$(pwd)'"
  printf '('
  for a in "$@"; do printf " '%s'" "$(printf '%s' "$a" | sed "s/'/'\\\\''/g")"; done
  printf " ) > '%s/output' 2>&1 < /dev/null\n" "$work"
  echo "echo \$? > '$work/status'"
  echo 'sync; halt -f'
} > "$work/init"
chmod +x "$work/init"
"$uml" mem=1536M root=/dev/root rootfstype=hostfs rootflags=/ rw init="$work/init" con=null con0=null,fd:2 \
  > "$work/console" 2>&1 </dev/null || true
if [ ! -f "$work/status" ]; then
  echo "uml-run: the kernel stopped before the command finished; see $work/console" >&2
  exit 125
fi
exit "$(cat "$work/status")"
