#!/usr/bin/env python3
"""Times a reload as a user sees it (docs/performance.md, issue #11).

    pip install pyte
    python3 scripts/reload-timing.py target/release/roundtable BIG.ron

Starts the browser on a copy of BIG.ron in a pseudo-terminal (120x40) and times its first
frame; then saves the copy with a new title the way vim does (write a new file, rename it
over), presses `j` while it reloads, and times the answer to `j` and the new title.
"""
import os, subprocess, sys, time, select, fcntl, termios, struct, pyte, shutil
binary, src = sys.argv[1], sys.argv[2]
os.makedirs('/tmp/roundtable-reload', exist_ok=True)
path = '/tmp/roundtable-reload/f.ron'
shutil.copy(src, path)
W, H = 120, 40
m, s = os.openpty()
fcntl.ioctl(s, termios.TIOCSWINSZ, struct.pack('HHHH', H, W, 0, 0))
t0 = time.time()
p = subprocess.Popen([binary, path], stdin=s, stdout=s, stderr=s, start_new_session=True)
os.close(s)
screen = pyte.Screen(W, H); stream = pyte.ByteStream(screen)
def pump(timeout=0.01):
    r, _, _ = select.select([m], [], [], timeout)
    if r: stream.feed(os.read(m, 1 << 20))
def wait(pred, t=60):
    end = time.time() + t
    while not pred() and time.time() < end: pump()
    return pred()
wait(lambda: 'help' in screen.display[-1])
cold = time.time() - t0
print(f"cold start to first frame: {cold:.2f} s")
text = open(path).read()
new = text.replace('title: "', 'title: "RELOADED ', 1)
tmp = path + '.new'; open(tmp, 'w').write(new)
time.sleep(1)
t1 = time.time(); os.rename(tmp, path)
# while it reloads, press j and time the answer
time.sleep(0.3)
before = "\n".join(screen.display)
tk = time.time(); os.write(m, b'j')
wait(lambda: "\n".join(screen.display) != before, 5)
print(f"j answered during the reload in {(time.time()-tk)*1000:.0f} ms")
wait(lambda: 'RELOADED' in screen.display[0])
print(f"rename to new version on screen: {time.time()-t1:.2f} s")
os.write(m, b'q'); p.wait()
