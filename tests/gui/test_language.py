"""Switching to Simplified Chinese live, remembering it, and the compiled translations."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from okguard.app import resolve_lang
from okguard.resources import resource_path
from okguard.storage.repos import settings
from okguard.ui.nav import Section

# One .ts per area of the UI (okguard_, guard_, recovery_ ...), each compiled to a .qm.
TS_FILES = sorted(resource_path("i18n").glob("*_zh_CN.ts"))
UI_SOURCES = sorted((Path(__file__).resolve().parents[2] / "okguard" / "ui").rglob("*.py"))


def test_switching_to_chinese_relabels_navigation_and_pages(window_for, filled_db, qtbot):
    window = window_for(filled_db)
    combo = window.settings.language
    combo.setCurrentIndex(combo.findData("zh_CN"))
    labels = [window.nav.item(int(s)).text() for s in Section]
    assert labels == ["总览", "交易", "警示（2）", "限额与提醒", "案件", "导入", "设置"]
    assert window.transactions.title.text() == "交易"
    assert window.transactions.mark_button.text() == "标记为已核对"
    assert window.settings.title.text() == "设置"
    assert window.flags.tree.topLevelItem(0).text(0) == "高 (1)"
    assert window.importer.choose_button.text() == "选择文件…"
    # Money and dates in the table follow the language too.
    assert window.transactions.model.lang == "zh_CN"
    assert settings.get_setting(filled_db, "ui.lang") == "zh_CN"
    # Qt's own strings come from qtbase_zh_CN.
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().startswith("取消")

    combo.setCurrentIndex(combo.findData("en"))
    assert window.nav.item(int(Section.TRANSACTIONS)).text() == "Transactions"
    assert window.transactions.title.text() == "Transactions"
    assert settings.get_setting(filled_db, "ui.lang") == "en"


def test_empty_dashboard_first_step_in_chinese(window_for, empty_db):
    window = window_for(empty_db)
    window.ctx.set_lang("zh_CN")
    assert window.dashboard.first_text.text().startswith("还没有交易。导入一份账单")


def test_command_line_language_wins_over_the_stored_one():
    assert resolve_lang("en", "zh_CN", "en") == "en"
    assert resolve_lang(None, "zh_CN", "en") == "zh_CN"
    assert resolve_lang("zh", None, "en") == "zh_CN"
    assert resolve_lang(None, None, "zh_CN") == "zh_CN"


def _messages(ts: Path) -> list[ET.Element]:
    return list(ET.parse(ts).getroot().iter("message"))


def _translated(message: ET.Element) -> bool:
    translation = message.find("translation")
    return (
        translation is not None
        and translation.get("type") not in ("unfinished", "obsolete", "vanished")
        and bool((translation.text or "").strip() or translation.findall("numerusform"))
    )


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_string_has_a_chinese_translation(ts: Path) -> None:
    messages = _messages(ts)
    assert messages
    assert [m.findtext("source") for m in messages if not _translated(m)] == []


def test_every_tr_call_in_the_ui_is_in_a_translation_file(tmp_path: Path) -> None:
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    scanned = tmp_path / "scan.ts"
    subprocess.run(
        [str(lupdate), *map(str, UI_SOURCES), "-ts", str(scanned)],
        check=True, capture_output=True, timeout=120,
    )
    have = {
        (ctx.findtext("name"), m.findtext("source"))
        for ts in TS_FILES
        for ctx in ET.parse(ts).getroot().iter("context")
        for m in ctx.iter("message")
        if _translated(m)
    }
    wanted = {
        (ctx.findtext("name"), m.findtext("source"))
        for ctx in ET.parse(scanned).getroot().iter("context")
        for m in ctx.iter("message")
    }
    assert sorted(wanted - have, key=str) == [], "run pyside6-lupdate and translate"


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_compiled_qm_is_up_to_date(ts: Path, tmp_path: Path) -> None:
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    fresh = tmp_path / "fresh.qm"
    subprocess.run(
        [str(lrelease), str(ts), "-qm", str(fresh)], check=True, capture_output=True, timeout=60
    )
    stale = f"run pyside6-lrelease on {ts.name}"
    assert fresh.read_bytes() == ts.with_suffix(".qm").read_bytes(), stale
