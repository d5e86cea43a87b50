#!/usr/bin/env python3
"""Drives 'epoch N --watch' under a pseudo-terminal: frames redraw in place, Space pauses
and resumes, q stops and keeps the updates.

Usage: pty_watch.py NNSTEP_BINARY
Exits 0 when every expectation holds; otherwise prints what went wrong on stderr, exit 1.
"""
import os
import re
import sys
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pty_drive import PROMPT, Terminal, fail  # noqa: E402

EPOCH = re.compile(rb"epoch (\d+) of 1000000 ")


def epochs_since(t, seconds):
    """The epoch counters drawn during the next `seconds`."""
    t.seen = b""
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            t.read_some(deadline)
        except EOFError:
            fail("the program ended during the live view", t)
    return [int(n) for n in EPOCH.findall(t.seen)]


def main():
    t = Terminal([sys.argv[1]])
    t.expect(PROMPT, "the first prompt")
    for line in ["net 2-8-1 act=tanh,sigmoid init=xavier seed=1", "data circles n=400", "set lr 0.01"]:
        t.send(line.encode() + b"\r")
        t.expect(PROMPT, line)
    t.send(b"epoch 1000000 --watch\r")
    running = epochs_since(t, 1.0)
    if len(running) < 3 or running != sorted(running) or running[0] == running[-1]:
        fail(f"frames should redraw with a growing epoch counter, saw {running}", t)
    if b"\x1b[" not in t.transcript or b"F" not in t.transcript:
        fail("a frame should move the cursor up over the last one", t)
    t.send(b" ")
    paused = epochs_since(t, 0.8)
    if b"paused: Space resumes" not in t.transcript:
        fail("Space should say the view is paused", t)
    still = epochs_since(t, 0.8)
    if still:
        fail(f"nothing should be drawn while paused, saw {still}", t)
    t.send(b" ")
    resumed = epochs_since(t, 0.8)
    if not resumed or resumed[-1] <= (paused or running)[-1]:
        fail(f"Space again should resume training, saw {resumed} after {paused or running}", t)
    t.send(b"q")
    t.expect(b"the updates made are kept", "q should stop the live view")
    t.expect(PROMPT, "the prompt after q")
    t.send(b"export json\r")
    t.expect(b'"steps": ', "export after q")
    t.expect(PROMPT, "the prompt after the export")
    t.send(b"\x04")
    status = t.wait_for_exit()
    if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
        fail(f"Ctrl-D should exit with status 0, got wait status {status}", t)
    kept = re.search(rb'"steps": (\d+)', t.transcript)
    if not kept or int(kept.group(1)) < 400 * max(resumed):
        fail(f"the updates made before q should be kept, export says {kept.group(0) if kept else None!r}", t)


if __name__ == "__main__":
    main()
