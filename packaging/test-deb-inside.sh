#!/bin/sh
# The checks of test-deb.sh, run as root inside its throwaway root. Usage: test-deb-inside.sh DEB
set -eu
deb=$1
export LC_ALL=C.UTF-8 DEBIAN_FRONTEND=noninteractive PATH=/usr/sbin:/usr/bin:/sbin:/bin
fail() { echo "FAIL: $*"; exit 1; }
ok() { echo "ok: $*"; }

dpkg -s swsh >/dev/null 2>&1 && fail "swsh is already installed in the clean root"
[ ! -e /etc/swsh ] || fail "/etc/swsh exists before the install"
# a jar where a careless launcher would look (beside itself): the installed one must not use it
mkdir -p /usr/bin/target /usr/sbin/target
echo "not a jar" >/usr/bin/target/swsh.jar
echo "not a jar" >/usr/sbin/target/swsh.jar

apt-get install -y -q "$deb" >/tmp/apt.log 2>&1 || { cat /tmp/apt.log; fail "apt-get install $deb"; }
ok "apt-get install ./$(basename "$deb")"

getent group swsh-admin >/dev/null && getent group swsh >/dev/null || fail "groups swsh-admin and swsh (sysusers.d)"
ok "groups swsh-admin and swsh"
grep -qx /usr/bin/swsh /etc/shells || fail "/usr/bin/swsh in /etc/shells"
ok "/usr/bin/swsh in /etc/shells"
[ -s /var/cache/swsh/swsh.jsa ] && [ -s /var/cache/swsh/swshd.jsa ] || fail "class-data sharing archives in /var/cache/swsh"
ok "class-data sharing archives in /var/cache/swsh"
[ -L /etc/systemd/system/multi-user.target.wants/swshd.service ] || fail "swshd.service enabled"
ok "swshd.service enabled"
[ -d /etc/swsh ] || fail "/etc/swsh"

out=$(systemd-analyze verify /lib/systemd/system/swshd.service 2>&1) || fail "systemd-analyze verify: $out"
[ -z "$out" ] || fail "systemd-analyze verify says: $out"
ok "systemd-analyze verify swshd.service"
exposure=$(systemd-analyze security --offline=yes /lib/systemd/system/swshd.service 2>&1 \
  | sed -n 's/.*Overall exposure level for swshd.service: \([0-9.]*\).*/\1/p')
[ -n "$exposure" ] || fail "systemd-analyze security gave no exposure level"
echo "exposure: $exposure"

for page in swsh swshd swsh-commands; do
  warnings=$(MANWIDTH=80 man --warnings "$page" 2>&1 >/dev/null) || fail "man $page"
  [ -z "$warnings" ] || fail "man --warnings $page: $warnings"
done
ok "man swsh, swshd, swsh-commands render without warnings"

# the service, as systemd would start it (it is not running here), with only the capabilities
# the unit leaves it (CapabilityBoundingSet, NoNewPrivileges): no startup-config, so no bridge
setpriv --bounding-set=-all,+net_admin,+net_raw --inh-caps=-all --no-new-privs /usr/sbin/swshd >/tmp/swshd.log 2>&1 &
i=0
until [ -S /run/swsh/swshd.sock ]; do
  i=$((i + 1))
  [ $i -lt 600 ] && kill -0 $! 2>/dev/null || { cat /tmp/swshd.log; fail "swshd did not start"; }
  sleep 0.1
done
version=$(swsh -c 'show version') || fail "swsh -c 'show version'"
echo "$version" | grep -q 'swsh Software' || fail "show version said: $version"
ok "swsh -c 'show version' through swshd"
ip link show swbr0 >/dev/null 2>&1 && fail "swshd made bridge swbr0 with no startup-config"
ok "no startup-config: no bridge"
useradd -m -G swsh-admin swtest
priv=$(runuser -u swtest -- swsh -c 'show privilege') || fail "swsh as a member of swsh-admin"
[ "$priv" = "Current privilege level is 15" ] || fail "a member of swsh-admin: $priv"
useradd -m swother
priv=$(runuser -u swother -- swsh -c 'show privilege') || fail "swsh as another user"
[ "$priv" = "Current privilege level is 1" ] || fail "another user: $priv"
ok "swsh-admin members are privileged, other users are not"

dry=$(swsh boot --dry-run 2>&1) || fail "swsh boot --dry-run: $dry"
[ -z "$dry" ] || fail "swsh boot --dry-run with no startup-config planned: $dry"
cp /usr/share/doc/swsh/examples/startup-config /etc/swsh/startup-config
dry=$(swsh boot --dry-run 2>/dev/null) || true
echo "$dry" | grep -q '^ip link add name swbr0 type bridge' || fail "swsh boot --dry-run of the example: $dry"
ok "swsh boot --dry-run: nothing without startup-config, the bridge with the example"

[ "$(bash -c '. /usr/share/bash-completion/completions/swsh; complete -p swsh')" = "complete -F _swsh swsh" ] \
  || fail "bash completion"
[ "$(zsh -f -c 'autoload -Uz compinit; compinit -u -D; print -r -- $_comps[swsh]')" = _swsh ] || fail "zsh completion"
[ "$(fish -c "complete -C\"swsh -c 'sh\"" | cut -f1)" = show ] || fail "fish completion of swsh -c 'sh"
ok "completions load from their installed places (bash, zsh, fish)"

kill $! 2>/dev/null || true
apt-get remove -y -q swsh >/tmp/apt.log 2>&1 || { cat /tmp/apt.log; fail "apt-get remove swsh"; }
grep -qx /usr/bin/swsh /etc/shells && fail "/usr/bin/swsh still in /etc/shells after remove"
[ -e /var/cache/swsh ] && fail "/var/cache/swsh after remove"
[ -f /etc/swsh/startup-config ] || fail "remove took the saved configuration"
ok "apt-get remove: shell and cache gone, configuration kept"
dpkg --purge swsh >/tmp/apt.log 2>&1 || { cat /tmp/apt.log; fail "dpkg --purge swsh"; }
# (man's own cache of the pages formatted above is man-db's)
left=$(find /etc /var/lib/systemd /var/cache /run -path /var/cache/man -prune -o -name '*swsh*' -print 2>/dev/null)
[ -z "$left" ] || fail "left after purge: $left"
ok "dpkg --purge: nothing of swsh left in /etc, /var and /run"
