"""Payee names and account numbers: identity, near misses and scam wording.

Public API shared with check-before-paying (``okguard.guard.check``). Everything
here is pairwise and cheap; the detector in :mod:`lookalike_payee` adds blocking
so a whole history is never compared all-pairs.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

TYPO_SCORE = 90  # rapidfuzz ratio at or above which two Latin names are a typo apart
TYPO_MIN_LENGTH = 5  # shorter names differ by one letter too easily to mean anything
ACCOUNT_MIN_LENGTH = 6


@dataclass(frozen=True, slots=True)
class NameMatch:
    reason: str  # "typo" | "homoglyph" | "same_pinyin"
    score: int  # 0..100, how close


@lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """Payee identity: Unicode compatibility forms, case and spacing ignored
    (full-width ``ＡＢＣ`` == ``abc``; ``Wang  Fang`` == ``wang fang``)."""
    return " ".join(unicodedata.normalize("NFKC", name).split()).casefold()


# Characters that render (nearly) the same as a Latin letter in common fonts.
_CONFUSABLE = str.maketrans({
    "0": "o", "1": "l", "I": "l", "|": "l", "5": "s", "$": "s", "@": "a",
    # Cyrillic
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i",
    "ј": "j", "ѕ": "s", "ԁ": "d", "ɡ": "g", "һ": "h", "ӏ": "l", "к": "k", "т": "t",
    "в": "b", "м": "m", "н": "h",
    "А": "a", "В": "b", "Е": "e", "К": "k", "М": "m", "Н": "h", "О": "o", "Р": "p",
    "С": "c", "Т": "t", "Х": "x", "У": "y", "І": "l", "Ј": "j", "Ѕ": "s",
    # Greek
    "α": "a", "ο": "o", "ρ": "p", "ν": "v", "τ": "t", "ι": "i", "κ": "k",
    "Α": "a", "Β": "b", "Ε": "e", "Η": "h", "Ι": "l", "Κ": "k", "Μ": "m", "Ν": "n",
    "Ο": "o", "Ρ": "p", "Τ": "t", "Χ": "x", "Υ": "y", "Ζ": "z",
})


@lru_cache(maxsize=65536)
def skeleton(name: str) -> str:
    """What a name looks like on screen: ``Netf1ix`` and ``Netflix`` share one."""
    text = unicodedata.normalize("NFKC", name).translate(_CONFUSABLE)
    text = " ".join(text.split()).casefold()
    return text.replace("rn", "m").replace("vv", "w")


def has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" for ch in text)


@lru_cache(maxsize=65536)
def pinyin_key(name: str) -> str:
    """Toneless pinyin of a name (``王芳`` and ``王方`` are both ``wang fang``);
    empty for names without Chinese characters."""
    norm = normalise_name(name)
    if not has_cjk(norm):
        return ""
    # pypinyin loads its phrase tables (a fifth of a second) on import: only when needed.
    from pypinyin import Style, lazy_pinyin

    return " ".join(lazy_pinyin(norm, style=Style.NORMAL)).replace("  ", " ")


def _typo_key(norm: str) -> str:
    # Branch numbers ("7-Eleven 1234" vs "7-Eleven 1235") are different shops, not typos.
    return "".join(ch for ch in norm if not ch.isdigit()).strip()


def match_normalised(
    candidate: str, known: str, *, typo_score: int = TYPO_SCORE,
    min_length: int = TYPO_MIN_LENGTH,
) -> NameMatch | None:
    """:func:`lookalike` with the thresholds as parameters (used by the detector)."""
    a, b = normalise_name(candidate), normalise_name(known)
    if not a or not b or a == b:
        return None
    if skeleton(a) == skeleton(b) or skeleton(candidate) == skeleton(known):
        return NameMatch("homoglyph", 100)
    pa, pb = pinyin_key(a), pinyin_key(b)
    if pa and pa == pb:
        return NameMatch("same_pinyin", 95)
    if has_cjk(a) or has_cjk(b):
        # One different character in a two-character Chinese name is another person.
        return None
    ta, tb = _typo_key(a), _typo_key(b)
    if ta == tb or min(len(ta), len(tb)) < min_length:
        return None
    from rapidfuzz import fuzz  # imported here: most scans never compare two spellings

    score = int(fuzz.ratio(ta, tb))
    return NameMatch("typo", score) if score >= typo_score else None


def lookalike(candidate: str, known: str) -> NameMatch | None:
    """Whether ``candidate`` is a near miss of the ``known`` payee name: a typo
    (Latin script), a homoglyph (0/O, 1/l, Cyrillic letters) or the same pinyin with
    other characters. ``None`` for the same name or a genuinely different one."""
    return match_normalised(candidate, known)


def normalise_account(account: str) -> str:
    """Account numbers compare without spaces and dashes, case ignored."""
    return "".join(ch for ch in account if ch not in " -\t").casefold()


def account_near_miss(candidate: str, known: str) -> str | None:
    """``"one_digit"`` when one character differs, ``"transposed"`` when two
    neighbours are swapped, else ``None`` (also for equal numbers)."""
    a, b = normalise_account(candidate), normalise_account(known)
    if a == b or len(a) != len(b) or len(a) < ACCOUNT_MIN_LENGTH:
        return None
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    if len(diff) == 1:
        return "one_digit"
    if len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] \
            and a[diff[1]] == b[diff[0]]:
        return "transposed"
    return None


SCAM_PHRASES: tuple[str, ...] = (
    "安全账户", "安全帐户", "刷单", "保证金", "解冻", "退款专员", "理赔专员", "客服退款",
    "资金核查", "资金清查", "注销校园贷", "征信修复", "代还信用卡", "公检法", "冻结账户",
    "百万保障", "返利", "做任务", "激活账户", "验证资金",
    "safe account", "secure account", "refund agent", "gift card", "itunes card",
    "google play card", "steam card", "bitcoin atm", "unfreeze", "release fee",
    "verification fee", "clearance fee", "tax refund fee", "holding account",
)
# Phrases with everyday uses too — a rental deposit (保证金), cashback (返利), a
# birthday gift card — are worth a look, but high only with another sign of a scam.
WEAK_SCAM_PHRASES: frozenset[str] = frozenset({
    "保证金", "返利", "gift card", "itunes card", "google play card", "steam card",
})
_SCAM_RE = re.compile("|".join(re.escape(p) for p in sorted(SCAM_PHRASES, key=len,
                                                             reverse=True)))


@lru_cache(maxsize=65536)
def is_scam_wording(text: str) -> str | None:
    """The scam phrase found in ``text`` (a payee name or memo), or ``None``."""
    if not text:
        return None
    found = _SCAM_RE.search(normalise_name(text))
    return found.group(0) if found else None
