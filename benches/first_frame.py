#!/usr/bin/env python3
"""Time from process start to the reader's first frame, and to the library on screen.

Runs the real binary in a pseudo-terminal (as a user would), RUNS times, and prints the median
and range of: the first frame (the status line's mode is drawn), the documents listed
("Documents (N)" with N > 0), and the search ready (the key hints replace "Indexing…"). Made for the bundled library
(it looks for S/RES/1 in the list).

    python3 benches/first_frame.py [BINARY] [RUNS]

PLENARY_CACHE_DIR is taken from the environment: point it at a folder a previous run filled
for a warm start. With COLD=1 the folder is emptied before every run, so every run parses and
indexes the library (and starts writing the caches, until it is stopped).
"""

import fcntl
import os
import pty
import re
import select
import shutil
import statistics
import struct
import sys
import termios
import time

BINARY = sys.argv[1] if len(sys.argv) > 1 else "target/release/plenary"
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 20
TIMEOUT = 10.0

# Matched on the output with escape sequences removed (cells are often placed by cursor moves).
ESCAPE = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")
FIRST_FRAME = re.compile(rb"LIST")
# Drawing sends only changed cells, so look for a row the empty first frame cannot have.
LISTED = re.compile(rb"S/RES/1 ?\(1946\)")
# The key hints replace the loading progress once the indexes are in.
READY = re.compile(rb"quit")


def run_once():
    cache = os.environ.get("PLENARY_CACHE_DIR")
    if os.environ.get("COLD") == "1" and cache:
        shutil.rmtree(cache, ignore_errors=True)
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        # A new pty is 0x0: give it a size before the reader asks.
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        os.execv(BINARY, [BINARY])
    seen = {}
    data = b""
    deadline = start + TIMEOUT
    try:
        while time.perf_counter() < deadline and len(seen) < 3:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            data += chunk
            now = time.perf_counter() - start
            text = ESCAPE.sub(b"", data)
            for name, pattern in (("frame", FIRST_FRAME), ("listed", LISTED), ("ready", READY)):
                if name not in seen and pattern.search(text):
                    seen[name] = now
    finally:
        os.write(fd, b"q")
        time.sleep(0.05)
        try:
            os.kill(pid, 9)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
        os.close(fd)
    return seen


def main():
    results = {"frame": [], "listed": [], "ready": []}
    for _ in range(RUNS):
        seen = run_once()
        for name in results:
            if name in seen:
                results[name].append(seen[name] * 1000)
    for name, times in results.items():
        if times:
            print(
                f"{name:7} median {statistics.median(times):6.1f} ms"
                f"  min {min(times):6.1f}  max {max(times):6.1f}  ({len(times)}/{RUNS} runs)"
            )
        else:
            print(f"{name:7} never seen")


if __name__ == "__main__":
    main()
