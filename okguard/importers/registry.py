"""Which importers exist, and picking one by content."""

from __future__ import annotations

from importlib import import_module

from okguard.domain.importing import ImportFailure
from okguard.i18n import Msg
from okguard.importers.base import Importer, SourceFile

# (module, class) in no particular order: detection is by score, not by position.
_IMPORTERS: tuple[tuple[str, str], ...] = (
    ("okguard.importers.alipay", "AlipayImporter"),
    ("okguard.importers.wechat", "WechatImporter"),
    ("okguard.importers.csv_generic", "CsvImporter"),
    ("okguard.importers.excel", "ExcelImporter"),
    ("okguard.importers.ofx", "OfxImporter"),
    ("okguard.importers.qif", "QifImporter"),
    ("okguard.importers.camt", "CamtImporter"),
    ("okguard.importers.mt940", "Mt940Importer"),
)

# Names the command line accepts for --format, mapped to an importer's format_id.
ALIASES = {
    "camt053": "camt",
    "camt052": "camt",
    "camt054": "camt",
    "mt942": "mt940",
    "qfx": "ofx",
    "xlsx": "excel",
    "xls": "excel",
    "tsv": "csv",
}


def all_importers() -> list[Importer]:
    found: list[Importer] = []
    for module_name, class_name in _IMPORTERS:
        module = import_module(module_name)
        found.append(getattr(module, class_name)())
    return found


def format_ids() -> list[str]:
    return sorted({imp.format_id for imp in all_importers()} | set(ALIASES))


def importer_for(format_id: str) -> Importer:
    wanted = ALIASES.get(format_id, format_id)
    for importer in all_importers():
        if importer.format_id == wanted:
            return importer
    raise ImportFailure(
        Msg(
            "Unknown format {format!r}; expected one of: {known}",
            format=format_id,
            known=", ".join(format_ids()),
        )
    )


def detect(source: SourceFile) -> Importer:
    """The importer that recognises ``source`` most confidently."""
    if source.size == 0:
        raise ImportFailure(Msg("The file is empty; expected a bank or e-wallet statement"))
    scored = [(importer.identify(source), importer) for importer in all_importers()]
    score, best = max(scored, key=lambda pair: pair[0])
    if score <= 0:
        raise ImportFailure(
            Msg(
                "This file is not a statement okguard can read; expected CSV, Excel, "
                "Alipay, WeChat Pay, OFX/QFX, QIF, CAMT or MT940"
            )
        )
    return best
