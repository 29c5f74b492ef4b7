"""``lookalike_payee``: the wrong-recipient mistake. A rarely paid name that is a
near miss of an established payee (typo, homoglyph, same pinyin), an account one
digit off or with two digits swapped, or an established payee's name paid at an
account they were never paid at.

A name look-alike is high when the payment reads as one meant for the known payee
(a one-off, of an amount they are usually paid, to a name that never sent the user
money); otherwise medium: two real contacts can share a pinyin.

Each rarely paid name is compared only with established names that share its
homoglyph skeleton or pinyin (dictionary look-ups) or, for Latin-script typos,
with names of similar length through ``rapidfuzz.process.extract``: no all-pairs.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from okguard.detectors.amounts import payee_stats
from okguard.detectors.columns import DAY, Columns, IntArray
from okguard.detectors.names import (
    account_near_miss,
    has_cjk,
    match_normalised,
    pinyin_key,
    skeleton,
)
from okguard.detectors.report import make_anomaly, paid
from okguard.detectors.settings import DetectorSettings
from okguard.domain.anomaly import Anomaly, AnomalyKind, Severity
from okguard.i18n import Msg

_REASON = {"typo": "almost the same spelling", "homoglyph": "look-alike characters",
           "same_pinyin": "the same pinyin"}


def _established_since(cols: Columns, code: IntArray, min_payments: int) -> dict[int, int]:
    """Code (payee or account) -> time of its ``min_payments``-th payment."""
    pos = np.flatnonzero(cols.is_payment & (code >= 0))
    rows = cols.sorted_by(pos, code[pos])
    c = code[rows]
    change = np.ones(len(rows), dtype=np.bool_)
    change[1:] = c[1:] != c[:-1]
    start = np.maximum.accumulate(np.where(change, np.arange(len(rows)), 0))
    rank = np.arange(len(rows)) - start
    hit = rows[rank == min_payments - 1]
    return dict(zip(code[hit].tolist(), cols.ts[hit].tolist(), strict=True))


def _rows_by_code(cols: Columns, code: IntArray, wanted: set[int]) -> dict[int, list[int]]:
    pos = np.flatnonzero(cols.is_payment & np.isin(code, list(wanted)))
    out: dict[int, list[int]] = defaultdict(list)
    for p in pos.tolist():
        out[int(code[p])].append(p)
    return out


def _name_findings(cols: Columns, s: DetectorSettings, counts: IntArray,
                   known_since: dict[int, int]) -> list[Anomaly]:
    names = cols.payee_keys
    candidates = np.flatnonzero((counts > 0) & (counts <= s.lookalike_max_candidate_payments))
    rows = _rows_by_code(cols, cols.payee, set(candidates.tolist()))
    if not rows:
        return []  # no rarely paid name: nothing to compare (and no pinyin to load)
    # rapidfuzz loads in a tenth of a second: only for a scan that compares names.
    from rapidfuzz import fuzz, process

    by_skeleton: dict[str, list[int]] = defaultdict(list)
    by_pinyin: dict[str, list[int]] = defaultdict(list)
    by_length: dict[int, list[int]] = defaultdict(list)
    for k in known_since:
        by_skeleton[skeleton(names[k])].append(k)
        if has_cjk(names[k]):
            by_pinyin[pinyin_key(names[k])].append(k)
        else:
            by_length[len(names[k])].append(k)
    received = _first_received(cols)
    found: list[Anomaly] = []
    for cand, cand_rows in sorted(rows.items()):
        name, first_ts = names[cand], int(cols.ts[cand_rows[0]])
        pool = list(by_skeleton.get(skeleton(name), ()))
        if has_cjk(name):
            pool += by_pinyin.get(pinyin_key(name), [])
        elif len(name) >= s.lookalike_min_length:
            near = [k for n in range(len(name) - 2, len(name) + 3) for k in by_length.get(n, ())]
            hits = process.extract(name, {k: names[k] for k in near}, scorer=fuzz.ratio,
                                   score_cutoff=s.lookalike_typo_score - 5, limit=5)
            pool += [int(key) for _text, _score, key in hits]
        best: tuple[int, int, str] | None = None
        # Ties go to the name paid first, then the name itself: never to how names
        # happen to be numbered.
        for k in sorted(set(pool), key=lambda k: (known_since[k], names[k])):
            if k == cand or known_since[k] >= first_ts or counts[k] <= counts[cand]:
                continue
            match = match_normalised(name, names[k], typo_score=s.lookalike_typo_score,
                                     min_length=s.lookalike_min_length)
            if match and (best is None or (match.score, counts[k]) > (best[1], counts[best[0]])):
                best = (k, match.score, match.reason)
        if best is None:
            continue
        k, _score, reason = best
        first = cand_rows[0]
        known_name = _display_name(cols, k)
        msg = Msg("Paid {amount} to {payee}, which looks like {known} ({reason}), whom you "
                  "have paid {count} times", amount=paid(cols, first), payee=cols.payee_name(first),
                  known=known_name, reason=Msg(_REASON[reason]), count=int(counts[k]))
        severity = Severity.HIGH if _meant_for_known(cols, s, cand_rows, k, received) \
            else Severity.MEDIUM
        found.append(make_anomaly(cols, AnomalyKind.LOOKALIKE_PAYEE, severity, cand_rows,
                                  msg, detail="name"))
    return found


def _known_ranges(cols: Columns) -> dict[tuple[int, int], tuple[int, int]]:
    """(payee, currency) -> the 10th and 90th percentile of what they are paid."""
    rows, starts, _group = cols.payee_groups()
    stats = payee_stats(cols)
    heads = rows[starts]
    return {(int(p), int(c)): (int(lo), int(hi)) for p, c, lo, hi in zip(
        cols.payee[heads].tolist(), cols.cur[heads].tolist(), stats.p10.tolist(),
        stats.p90.tolist(), strict=True)}


def _first_received(cols: Columns) -> dict[int, int]:
    """Payee code -> when money first came in from that name."""
    pos = np.flatnonzero(~cols.is_out & (cols.payee >= 0))
    out: dict[int, int] = {}
    for p, t in zip(cols.payee[pos].tolist(), cols.ts[pos].tolist(), strict=True):
        if t < out.get(p, t + 1):
            out[p] = t
    return out


def _meant_for_known(cols: Columns, s: DetectorSettings, cand_rows: list[int], known: int,
                     received: dict[int, int]) -> bool:
    """Whether the look-alike payment reads as one meant for the known payee: a one-off
    (paid on one day only), from a name that never sent the user money, of an amount
    the known payee is usually paid. A cousin whose name sounds like a colleague's, given
    a red packet, is someone else; the landlord's rent to a near-miss name is not."""
    first = cand_rows[0]
    if int(cols.ts[cand_rows[-1]]) - int(cols.ts[first]) >= DAY:
        return False
    if received.get(int(cols.payee[first]), cols.last_ts + 1) < int(cols.ts[first]):
        return False
    ranges = cols.cache.get("lookalike_ranges")
    if ranges is None:
        ranges = cols.cache["lookalike_ranges"] = _known_ranges(cols)
    span = ranges.get((known, int(cols.cur[first])))
    if span is None:
        return False
    f = s.lookalike_amount_fit_factor
    value = int(cols.minor[first])
    return span[0] <= value * f and value <= span[1] * f


def _display_name(cols: Columns, payee_code: int) -> str:
    return cols.payee_name(cols.example_row(payee_code))


def _mask_keys(account: str) -> list[str]:
    return [account[:i] + "\0" + account[i + 1:] for i in range(len(account))]


def _account_findings(cols: Columns, s: DetectorSettings) -> tuple[list[Anomaly], set[int]]:
    """Near-miss accounts and known names at new accounts; also the rows reported."""
    accts = cols.acct_keys
    if not accts:
        return [], set()
    known_since = _established_since(cols, cols.acct, s.lookalike_min_known_payments)
    index: dict[str, list[int]] = defaultdict(list)
    for a in known_since:
        for key in _mask_keys(accts[a]):
            index[key].append(a)
    pos = np.flatnonzero(cols.is_payment & (cols.acct >= 0))
    rows = cols.sorted_by(pos, cols.acct[pos])
    first = np.ones(len(rows), dtype=np.bool_)
    first[1:] = cols.acct[rows][1:] != cols.acct[rows][:-1]
    found: list[Anomaly] = []
    reported: set[int] = set()
    # Each account's owner: the payee of its first payment.
    account_owner = dict(zip(cols.acct[rows[first]].tolist(), cols.payee[rows[first]].tolist(),
                             strict=True))
    for p in rows[first].tolist():
        a = int(cols.acct[p])
        text = accts[a]
        if "*" in text:  # a masked number says too little to be "one digit off"
            continue
        pool = {b for key in _mask_keys(text) for b in index.get(key, ())}
        # Two neighbours swapped: the mask key, at i, of the text with them swapped.
        pool |= {b for i in range(len(text) - 1)
                 for b in index.get(text[:i] + "\0" + text[i] + text[i + 2:], ())}
        for b in sorted(pool, key=accts.__getitem__):  # by number, not by code: stable
            near = account_near_miss(text, accts[b])
            if b == a or near is None or known_since[b] >= int(cols.ts[p]):
                continue
            owner = _display_name(cols, account_owner[b]) if account_owner.get(b, -1) >= 0 \
                else accts[b]
            template = ("Paid {amount} to account {account}, one digit away from {known_account}"
                        " of {known}" if near == "one_digit" else
                        "Paid {amount} to account {account}, {known_account} of {known} with two "
                        "digits swapped")
            found.append(make_anomaly(cols, AnomalyKind.LOOKALIKE_PAYEE, Severity.HIGH, [p],
                                      Msg(template, amount=paid(cols, p),
                                          account=cols.text("payee_account", p) or text,
                                          known_account=accts[b], known=owner),
                                      detail="account"))
            reported.add(p)
            break
    return found, reported


def _new_account_findings(cols: Columns, s: DetectorSettings, skip: set[int]) -> list[Anomaly]:
    """An established payee's name paid at an account never used for them."""
    pos = np.flatnonzero(cols.is_payment & (cols.acct >= 0) & (cols.payee >= 0))
    rows = cols.sorted_by(pos, cols.payee[pos])
    payee, acct = cols.payee[rows], cols.acct[rows]
    change = np.ones(len(rows), dtype=np.bool_)
    change[1:] = payee[1:] != payee[:-1]
    start = np.maximum.accumulate(np.where(change, np.arange(len(rows)), 0))
    rank = np.arange(len(rows)) - start  # payments to this payee before this one
    # First time each (payee, account) pair is used, in time order within the payee.
    pair_order = np.lexsort((np.arange(len(rows)), acct, payee))
    first_of_pair = np.ones(len(rows), dtype=np.bool_)
    sp, sa = payee[pair_order], acct[pair_order]
    first_of_pair[1:] = (sp[1:] != sp[:-1]) | (sa[1:] != sa[:-1])
    is_first = np.zeros(len(rows), dtype=np.bool_)
    is_first[pair_order[first_of_pair]] = True
    found: list[Anomaly] = []
    for k in np.flatnonzero(is_first & (rank >= s.lookalike_min_known_payments)).tolist():
        p = int(rows[k])
        if p in skip:
            continue
        before = acct[start[k]:k].tolist()
        # The account paid most often; on a tie the one paid first.
        usual = max(set(before), key=lambda a: (before.count(a), -before.index(a)))
        found.append(make_anomaly(
            cols, AnomalyKind.LOOKALIKE_PAYEE, Severity.HIGH, [p],
            Msg("Paid {amount} to {payee} at account {account}, but you have always paid "
                "them at {known_account}", amount=paid(cols, p), payee=cols.payee_name(p),
                account=cols.text("payee_account", p) or cols.acct_keys[int(acct[k])],
                known_account=cols.acct_keys[usual]), detail="new_account"))
    return found


def detect_lookalike_payees(cols: Columns, settings: DetectorSettings) -> list[Anomaly]:
    counts = cols.payment_counts()
    # Known: paid often enough by now, and first paid before the look-alike (the one
    # payment between its first and its later ones is still the odd one out).
    known_since = {k: t for k, t in _established_since(cols, cols.payee, 1).items()
                   if counts[k] >= settings.lookalike_min_known_payments}
    found = _name_findings(cols, settings, counts, known_since)
    by_account, reported = _account_findings(cols, settings)
    return found + by_account + _new_account_findings(cols, settings, reported)
