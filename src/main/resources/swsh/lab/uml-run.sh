#!/bin/sh
# Runs a command inside user-mode Linux (Debian's kernel 6.1, with bridge VLAN filtering and
# 802.1Q as modules), with the host's file system as root. Usage:
#   uml-run.sh [--console] WORKDIR COMMAND...
# Without --console the command's output goes to WORKDIR/output; with it, the command runs on
# this terminal. Its exit status goes to WORKDIR/status and is this script's exit status
# (125 when the kernel could not run it).
set -eu
console=0
if [ "${1:-}" = "--console" ]; then console=1; shift; fi
mkdir -p "$1"
work=$(readlink -f "$1"); shift
rm -f "$work/status" "$work/output"
uml=$(command -v linux.uml || true)
[ -n "$uml" ] || { echo "uml-run: linux.uml not found; install Debian's user-mode-linux package" >&2; exit 125; }
quoted=""
for a in "$@"; do quoted="$quoted '$(printf '%s' "$a" | sed "s/'/'\\\\''/g")'"; done
{
  echo '#!/bin/sh'
  echo 'export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root SWSH_IN_UML=1 TERM='"${TERM:-vt100}"
  echo 'mount -t proc proc /proc; mount -t sysfs sys /sys; mount -t tmpfs tmpfs /run; mkdir -p /run/netns'
  echo 'mkdir -p /dev/pts /dev/shm; mount -t devpts devpts /dev/pts; mount -t tmpfs tmpfs /dev/shm'
  echo 'M=/usr/lib/uml/modules/$(uname -r)/kernel'
  echo 'for m in lib/crc-ccitt.ko net/llc/llc.ko net/802/stp.ko net/802/garp.ko net/802/mrp.ko net/ipv6/ipv6.ko net/bridge/bridge.ko net/8021q/8021q.ko drivers/net/veth.ko drivers/net/bonding/bonding.ko net/sched/sch_ingress.ko net/sched/cls_matchall.ko net/sched/cls_u32.ko net/sched/cls_flower.ko net/sched/act_gact.ko net/sched/act_police.ko net/sched/act_mirred.ko net/sched/act_vlan.ko; do insmod $M/$m 2>/dev/null; done'
  echo 'ip link set lo up'
  echo "cd '$(pwd)'"
  if [ $console = 1 ]; then
    echo "setsid -c sh -c 'stty sane 2>/dev/null; exec $(printf '%s' "$quoted" | sed "s/'/'\\\\''/g")' < /dev/console > /dev/console 2>&1"
  else
    echo "($quoted ) > '$work/output' 2>&1 < /dev/null"
  fi
  echo "echo \$? > '$work/status'"
  echo 'sync; halt -f'
} > "$work/init"
chmod +x "$work/init"
if [ $console = 1 ]; then
  "$uml" mem=1536M root=/dev/root rootfstype=hostfs rootflags=/ rw init="$work/init" con=null con0=fd:0,fd:1 quiet loglevel=0 \
    2>"$work/console" || true
  stty sane 2>/dev/null || true
else
  "$uml" mem=1536M root=/dev/root rootfstype=hostfs rootflags=/ rw init="$work/init" con=null con0=null,fd:2 \
    > "$work/console" 2>&1 </dev/null || true
fi
if [ ! -f "$work/status" ]; then
  echo "uml-run: the kernel stopped before the command finished; see $work/console" >&2
  exit 125
fi
exit "$(cat "$work/status")"
