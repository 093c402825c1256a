#!/usr/bin/env python3
"""Time to first screen and peak memory of a terminal program, in a pseudo-terminal.

    scripts/first_screen.py --expect TEXT [--cols 120] [--rows 40] [--quit q] -- CMD [ARG...]

Spawns CMD in a pseudo-terminal of COLSxROWS (TERM=xterm-256color, a UTF-8 locale), reads
everything it writes, and watches for TEXT:

- escape sequences (CSI, OSC, DCS/APC/PM/SOS strings, charset selections and other
  two-byte escapes) and control characters are dropped, and so is every space: a screen
  library may draw a gap between words with a cursor move or an erase instead of spaces,
  and may cut a text into several runs with colour changes in between. TEXT is compared
  with its spaces removed too. `CSI n b` (repeat the last character) is honoured;
- the clock starts just before the fork and stops when TEXT has been written in full;
- then the quit key is sent, output is drained, and the child is reaped with wait4(2),
  whose rusage gives the child's own peak resident set size (ru_maxrss).

It answers the queries a terminal is expected to answer (cursor position `CSI 6n`, primary
device attributes `CSI c`, secondary `CSI > c`), so a program that asks does not stall
waiting for a reply.

Prints one JSON object on stdout:
  {"ok": true, "first_screen_s": 1.234, "max_rss_kb": 123456, "wall_s": 1.3, "exit": 0,
   "error": null}
On a failure (TEXT never appeared: timeout, the program exited, or it went over the memory
cap) "ok" is false, "error" says why, and the last screenful of stripped text is on stderr.
Exit status: 0 when TEXT appeared, 1 otherwise, 2 on a usage error. Standard library only.
"""

import argparse
import fcntl
import json
import os
import pty
import select
import signal
import struct
import sys
import termios
import time

GROUND, ESC, CSI, STRING, STRING_ESC, CHARSET = range(6)


class Stripper:
    """Turns a terminal byte stream into the printable text it draws, without spaces."""

    def __init__(self):
        self.state = GROUND
        self.params = bytearray()
        self.text = bytearray()
        self.last_char = b""
        self.pending_char = bytearray()  # an unfinished UTF-8 sequence
        self.replies = []  # answers owed to the program

    def _emit(self, b):
        if b < 0x80:
            self.pending_char.clear()
            if b != 0x20:
                self.text.append(b)
            self.last_char = bytes([b])
            return
        self.text.append(b)
        if b >= 0xC0:
            self.pending_char = bytearray([b])
        else:
            self.pending_char.append(b)
        self.last_char = bytes(self.pending_char)

    def _csi(self, final):
        p = bytes(self.params)
        if final == ord("n") and p == b"6":
            self.replies.append(b"\x1b[1;1R")
        elif final == ord("c") and p in (b"", b"0"):
            self.replies.append(b"\x1b[?62;22c")
        elif final == ord("c") and p in (b">", b">0"):
            self.replies.append(b"\x1b[>1;10;0c")
        elif final == ord("b") and self.last_char.strip():
            try:
                n = int(p or b"1")
            except ValueError:
                n = 0
            self.text += self.last_char * min(n, 1000)

    def feed(self, data):
        for b in data:
            st = self.state
            if st == GROUND:
                if b == 0x1B:
                    self.state = ESC
                elif b >= 0x20 and b != 0x7F:
                    self._emit(b)
                # other control characters (CR, LF, BS, TAB, BEL...) draw nothing
            elif st == ESC:
                if b == ord("["):
                    self.state = CSI
                    self.params.clear()
                elif b in (ord("]"), ord("P"), ord("X"), ord("^"), ord("_")):
                    self.state = STRING
                elif b in (ord("("), ord(")"), ord("*"), ord("+"), ord("#"), ord("%")):
                    self.state = CHARSET
                elif b == 0x1B:
                    self.state = ESC
                else:
                    self.state = GROUND
            elif st == CSI:
                if 0x40 <= b <= 0x7E:
                    self._csi(b)
                    self.state = GROUND
                elif b == 0x1B:
                    self.state = ESC
                else:
                    self.params.append(b)
            elif st == STRING:
                if b == 0x07:
                    self.state = GROUND
                elif b == 0x1B:
                    self.state = STRING_ESC
            elif st == STRING_ESC:
                self.state = GROUND if b == ord("\\") else STRING
            elif st == CHARSET:
                self.state = GROUND


def rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--expect", required=True, help="text whose appearance ends the timing")
    ap.add_argument("--cols", type=int, default=120)
    ap.add_argument("--rows", type=int, default=40)
    ap.add_argument("--quit", default="q", help="keys sent to quit (default q)")
    ap.add_argument("--timeout", type=float, default=900, help="seconds to wait for TEXT")
    ap.add_argument("--mem-cap-mb", type=int, default=0,
                    help="kill the program when its RSS goes over this (0: no cap)")
    ap.add_argument("--log", help="write the raw terminal output to this file")
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    cmd = args.cmd[1:] if args.cmd[:1] == ["--"] else args.cmd
    if not cmd:
        ap.error("no command given")
    needle = "".join(args.expect.split()).encode()
    if not needle:
        ap.error("--expect has no visible text")

    env = dict(os.environ, TERM="xterm-256color", COLUMNS=str(args.cols), LINES=str(args.rows))
    if "UTF-8" not in env.get("LC_ALL", env.get("LANG", "")).upper().replace("UTF8", "UTF-8"):
        env["LANG"] = env["LC_ALL"] = "C.UTF-8"
    winsize = struct.pack("HHHH", args.rows, args.cols, 0, 0)

    raw_log = open(args.log, "wb") if args.log else None
    t0 = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:  # the child: size its terminal, then become CMD
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, winsize)
            os.execvpe(cmd[0], cmd, env)
        except OSError as e:
            os.write(2, f"first_screen: cannot run {cmd[0]}: {e}\n".encode())
        os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, winsize)

    def stop(signum, _frame):  # never leave the program behind
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except OSError:
            pass
        sys.exit(128 + signum)

    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, stop)

    strip = Stripper()
    found_at = None
    error = None
    status = None
    rusage = None
    quit_sent_at = None
    signalled = []
    peak_polled = 0
    eof = False
    reaped_at = None

    def reap(flags):
        nonlocal status, rusage
        if status is not None:
            return True
        try:
            p, st, ru = os.wait4(pid, flags)
        except ChildProcessError:
            return True
        if p == pid:
            status, rusage = st, ru
            return True
        return False

    while True:
        now = time.monotonic()
        if not eof:
            try:
                ready, _, _ = select.select([fd], [], [], 0.02)
            except InterruptedError:
                ready = []
            if ready:
                try:
                    data = os.read(fd, 1 << 16)
                except OSError:  # EIO: the child closed its side of the terminal
                    data = b""
                if not data:
                    eof = True
                else:
                    if raw_log:
                        raw_log.write(data)
                    if found_at is None:
                        start = max(0, len(strip.text) - len(needle))
                        strip.feed(data)
                        for reply in strip.replies:
                            try:
                                os.write(fd, reply)
                            except OSError:
                                pass
                        strip.replies.clear()
                        if strip.text.find(needle, start) >= 0:
                            found_at = time.monotonic()
                            time.sleep(0.05)  # let it finish the frame and read keys
                            try:
                                os.write(fd, args.quit.encode())
                            except OSError:
                                pass
                            quit_sent_at = time.monotonic()
        else:
            time.sleep(0.02)
        if reap(os.WNOHANG):
            # Exited; drain what it wrote (briefly: a grandchild may hold the terminal).
            reaped_at = reaped_at or now
            if eof or now - reaped_at > 2:
                break
            continue
        peak_polled = max(peak_polled, rss_kb(pid))
        if found_at is None:
            if args.mem_cap_mb and peak_polled > args.mem_cap_mb * 1024:
                error = f"went over the memory cap of {args.mem_cap_mb} MB; killed"
            elif now - t0 > args.timeout:
                error = f"{args.expect!r} did not appear within {args.timeout:g} s; killed"
            if error:
                os.kill(pid, signal.SIGKILL)
                reap(0)
                break
        else:
            waited = now - quit_sent_at
            if waited > 60 and not signalled:
                error = "did not quit 60 s after the quit key; sent SIGTERM"
                os.kill(pid, signal.SIGTERM)
                signalled.append(now)
            elif signalled and now - signalled[0] > 10:
                os.kill(pid, signal.SIGKILL)
                reap(0)
                break
    if status is None:
        reap(0)
    end = time.monotonic()
    try:
        os.close(fd)
    except OSError:
        pass
    if raw_log:
        raw_log.close()

    if found_at is None and error is None:
        if os.WIFEXITED(status):
            error = f"exited with status {os.WEXITSTATUS(status)} before {args.expect!r} appeared"
        else:
            error = f"killed by signal {os.WTERMSIG(status)} before {args.expect!r} appeared"
    if found_at is None:
        tail = bytes(strip.text[-2000:]).decode("utf-8", "replace")
        print(f"first_screen: {error}\nlast text seen (spaces removed): {tail}", file=sys.stderr)

    max_rss = rusage.ru_maxrss if rusage is not None else 0
    result = {
        "ok": found_at is not None,
        "first_screen_s": round(found_at - t0, 4) if found_at is not None else None,
        "max_rss_kb": max(max_rss, peak_polled),
        "wall_s": round(end - t0, 4),
        "exit": os.WEXITSTATUS(status) if status is not None and os.WIFEXITED(status) else None,
        "error": error,
    }
    print(json.dumps(result))
    return 0 if found_at is not None else 1


if __name__ == "__main__":
    sys.exit(main())
