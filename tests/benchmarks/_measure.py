"""Timing and peak memory of a command in a child process (so imports and caches of
one measurement cannot help another)."""

from __future__ import annotations

import os
import resource
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
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=False
    )
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if proc.returncode != 0:
        raise RuntimeError(f"benchmark step failed:\n{proc.stderr}")
    # ru_maxrss of children is the max over all children so far: run the biggest last
    # or read the child's own figure, which each step prints as its last line.
    peak_kb = float(proc.stdout.strip().splitlines()[-1]) if proc.stdout.strip() else max(before, after)
    return Run(seconds, peak_kb / 1024, proc.stdout)


PEAK = "import resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
