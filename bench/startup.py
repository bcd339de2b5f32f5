#!/usr/bin/env python3
"""Start-up and memory of the swsh client and swshd, against their floors, in one interleaved run.

Measures, alternating each measured command with its floor (N rounds, medians):
  a) a bare JVM "hello" started with the client's flags (the floor), through pipes and on a pty;
  b) a one-shot  swsh -c 'show vlan brief'  through a swshd this script starts;
  c) the time until the first prompt of an interactive session arrives on a pty, and until a key
     typed as soon as it is there comes back echoed (the line editor is reading);
  d) the RSS of an idle interactive client and of an idle swshd.
swshd runs with --dry-run (the in-memory kernel) in a private directory, so nothing on this
machine changes. Usage: bench/startup.py [-n ROUNDS] [--tree DIR] (DIR holds ./swsh, ./swshd and
target/swsh.jar; by default this checkout).
"""
import argparse
import os
import pty
import re
import select
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

PROMPT = re.compile(rb"[A-Za-z][A-Za-z0-9-]*[>#] ?$")


def launcher_flags(tree, launcher, var):
    """The JVM flags a launcher sets in `var` (before they were named: the flags ./swsh had then)."""
    text = open(os.path.join(tree, launcher)).read()
    m = re.search(r"^%s=\"([^\"]*)\"" % var, text, re.M)
    return shlex.split(m.group(1) if m else "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto")


def client_flags(tree):
    """The JVM flags the ./swsh launcher gives the client (its CDS archive left out: the hello has none)."""
    return launcher_flags(tree, "swsh", "client_flags")


def rss_kb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def timed(cmd):
    t0 = time.monotonic()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    dt = time.monotonic() - t0
    if p.returncode != 0:
        sys.exit("failed (%d): %s\n%s" % (p.returncode, " ".join(cmd), p.stderr.decode(errors="replace")))
    return dt, p.stdout


def on_pty(cmd, until, keep=False, timeout=30.0, probe=None):
    """Starts cmd on a new pty; returns (seconds until output matching `until` arrived, pid, fd).
    With probe (bytes), then types it and also returns the seconds until its echo arrived."""
    pid, fd = pty.fork()
    if pid == 0:
        try:
            os.execvp(cmd[0], cmd)
        finally:
            os._exit(127)
    t0 = time.monotonic()
    seen = b""
    while True:
        left = timeout - (time.monotonic() - t0)
        if left <= 0:
            os.kill(pid, signal.SIGKILL)
            sys.exit("no %r within %.0f s from %s; got %r" % (until.pattern, timeout, " ".join(cmd), seen[-300:]))
        r, _, _ = select.select([fd], [], [], left)
        if not r:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            chunk = b""
        if not chunk:
            sys.exit("%s ended before %r; got %r" % (" ".join(cmd), until.pattern, seen[-300:]))
        seen += chunk
        if until.search(seen):
            dt = time.monotonic() - t0
            break
    if probe is not None:
        os.write(fd, probe)
        seen = b""
        while probe not in seen:
            left = timeout - (time.monotonic() - t0)
            r, _, _ = select.select([fd], [], [], max(left, 0))
            if not r:
                os.kill(pid, signal.SIGKILL)
                sys.exit("no echo of %r from %s" % (probe, " ".join(cmd)))
            seen += os.read(fd, 65536)
        echoed = time.monotonic() - t0
        finish(pid, fd)
        return dt, echoed
    if keep:
        return dt, pid, fd
    finish(pid, fd)
    return dt, pid, fd


def finish(pid, fd, line=None):
    """Ends a process on a pty: types `line` (then waits for it to end), or hangs up at once."""
    if line is None:
        os.close(fd)
        fd = None
    else:
        os.write(fd, line)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        r = []
        if fd is not None:
            r, _, _ = select.select([fd], [], [], 0.1)
        else:
            time.sleep(0.01)
        if r:
            try:
                if not os.read(fd, 65536):
                    break
            except OSError:
                break
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
    else:
        os.kill(pid, signal.SIGKILL)
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    if fd is not None:
        os.close(fd)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=15, help="rounds (default 15)")
    ap.add_argument("--tree", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    a = ap.parse_args()
    tree = os.path.abspath(a.tree)
    swsh, swshd = os.path.join(tree, "swsh"), os.path.join(tree, "swshd")
    java = shutil.which("java")
    flags = client_flags(tree)
    load0 = os.getloadavg()[0]
    work = tempfile.mkdtemp(prefix="swsh-bench-")
    try:
        with open(os.path.join(work, "Hello.java"), "w") as f:
            f.write('public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n')
        subprocess.run(["javac", "-d", work, os.path.join(work, "Hello.java")], check=True)
        hello = [java] + flags + ["-cp", work, "Hello"]
        run = os.path.join(work, "run")
        log = open(os.path.join(work, "swshd.log"), "w")
        daemon = subprocess.Popen([swshd, "--dry-run", "--run-dir", run, "--config-dir", os.path.join(work, "etc")],
                                  stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            oneshot = [swsh, "--run-dir", run, "-c", "show vlan brief"]
            for _ in range(200):
                if os.path.exists(os.path.join(run, "swshd.sock")) and \
                        subprocess.run(oneshot, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0:
                    break
                time.sleep(0.1)
            out = timed(oneshot)[1]
            if b"default" not in out:
                sys.exit("unexpected output of %s: %r" % (" ".join(oneshot), out))
            # idle swshd, with one session that has done one command
            _, pid, fd = on_pty([swsh, "--run-dir", run], PROMPT, keep=True)
            time.sleep(2)
            fresh_rss = rss_kb(daemon.pid)
            finish(pid, fd, b"exit\r")
            # warm-up: swshd's first sessions, the page cache
            for _ in range(3):
                timed(hello)
                timed(oneshot)
                on_pty([swsh, "--run-dir", run], PROMPT)
            rows = {k: [] for k in ("hello", "oneshot", "hello_pty", "prompt", "echo")}
            for _ in range(a.n):
                rows["hello"].append(timed(hello)[0])
                rows["oneshot"].append(timed(oneshot)[0])
                rows["hello_pty"].append(on_pty(hello, re.compile(rb"hello"))[0])
                prompt, echo = on_pty([swsh, "--run-dir", run], PROMPT, probe=b"s")
                rows["prompt"].append(prompt)
                rows["echo"].append(echo)
            # idle RSS: a session sitting at its prompt, and swshd with it connected
            _, pid, fd = on_pty([swsh, "--run-dir", run], PROMPT, keep=True)
            time.sleep(2)
            client_rss = rss_kb(pid)
            daemon_rss = rss_kb(daemon.pid)
            finish(pid, fd, b"exit\r")
        finally:
            os.killpg(daemon.pid, signal.SIGTERM)
            daemon.wait(10)
        med = {k: statistics.median(v) for k, v in rows.items()}
        ms = lambda k: med[k] * 1000
        print("swsh start-up, %s, %d cores, %d interleaved rounds (medians); load average %.2f before, %.2f after" % (
            time.strftime("%Y-%m-%d"), os.cpu_count(), a.n, load0, os.getloadavg()[0]))
        print("client JVM flags: %s" % " ".join(flags))
        print("swshd JVM flags:  %s" % " ".join(launcher_flags(tree, "swshd", "daemon_flags")))
        print("%-48s %8s %7s %7s" % ("", "median", "/ (a)", "/ (a')"))
        print("%-48s %5.0f ms %7s" % ("a)  bare JVM hello, same flags, start to exit", ms("hello"), "1.0x"))
        print("%-48s %5.0f ms %7s %7s" % ("a') bare JVM hello on a pty, until its output", ms("hello_pty"), "", "1.0x"))
        print("%-48s %5.0f ms %6.1fx" % ("b)  swsh -c 'show vlan brief' through swshd", ms("oneshot"), med["oneshot"] / med["hello"]))
        print("%-48s %5.0f ms %6.1fx %6.1fx" % ("c)  interactive swsh: its first prompt", ms("prompt"),
                                                 med["prompt"] / med["hello"], med["prompt"] / med["hello_pty"]))
        print("%-48s %5.0f ms %6.1fx %6.1fx" % ("c') ... a key typed at it, echoed", ms("echo"),
                                                 med["echo"] / med["hello"], med["echo"] / med["hello_pty"]))
        print("%-48s %5.1f MB" % ("d)  RSS of an idle interactive client", client_rss / 1024))
        print("%-48s %5.1f MB" % ("d)  RSS of an idle swshd, started, one session", fresh_rss / 1024))
        print("%-48s %5.1f MB" % ("d)  ... after all these sessions, one open", daemon_rss / 1024))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
