"""An error in a slot is logged and the user is told, without a traceback on screen."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from okguard.ui.crash import install_crash_handler


def test_an_uncaught_error_is_logged_and_shown_once_per_kind(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("okguard.crashlog.user_log_dir", lambda *a, **k: str(tmp_path))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    parent = QWidget()
    qtbot.addWidget(parent)
    previous = install_crash_handler(parent)
    try:
        for _ in range(2):
            try:
                raise RuntimeError("boom in a slot")
            except RuntimeError as exc:
                sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook = previous
    log = (tmp_path / "crash.log").read_text(encoding="utf-8")
    assert log.count("RuntimeError: boom in a slot") == 2
    assert len(shown) == 1 and str(tmp_path / "crash.log") in shown[0]
    assert "Traceback" not in shown[0]
