"""Loading Qt translations and picking fonts for the chosen UI language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from okguard.i18n import set_default_lang
from okguard.resources import resource_path

LANGUAGES = ("en", "zh_CN")
CJK_FONTS = ("Noto Sans CJK SC", "WenQuanYi Micro Hei")
SETTING_KEY = "ui.lang"


def normalise_lang(lang: str | None) -> str | None:
    if not lang:
        return None
    lowered = lang.replace("-", "_").lower()
    if lowered.startswith("zh"):
        return "zh_CN"
    if lowered.startswith("en"):
        return "en"
    return None


def system_lang() -> str:
    return "zh_CN" if QLocale.system().name().lower().startswith("zh") else "en"


def app_qm_paths() -> list[str]:
    """One compiled catalog per area of the UI (okguard_, guard_, recovery_ ...)."""
    return [str(p) for p in sorted(resource_path("i18n").glob("*_zh_CN.qm"))]


class Translations:
    """Owns the installed translators; switching language re-installs them, which
    makes Qt send LanguageChange to every widget so pages retranslate themselves."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self._default_font = QApplication.font() if isinstance(app, QApplication) else None
        self.lang = "en"

    def apply(self, lang: str) -> None:
        lang = normalise_lang(lang) or "en"
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []
        if lang == "zh_CN":
            for path in app_qm_paths():
                own = QTranslator(self._app)
                if own.load(path):
                    self._installed.append(own)
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            qtbase = QTranslator(self._app)
            if qtbase.load("qtbase_zh_CN", qt_dir):
                self._installed.append(qtbase)
        for translator in self._installed:
            self._app.installTranslator(translator)
        # Qt posts LanguageChange to every widget; deliver it now so the switch is
        # complete when this returns (no half-translated window for a frame).
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.lang = lang
        set_default_lang(lang)
        self._apply_font(lang)

    def _apply_font(self, lang: str) -> None:
        if not isinstance(self._app, QApplication) or self._default_font is None:
            return
        font = QFont(self._default_font)
        if lang == "zh_CN":
            available = set(QFontDatabase.families())
            chosen = [f for f in CJK_FONTS if f in available]
            if chosen:
                font.setFamilies([*chosen, *self._default_font.families()])
        QApplication.setFont(font)
