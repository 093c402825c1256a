#!/usr/bin/env python3
"""Peak memory of the browser on a file, with keys pressed: the browser runs in a
pseudo-terminal of 120x40; the keys are sent one at a time, each after the screen settles;
`q` quits. Prints the time to the first frame and the peak resident memory (MiB) of the
browser, as the kernel counts it for a child (getrusage).

    python3 scripts/peak-memory.py target/release/roundtable big.ron v   # the statements view
    python3 scripts/peak-memory.py target/release/roundtable big.ron f   # the filter menu open
"""
import os, subprocess, sys, time, resource, select, fcntl, termios, struct
binary, path, keys = sys.argv[1], sys.argv[2], sys.argv[3]
m, s = os.openpty()
fcntl.ioctl(s, termios.TIOCSWINSZ, struct.pack('HHHH', 40, 120, 0, 0))
p = subprocess.Popen([binary, path], stdin=s, stdout=s, stderr=s, start_new_session=True)
os.close(s)
buf = b''
def wait(pat, t=120):
    global buf
    end = time.time() + t
    while pat not in buf and time.time() < end:
        r, _, _ = select.select([m], [], [], 0.5)
        if r:
            try: buf += os.read(m, 1 << 16)
            except OSError: break
    return pat in buf
t0 = time.time()
assert wait(b'help'), buf[-500:]
t1 = time.time()
for k in keys:
    buf = b''
    os.write(m, k.encode())
    wait(b'\x1b[?25l', 60)
    time.sleep(1.0)
if "f" in keys:
    os.write(m, b"\x1b"); time.sleep(1.0)
os.write(m, b"q")
p.wait()
print(f"first frame {t1-t0:.2f}s, peak {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024:.1f} MB, keys {keys!r}")
