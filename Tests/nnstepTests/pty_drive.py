#!/usr/bin/env python3
"""Drives nnstep under a pseudo-terminal, as a person at a keyboard would.

Usage: pty_drive.py NNSTEP_BINARY HISTORY_FILE

Only the standard library (pty, os, select), so it runs where pexpect is not installed.
The environment (HOME, XDG_STATE_HOME, NO_COLOR, TERM) comes from the caller.
Exits 0 when every expectation holds; otherwise prints what was expected, and the
output seen since the last key, on stderr and exits 1.
"""
import fcntl
import os
import pty
import select
import struct
import sys
import termios
import time

PROMPT = b"nnstep> "
TIMEOUT = 10.0


class Terminal:
    """A child process on a pty, with the output read since the last key."""

    def __init__(self, argv):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execv(argv[0], argv)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.seen = b""
        self.transcript = b""

    def read_some(self, deadline):
        ready, _, _ = select.select([self.fd], [], [], max(0.0, deadline - time.time()))
        if not ready:
            return False
        try:
            data = os.read(self.fd, 4096)
        except OSError:  # EIO: the child closed the terminal
            data = b""
        if not data:
            raise EOFError
        self.seen += data
        self.transcript += data
        return True

    def expect(self, text, what):
        """Waits until `text` has appeared since the last key."""
        deadline = time.time() + TIMEOUT
        while text not in self.seen:
            try:
                if not self.read_some(deadline):
                    fail(f"{what}: timed out waiting for {text!r}", self)
            except EOFError:
                fail(f"{what}: the program ended before {text!r}", self)
        self.seen = self.seen[self.seen.index(text) + len(text):]

    def send(self, keys):
        self.seen = b""
        os.write(self.fd, keys)
        time.sleep(0.1)

    def wait_for_exit(self):
        deadline = time.time() + TIMEOUT
        try:
            while time.time() < deadline:
                self.read_some(deadline)
        except EOFError:
            pass
        _, status = os.waitpid(self.pid, 0)
        return status


def fail(message, terminal):
    sys.stderr.write(f"pty_drive: {message}\n--- output since the last key ---\n{terminal.seen!r}\n")
    sys.stderr.write(f"--- whole transcript ---\n{terminal.transcript!r}\n")
    try:
        os.kill(terminal.pid, 9)
    except OSError:
        pass
    sys.exit(1)


def main():
    binary, history_file = sys.argv[1], sys.argv[2]
    t = Terminal([binary])
    # The caller's startup file ($XDG_CONFIG_HOME/nnstep/init.nn) sets lr 0.3 before the first prompt.
    t.expect("learning rate η = 0.3".encode(), "the startup file runs before the first prompt")
    t.expect(PROMPT, "the first prompt")

    t.send(b"set lr \\\r")  # a line ending in a backslash goes on
    t.expect(b"...> ", "the continuation prompt")
    t.send(b"0.05   # a comment\r")
    t.expect("learning rate η = 0.05".encode(), "the continued line runs as one command")
    t.expect(PROMPT, "a prompt after the continued line")
    t.send(b"history\r")
    t.expect(b"set lr  0.05   # a comment", "history shows the joined line")
    t.expect(PROMPT, "a prompt after 'history'")

    t.send(b"sh\t")
    t.expect(b"ow", "TAB completes 'sh' to 'show'")
    t.send(b"\x15")  # Ctrl-U clears the line

    t.send(b"help\r")
    t.expect(PROMPT, "a prompt after 'help'")
    t.send(b"\x1b[A")  # Up
    t.expect(b"help", "Up recalls 'help'")
    t.send(b"\x15")

    t.send(b"abandonedtext")
    t.expect(b"abandonedtext", "the typed text echoes")
    t.send(b"\x03")  # Ctrl-C
    t.expect(b"^C", "Ctrl-C shows ^C")
    t.expect(PROMPT, "a new prompt after Ctrl-C")
    t.send(b"\x1b[A")  # Up: still 'help', the abandoned line was not entered
    t.expect(b"help", "Up after Ctrl-C recalls 'help'")
    t.send(b"\x15")

    t.send(b"\x04")  # Ctrl-D on an empty line
    status = t.wait_for_exit()
    if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
        fail(f"Ctrl-D should exit with status 0, got wait status {status}", t)

    with open(history_file, "rb") as f:
        history = f.read()
    if not history.startswith(b"_HiStOrY_V2_") or b"help" not in history:
        fail(f"the history file should hold 'help': {history!r}", t)
    if b"abandonedtext" in history:
        fail(f"the abandoned line reached the history: {history!r}", t)


if __name__ == "__main__":
    main()
