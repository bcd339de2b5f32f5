#!/bin/sh
# Makes the class-data sharing archives the launchers use (swsh.jsa for the client, swshd.jsa for
# swshd): each is what a training run of the launcher itself loaded, against a swshd on the
# in-memory kernel (--dry-run) in a private directory; the client's run is an interactive
# session on a pseudo-terminal (script(1)), or a one-shot when there is none.
#
# Usage: build-cds.sh LAUNCHERS [CACHE [DAEMON]]
#   LAUNCHERS  the directory of the swsh launcher (a checkout, or /usr/bin)
#   CACHE      where the launchers look for the archives: LAUNCHERS/target (the default), or
#              /var/cache/swsh for the installed jar
#   DAEMON     the directory of the swshd launcher: LAUNCHERS (the default), or /usr/sbin
# An archive holds the jar's path, size and time and the JVM's: the launchers use it only while it
# is newer than the jar, and a JVM that cannot use it ignores it. Nothing here is needed for swsh
# to work: on any failure the archives are left out, and this says so.
set -u
launchers=$1
cache=${2:-$1/target}
daemon_dir=${3:-$1}
say() { echo "build-cds: $*" >&2; }
mkdir -p "$cache" || exit 0
rm -f "$cache/swsh.jsa" "$cache/swshd.jsa" "$cache/swsh.jsa.new" "$cache/swshd.jsa.new"
work=$(mktemp -d "${TMPDIR:-/tmp}/swsh-cds.XXXXXX") || exit 0
daemon=
cleanup() {
  [ -n "$daemon" ] && kill "$daemon" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

SWSH_CDS_DUMP=$cache/swshd.jsa.new setsid "$daemon_dir/swshd" --dry-run --run-dir "$work/run" \
  --config-dir "$work/etc" >"$work/swshd.log" 2>&1 &
daemon=$!
i=0
until "$launchers/swsh" --run-dir "$work/run" -c 'show vlan brief' >/dev/null 2>&1; do
  i=$((i + 1))
  if [ $i -gt 300 ] || ! kill -0 "$daemon" 2>/dev/null; then
    say "swshd did not start; no archives"; tail -5 "$work/swshd.log" >&2; exit 0
  fi
  sleep 0.1
done

# the client: what a person (and netmiko, Ansible) does at the prompt: a command, ? help, TAB,
# the --More-- pager, an error, exit; typed ahead, which the shell takes as it comes
keys() {
  sleep 1
  printf 'show vlan brief\r'; sleep 0.2
  printf 'show ?'; sleep 0.2; printf '\025'
  printf 'sh\t'; sleep 0.2; printf '\025'
  printf 'terminal length 3\r'; sleep 0.2
  printf 'show running-config\r'; sleep 0.3; printf ' '; sleep 0.2; printf 'q'; sleep 0.2
  printf 'show bogus\r'; sleep 0.2
  printf 'exit\r'; sleep 2
}
if command -v script >/dev/null 2>&1; then
  keys | SWSH_CDS_DUMP=$cache/swsh.jsa.new SHELL=/bin/sh timeout 60 script -qec "'$launchers/swsh' --run-dir '$work/run'" /dev/null \
    >"$work/client.log" 2>&1
else
  SWSH_CDS_DUMP=$cache/swsh.jsa.new "$launchers/swsh" --run-dir "$work/run" -c 'show vlan brief' -c 'show bogus' \
    >"$work/client.log" 2>&1
fi
# one-shot runs too, so that swshd's archive has what scripts need as well
"$launchers/swsh" --run-dir "$work/run" -c 'show running-config' -c 'show interfaces status' >/dev/null 2>&1

kill -TERM "$daemon" 2>/dev/null
wait "$daemon" 2>/dev/null
daemon=
for a in swsh swshd; do
  if [ -s "$cache/$a.jsa.new" ]; then
    mv "$cache/$a.jsa.new" "$cache/$a.jsa" && say "$cache/$a.jsa"
  else
    rm -f "$cache/$a.jsa.new"
    say "no archive for $a"
    [ $a = swsh ] && tail -5 "$work/client.log" >&2
  fi
done
exit 0
