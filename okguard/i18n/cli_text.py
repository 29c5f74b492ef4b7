"""Plain translated text for places that need a str now (argparse help, labels)."""

from __future__ import annotations

from okguard.i18n.messages import translate


def tr(text: str) -> str:
    """The current language's version of an English UI string."""
    return translate(text)
