"""Shared fixtures. Qt runs offscreen; samples are read from ../shared/samples."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests must never touch the user's real data folder or keychain.
os.environ.setdefault("OKGUARD_NO_KEYRING", "1")

REPO = Path(__file__).resolve().parents[1]


def samples_dir() -> Path | None:
    explicit = os.environ.get("OKGUARD_SAMPLES")
    candidate = Path(explicit) if explicit else REPO.parent / "shared" / "samples"
    return candidate if candidate.is_dir() else None


@pytest.fixture(scope="session")
def samples() -> Path:
    """The public sample statements; the test is skipped (with a reason) when absent."""
    found = samples_dir()
    if found is None:
        pytest.skip("public sample statements (../shared/samples) are not present")
    return found


def sample_files(*subdirs: str) -> list[Path]:
    """Sample files for parametrising at collection time; empty when samples are absent."""
    root = samples_dir()
    if root is None:
        return []
    files: list[Path] = []
    for sub in subdirs:
        folder = root / sub
        if folder.is_dir():
            files.extend(
                sorted(p for p in folder.iterdir() if p.is_file() and p.name != "SOURCES.md")
            )
    return files


@pytest.fixture(autouse=True)
def _english_by_default() -> object:
    """``--lang`` and the Settings page change a process-wide default; one test's
    choice must not leak into the next."""
    from okguard.i18n import set_default_lang

    set_default_lang("en")
    yield
    set_default_lang("en")
