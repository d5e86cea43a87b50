#!/usr/bin/env python3
"""Drives 'step --walk' under a pseudo-terminal: Enter advances, q abandons, c finishes.

Usage: pty_walk.py NNSTEP_BINARY

Exits 0 when every expectation holds; otherwise prints what was expected and the output
seen since the last key on stderr and exits 1.
"""
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pty_drive import PROMPT, Terminal, fail  # noqa: E402


def command(t, line, *expected):
    t.send(line.encode() + b"\r")
    for text in expected:
        t.expect(text, f"after {line!r}")


def main():
    t = Terminal([sys.argv[1]])
    t.expect(PROMPT, "the first prompt")
    command(t, "net 2-2-1", PROMPT)
    command(t, "data students", PROMPT)

    command(t, "step --walk", b"[1/18] the sample", b"walk [2/18]> ")
    command(t, "", b"[2/18] z", b"walk [3/18]> ")
    command(t, "", b"[3/18] z", b"walk [4/18]> ")
    command(t, "q", b"walk abandoned", PROMPT)
    command(t, "export json", b'"steps": 0', b'"last_step": null', PROMPT)

    command(t, "walk", b"walk [2/18]> ")
    command(t, "c", b"[18/18] the moves", b"done", PROMPT)
    command(t, "export json", b'"steps": 1', b'"w2_11": -2757.84', PROMPT)

    t.send(b"\x04")  # Ctrl-D
    status = t.wait_for_exit()
    if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
        fail(f"Ctrl-D should exit with status 0, got wait status {status}", t)


if __name__ == "__main__":
    main()
