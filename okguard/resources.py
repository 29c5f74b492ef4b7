"""One resolver for bundled resources: source checkout, installed wheel, frozen bundle."""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def resources_root() -> Path:
    here = Path(__file__).resolve().parent
    candidates = [
        here / "_resources",  # installed wheel (hatch force-include)
        here.parent / "resources",  # source checkout / editable install
    ]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.insert(0, Path(frozen) / "resources")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("okguard resources folder not found; the installation is incomplete")


def resource_path(*parts: str) -> Path:
    return resources_root().joinpath(*parts)
