#!/bin/sh
# Builds target/swsh_VERSION_ARCH.deb from the jars of `mvn package` (the Maven build runs it at
# package time). Layout:
#   /usr/bin/swsh, /usr/sbin/swshd   the launchers, looking in /usr/share/swsh only
#   /usr/share/swsh                  swsh.jar, swsh-client.jar, build-cds.sh
#   /usr/lib/swsh                    JLine's native terminal library for this architecture
#   /var/cache/swsh                  the class-data sharing archives, made by postinst
#   swshd.service, sysusers.d (groups swsh-admin, swsh), tmpfiles.d (/run/swsh), modules-load.d,
#   /etc/default/swshd (the only conffile), man pages, bash/zsh/fish completion, and
#   /usr/share/doc/swsh (copyright, changelog, README, an example startup-config).
# Version and maintainer come from packaging/changelog; the version must be the pom's.
set -eu
cd "$(dirname "$0")/.."
die() { echo "build-deb: $*" >&2; exit 1; }
version=$(dpkg-parsechangelog -l packaging/changelog -S Version)
maintainer=$(dpkg-parsechangelog -l packaging/changelog -S Maintainer)
date=$(dpkg-parsechangelog -l packaging/changelog -S Timestamp)
pom=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' pom.xml | head -1)
[ "$version" = "$pom" ] || die "packaging/changelog is at $version, pom.xml at $pom"
arch=$(dpkg --print-architecture)
case $arch in
  amd64) jline_arch=x86_64 ;;
  arm64) jline_arch=arm64 ;;
  *) die "no JLine native library for architecture $arch" ;;
esac
for f in target/swsh.jar target/swsh-client.jar "target/jline-native/Linux/$jline_arch/libjlinenative.so"; do
  [ -f "$f" ] || die "$f is missing; build it with: mvn -q -DskipTests package"
done
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$date}"

root=target/deb
rm -rf "$root"
doc=$root/usr/share/doc/swsh
install -D -m 0644 target/swsh.jar "$root/usr/share/swsh/swsh.jar"
install -D -m 0644 target/swsh-client.jar "$root/usr/share/swsh/swsh-client.jar"
install -D -m 0755 packaging/build-cds.sh "$root/usr/share/swsh/build-cds.sh"
install -D -m 0644 "target/jline-native/Linux/$jline_arch/libjlinenative.so" "$root/usr/lib/swsh/libjlinenative.so"
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$root/usr/lib/swsh/libjlinenative.so"
# the installed launchers never look beside themselves (no /usr/bin/target/)
for l in swsh:usr/bin swshd:usr/sbin; do
  name=${l%%:*}
  install -d "$root/${l#*:}"
  sed 's|^for dir in "$here/target" /usr/share/swsh; do$|for dir in /usr/share/swsh; do|' "$name" >"$root/${l#*:}/$name"
  grep -q '^for dir in /usr/share/swsh; do$' "$root/${l#*:}/$name" || die "$name: the jar search line was not found"
  chmod 0755 "$root/${l#*:}/$name"
done
for page in man/swsh.1 man/swshd.8 man/swsh-commands.7; do
  section=${page##*.}
  install -D -m 0644 "$page" "$root/usr/share/man/man$section/${page#man/}"
  gzip -9n "$root/usr/share/man/man$section/${page#man/}"
done
install -D -m 0644 completions/swsh.bash "$root/usr/share/bash-completion/completions/swsh"
install -D -m 0644 completions/_swsh "$root/usr/share/zsh/vendor-completions/_swsh"
install -D -m 0644 completions/swsh.fish "$root/usr/share/fish/vendor_completions.d/swsh.fish"
install -D -m 0644 packaging/swshd.service "$root/lib/systemd/system/swshd.service"
install -D -m 0644 packaging/sysusers.conf "$root/usr/lib/sysusers.d/swsh.conf"
install -D -m 0644 packaging/tmpfiles.conf "$root/usr/lib/tmpfiles.d/swsh.conf"
install -D -m 0644 packaging/modules-load.conf "$root/usr/lib/modules-load.d/swsh.conf"
install -D -m 0644 packaging/default "$root/etc/default/swshd"
# where write memory saves startup-config (swshd.service also makes it: ConfigurationDirectory)
install -d -m 0755 "$root/etc/swsh"
install -D -m 0644 packaging/copyright "$doc/copyright"
install -D -m 0644 packaging/changelog "$doc/changelog"
install -D -m 0644 README.md "$doc/README.md"
install -D -m 0644 packaging/startup-config.example "$doc/examples/startup-config"
gzip -9n "$doc/changelog" "$doc/README.md"

install -d "$root/DEBIAN"
for script in postinst prerm postrm; do
  install -m 0755 "packaging/$script" "$root/DEBIAN/$script"
done
echo /etc/default/swshd >"$root/DEBIAN/conffiles"
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\n' | LC_ALL=C sort | xargs -d '\n' md5sum) >"$root/DEBIAN/md5sums"
# the C library the JLine native library needs (dpkg-shlibdeps wants a debian/control to read)
shlib=$(mktemp -d)
mkdir "$shlib/debian"
printf 'Source: swsh\n\nPackage: swsh\nArchitecture: any\n' >"$shlib/debian/control"
libs=$(cd "$shlib" && dpkg-shlibdeps -O "$OLDPWD/$root/usr/lib/swsh/libjlinenative.so" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
rm -rf "$shlib"
[ -n "$libs" ] || die "dpkg-shlibdeps found no dependency of libjlinenative.so"
size=$(du -k -s --apparent-size --exclude=DEBIAN "$root" | cut -f1)
cat >"$root/DEBIAN/control" <<CONTROL
Package: swsh
Version: $version
Section: net
Priority: optional
Architecture: $arch
Depends: $libs, default-jre-headless (>= 2:1.17) | java17-runtime-headless, iproute2, systemd | systemd-standalone-sysusers
Recommends: systemd, lldpd, tcpdump
Installed-Size: $size
Maintainer: $maintainer
Description: Cisco-IOS-style switch shell for the Linux kernel bridge
 swsh turns a Linux box with several NICs into a managed layer-2 switch behind
 an IOS-style modal shell; every command acts at once on a VLAN-aware kernel
 bridge through iproute2.
 .
 The swshd service replays /etc/swsh/startup-config at boot and serves every
 swsh session on a Unix socket; members of group swsh-admin get privileged
 EXEC without a password. swsh works as a login shell over SSH and is driven
 by netmiko and Ansible's cisco.ios collection.
CONTROL
# reproducible: every file dated from the changelog, owned by root
find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
dpkg-deb --root-owner-group -Zxz --build "$root" "target/swsh_${version}_${arch}.deb" >/dev/null
