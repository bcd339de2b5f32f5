#!/bin/sh
# Builds target/swsh_VERSION_all.deb from the jars: /usr/bin/swsh and swshd, /usr/share/swsh (swsh.jar,
# the client's swsh-client.jar, jline's native libraries, build-cds.sh), the man page, bash
# completion, the swshd unit, /etc/swsh; postinst registers swsh in /etc/shells, creates the groups
# swsh-admin and swsh, and makes the class-data sharing archives of the installed jars in
# /var/cache/swsh (they hold the jars' paths, so they are made where the jars are).
set -eu
cd "$(dirname "$0")/.."
version=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' pom.xml | head -1)
[ -f target/swsh.jar ] && [ -f target/swsh-client.jar ] && [ -d target/jline-native ] || mvn -q -DskipTests package
root=target/deb
rm -rf "$root"
install -D -m 0644 target/swsh.jar "$root/usr/share/swsh/swsh.jar"
install -D -m 0644 target/swsh-client.jar "$root/usr/share/swsh/swsh-client.jar"
install -D -m 0755 packaging/build-cds.sh "$root/usr/share/swsh/build-cds.sh"
for lib in target/jline-native/*/*/*; do
  install -D -m 0644 "$lib" "$root/usr/share/swsh/jline-native/${lib#target/jline-native/}"
done
install -D -m 0755 swsh "$root/usr/bin/swsh"
install -D -m 0755 swshd "$root/usr/bin/swshd"
install -D -m 0644 man/swsh.1 "$root/usr/share/man/man1/swsh.1"
gzip -9n "$root/usr/share/man/man1/swsh.1"
install -D -m 0644 completions/swsh.bash "$root/usr/share/bash-completion/completions/swsh"
install -D -m 0644 packaging/swshd.service "$root/lib/systemd/system/swshd.service"
install -D -m 0644 packaging/modules-load.conf "$root/usr/lib/modules-load.d/swsh.conf"
install -d -m 0755 "$root/etc/swsh"
install -d "$root/DEBIAN"
cat > "$root/DEBIAN/control" <<CONTROL
Package: swsh
Version: $version
Section: net
Priority: optional
Architecture: all
Depends: default-jre-headless (>= 2:1.17) | java17-runtime-headless, iproute2
Maintainer: swsh developers <swsh@localhost>
Description: Cisco-IOS-style switch shell for the Linux kernel bridge
 swsh turns a Linux box with several NICs into a managed layer-2 switch behind
 an IOS-style modal shell; every command acts on a VLAN-aware kernel bridge.
CONTROL
cat > "$root/DEBIAN/postinst" <<'POSTINST'
#!/bin/sh
set -e
if [ "$1" = configure ]; then
  add-shell /usr/bin/swsh 2>/dev/null || { grep -qx /usr/bin/swsh /etc/shells || echo /usr/bin/swsh >> /etc/shells; }
  getent group swsh-admin >/dev/null || addgroup --system swsh-admin
  getent group swsh >/dev/null || addgroup --system swsh
  # faster starts: the archives of these jars (a failure leaves them out; swsh works without)
  /usr/share/swsh/build-cds.sh /usr/bin /var/cache/swsh || true
  if [ -d /run/systemd/system ]; then
    systemctl daemon-reload || true
    systemctl enable --now swshd.service || true
    # an upgraded swsh speaks to an swshd of its own version (the wire format changes with it)
    [ -n "${2:-}" ] && { systemctl try-restart swshd.service || true; }
  fi
fi
POSTINST
cat > "$root/DEBIAN/postrm" <<'POSTRM'
#!/bin/sh
set -e
if [ "$1" = remove ] || [ "$1" = purge ]; then
  remove-shell /usr/bin/swsh 2>/dev/null || sed -i '\|^/usr/bin/swsh$|d' /etc/shells 2>/dev/null || true
  rm -rf /var/cache/swsh
fi
POSTRM
chmod 0755 "$root/DEBIAN/postinst" "$root/DEBIAN/postrm"
dpkg-deb --root-owner-group --build "$root" "target/swsh_${version}_all.deb"
