"""Timing and peak memory of a command in a child process (so imports and caches of
one measurement cannot help another)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    stdout: str


def run_python(code: str, *args: str) -> Run:
    """Run ``python -c code args`` and measure wall time and the child's peak RSS."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=False
    )
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"benchmark step failed:\n{proc.stderr}")
    # RUSAGE_CHILDREN gives the maximum over all children so far, so each step prints
    # its own peak (ru_maxrss, KiB on Linux) as its last line instead.
    peak_kb = float(proc.stdout.strip().splitlines()[-1])
    return Run(seconds, peak_kb / 1024, proc.stdout)


PEAK = "import resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
