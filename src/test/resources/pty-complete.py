# Types LINE and a TAB into an interactive SHELL on a pseudo-terminal, after SETUP, and prints
# what the terminal shows until WANT appears (exit 0) or 60 s pass (exit 1).
# Usage: pty-complete.py SHELL-ARGV SETUP LINE WANT
import os, pty, select, shlex, sys, time

argv, setup, line, want = shlex.split(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
pid, fd = pty.fork()
if pid == 0:
    os.environ['TERM'] = 'dumb'
    os.execvp(argv[0], argv)


def until(token, limit=60):
    buf = b''
    end = time.time() + limit
    while time.time() < end:
        if select.select([fd], [], [], 0.2)[0]:
            try:
                buf += os.read(fd, 4096)
            except OSError:
                break
            if token.encode() in buf:
                return buf, True
    return buf, False


os.write(fd, (setup + '\necho SET-$((40+2))\n').encode())
buf, ok = until('SET-42')
if ok:
    os.write(fd, line.encode() + b'\t')
    buf, ok = until(want)
sys.stdout.write(buf.decode(errors='replace'))
os.kill(pid, 9)
sys.exit(0 if ok else 1)
