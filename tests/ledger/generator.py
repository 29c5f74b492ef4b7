"""A deterministic personal history over several accounts, with labelled mistakes
(what the detectors must find) and traps (what they must not flag high).

``generate_ledger(seed, months)`` gives a few thousand rows; ``activity`` and
``merchants`` scale it up to a million rows and thousands of payees for timing.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from okguard.domain.money import Money
from okguard.domain.transaction import Direction, Transaction, TxStatus

BANK, ALIPAY, WECHAT, USD = 1, 2, 3, 4
ACCOUNT_NAMES = {
    BANK: "招商银行储蓄卡",
    ALIPAY: "支付宝",
    WECHAT: "微信支付",
    USD: "Chase Checking",
}
LANDLORD_ACCOUNT = "6222 0202 0000 1234"
MUM_ACCOUNT = "6217 8800 1234 5678"
START = date(2023, 1, 1)

GROCERIES = ("盒马鲜生", "永辉超市", "全家便利店", "罗森")
RESTAURANTS = ("海底捞", "西贝莜面村", "外婆家", "肯德基", "麦当劳", "Pizza Hut")
SHOPS = ("京东", "淘宝", "拼多多", "Apple Store")
US_SHOPS = ("Whole Foods", "Trader Joe's", "Uber", "Amazon", "Shell")


@dataclass(frozen=True, slots=True)
class Injected:
    kind: str  # an AnomalyKind value, or "trap:<what>" for a trap
    transaction_ids: tuple[int, ...]


@dataclass
class Ledger:
    transactions: list[Transaction]
    mistakes: list[Injected] = field(default_factory=list)
    traps: list[Injected] = field(default_factory=list)


@dataclass
class _Row:
    when: datetime
    account: int
    amount: str  # signed major units
    payee: str
    currency: str = "CNY"
    status: TxStatus = TxStatus.BOOKED
    payee_account: str | None = None
    memo: str = ""
    category: str = ""
    funding: str = ""
    tag: str = ""  # names a mistake or trap row
    link_tag: str = ""  # tag of the row on the other account


def _money(rng: random.Random, low: int, high: int) -> str:
    return f"{rng.randint(low * 100, high * 100) / 100:.2f}"


def _everyday(rng: random.Random, months: int, activity: float, merchants: int) -> list[_Row]:
    rows: list[_Row] = []
    extra = [f"商户{i:05d}" for i in range(merchants)]
    days = (
        (START.replace(year=START.year + (months // 12), month=1 + months % 12) - START).days
        if months % 12
        else (START.replace(year=START.year + months // 12) - START).days
    )
    for d in range(days):
        day = START + timedelta(days=d)
        at = datetime(day.year, day.month, day.day)
        workday = day.weekday() < 5
        if workday:  # commute: the same fare morning and evening
            fare = "-4.00" if rng.random() < 0.7 else "-5.00"
            rows.append(
                _Row(
                    at.replace(hour=8, minute=rng.randint(0, 40)),
                    WECHAT,
                    fare,
                    "上海地铁",
                    category="交通",
                )
            )
            rows.append(
                _Row(
                    at.replace(hour=18, minute=rng.randint(0, 50)),
                    WECHAT,
                    fare,
                    "上海地铁",
                    category="交通",
                )
            )
        if rng.random() < 0.5:
            rows.append(
                _Row(
                    at.replace(hour=9, minute=rng.randint(0, 59)),
                    WECHAT,
                    "-19.90",
                    "瑞幸咖啡",
                    category="餐饮",
                )
            )
        for _ in range(max(1, round(activity))):
            if rng.random() < 0.35:
                rows.append(
                    _Row(
                        at.replace(hour=rng.randint(17, 20), minute=rng.randint(0, 59)),
                        ALIPAY,
                        "-" + _money(rng, 25, 380),
                        rng.choice(GROCERIES),
                        category="日用",
                    )
                )
            if rng.random() < 0.2:
                rows.append(
                    _Row(
                        at.replace(hour=rng.randint(11, 21), minute=rng.randint(0, 59)),
                        rng.choice((ALIPAY, WECHAT)),
                        "-" + _money(rng, 30, 420),
                        rng.choice(RESTAURANTS),
                        category="餐饮",
                    )
                )
            if rng.random() < 0.12:
                rows.append(
                    _Row(
                        at.replace(hour=rng.randint(10, 23), minute=rng.randint(0, 59)),
                        ALIPAY,
                        "-" + _money(rng, 15, 1200),
                        rng.choice(SHOPS),
                        category="购物",
                    )
                )
            if rng.random() < 0.15:
                rows.append(
                    _Row(
                        at.replace(hour=rng.randint(9, 21), minute=rng.randint(0, 59)),
                        USD,
                        "-" + _money(rng, 6, 140),
                        rng.choice(US_SHOPS),
                        currency="USD",
                        category="shopping",
                    )
                )
            if extra and rng.random() < 0.9:
                for _ in range(6):
                    rows.append(
                        _Row(
                            at.replace(hour=rng.randint(8, 21), minute=rng.randint(0, 59)),
                            rng.choice((ALIPAY, WECHAT)),
                            "-" + _money(rng, 5, 300),
                            rng.choice(extra),
                            category="购物",
                        )
                    )
        if day.day == 1:
            rows.append(
                _Row(
                    at.replace(hour=3),
                    USD,
                    "-15.49",
                    "Netflix",
                    currency="USD",
                    category="subscription",
                )
            )
        if day.day == 3:
            rows.append(
                _Row(
                    at.replace(hour=4),
                    USD,
                    "-10.99",
                    "Spotify",
                    currency="USD",
                    category="subscription",
                )
            )
        if day.day == 5:
            rows.append(
                _Row(
                    at.replace(hour=9, minute=12),
                    BANK,
                    "-5500.00",
                    "王芳",
                    payee_account=LANDLORD_ACCOUNT,
                    memo="房租",
                    category="住房",
                    tag=f"trap:rent:{day.isoformat()}",
                )
            )
        if day.day == 10:
            rows.append(
                _Row(
                    at.replace(hour=10),
                    BANK,
                    "18000.00",
                    "上海某某科技有限公司",
                    memo="工资",
                    category="工资",
                    tag=f"trap:salary:{day.isoformat()}",
                )
            )
        if day.day == 12:
            rows.append(_Row(at.replace(hour=20), ALIPAY, "-128.00", "中国移动", category="通讯"))
        if day.day == 15:
            rows.append(
                _Row(
                    at.replace(hour=19),
                    ALIPAY,
                    "-" + _money(rng, 60, 320),
                    "国家电网",
                    category="水电",
                )
            )
        if day.day == 20:
            rows.append(
                _Row(
                    at.replace(hour=21),
                    BANK,
                    "-2000.00",
                    "妈妈",
                    payee_account=MUM_ACCOUNT,
                    category="家人",
                )
            )
    return rows


def _traps(rng: random.Random, months: int) -> list[_Row]:
    base = datetime(START.year, START.month, 1) + timedelta(days=30 * min(months - 2, 7))
    buy = base + timedelta(days=8, hours=14)
    return [
        # two identical coffees hours apart on a Saturday (no commute that day)
        _Row(base + timedelta(days=2, hours=9), WECHAT, "-19.90", "瑞幸咖啡", tag="trap:coffee"),
        _Row(base + timedelta(days=2, hours=15), WECHAT, "-19.90", "瑞幸咖啡", tag="trap:coffee"),
        # an ordinary purchase refunded: the original marked refunded, the refund arrives
        _Row(buy, ALIPAY, "-356.00", "淘宝", status=TxStatus.REFUNDED, tag="trap:refund"),
        _Row(
            buy + timedelta(days=3), ALIPAY, "356.00", "淘宝", memo="退款-连衣裙", tag="trap:refund"
        ),
        # the same purchase bought again two days later on purpose
        _Row(base + timedelta(days=12, hours=20), ALIPAY, "-299.00", "京东", tag="trap:same"),
        _Row(base + timedelta(days=14, hours=21), ALIPAY, "-299.00", "京东", tag="trap:same"),
    ]


def _mistakes(months: int) -> list[_Row]:
    def month(m: int, day: int, hour: int, minute: int = 0) -> datetime:
        m = min(m, months - 1)
        return datetime(START.year + m // 12, 1 + m % 12, day, hour, minute)

    return [
        _Row(
            month(7, 5, 9, 14),
            BANK,
            "-5500.00",
            "王芳",
            payee_account=LANDLORD_ACCOUNT,
            memo="房租",
            tag="duplicate",
        ),
        _Row(month(8, 12, 20, 30), ALIPAY, "-1280.00", "中国移动", tag="amount_shift"),
        _Row(
            month(9, 6, 10),
            BANK,
            "-5500.00",
            "王方",
            payee_account="6222 0202 0000 9876",
            memo="房租",
            tag="lookalike_payee:name",
        ),
        _Row(
            month(10, 6, 11),
            BANK,
            "-5500.00",
            "王芳",
            payee_account="6228 4800 5555 0001",
            memo="房租",
            tag="lookalike_payee:account",
        ),
        _Row(
            month(11, 2, 3),
            USD,
            "-15.49",
            "Netf1ix",
            currency="USD",
            tag="lookalike_payee:homoglyph",
        ),
        _Row(
            month(12, 17, 23, 40),
            BANK,
            "-20000.00",
            "陈建国",
            payee_account="6230 1111 2222 3333",
            memo="转入安全账户",
            tag="scam_pattern:night",
        ),
        _Row(
            month(12, 18, 0, 10),
            BANK,
            "-30000.00",
            "刘志强",
            payee_account="6230 4444 5555 6666",
            memo="转入安全账户",
            tag="scam_pattern:night",
        ),
        _Row(
            month(12, 18, 0, 45),
            BANK,
            "-50000.00",
            "赵海燕",
            payee_account="6230 7777 8888 9999",
            memo="安全账户 资金核查",
            tag="scam_pattern:night",
        ),
        _Row(
            month(13, 8, 14), ALIPAY, "3000.00", "淘宝客服", memo="退款", tag="scam_pattern:refund"
        ),
        _Row(
            month(13, 8, 17),
            BANK,
            "-2800.00",
            "周明",
            payee_account="6212 2600 1000 2000",
            tag="scam_pattern:refund",
        ),
        _Row(
            month(14, 9, 12),
            WECHAT,
            "-899.00",
            "苏宁易购",
            status=TxStatus.FAILED,
            funding="招商银行储蓄卡(1234)",
            tag="system_error:failed",
            link_tag="bank-debit",
        ),
        _Row(
            month(14, 9, 12, 1),
            BANK,
            "-899.00",
            "财付通-苏宁易购",
            tag="system_error:failed",
            link_tag="wechat-failed",
        ),
        _Row(
            month(15, 20, 14, 20),
            BANK,
            "-15000.00",
            "孙丽华装修",
            payee_account="6217 0000 3333 4444",
            tag="new_payee",
        ),
        _Row(month(16, 21, 13), ALIPAY, "-3600.00", "盒马鲜生", tag="amount_outlier"),
    ]


def _stuck(end: datetime) -> _Row:
    return _Row(
        end - timedelta(days=20),
        ALIPAY,
        "-459.00",
        "京东",
        status=TxStatus.PENDING,
        tag="system_error:pending",
    )


def generate_ledger(
    seed: int = 0,
    months: int = 18,
    *,
    activity: float = 1.0,
    merchants: int = 0,
    inject: bool = True,
) -> Ledger:
    rng = random.Random(seed)
    rows = _everyday(rng, months, activity, merchants)
    rows += _traps(rng, months)
    if inject:
        rows += _mistakes(months)
        # Spotify costs more from month 15 on; the first dearer payment is the finding.
        jump = datetime(START.year + (months - 3) // 12, 1 + (months - 3) % 12, 1)
        dearer = [i for i, r in enumerate(rows) if r.payee == "Spotify" and r.when > jump]
        for n, i in enumerate(dearer):
            rows[i] = replace(rows[i], amount="-12.99", tag="" if n else "recurring_change")
        rows.append(_stuck(max(r.when for r in rows)))
    rows.sort(key=lambda r: (r.when, r.account, r.payee))
    ids = {id(r): i for i, r in enumerate(rows, start=1)}
    by_link = {
        r.tag + "|" + ("wechat-failed" if r.account == WECHAT else "bank-debit"): ids[id(r)]
        for r in rows
        if r.link_tag
    }
    txs: list[Transaction] = []
    for r in rows:
        money = Money.of(r.amount, r.currency)
        link = by_link.get(r.tag + "|" + r.link_tag) if r.link_tag else None
        txs.append(
            Transaction(
                id=ids[id(r)],
                account_id=r.account,
                account_name=ACCOUNT_NAMES[r.account],
                occurred_at=r.when,
                has_time=True,
                amount=money,
                payee=r.payee,
                payee_account=r.payee_account,
                memo=r.memo,
                reference=f"R{ids[id(r)]:08d}",
                status=r.status,
                direction=Direction.OUT if money.minor < 0 else Direction.IN,
                kind="",
                category=r.category,
                funding=r.funding,
                link_id=link,
            )
        )
    ledger = Ledger(txs)
    groups: dict[str, list[int]] = {}
    for r in rows:
        if r.tag:
            groups.setdefault(r.tag, []).append(ids[id(r)])
    for tag, tx_ids in groups.items():
        if tag.startswith("trap:"):
            ledger.traps.append(Injected(tag, tuple(tx_ids)))
        else:
            ledger.mistakes.append(Injected(tag.split(":")[0], tuple(tx_ids)))
    _add_structural_traps(ledger)
    return ledger


def _add_structural_traps(ledger: Ledger) -> None:
    """Metro rides of the same fare on one day, found in the generated history."""
    by_day: dict[tuple[date, int], list[int]] = {}
    for t in ledger.transactions:
        if t.payee == "上海地铁":
            by_day.setdefault((t.occurred_at.date(), t.amount.minor), []).append(t.id)
    pairs = [ids for ids in by_day.values() if len(ids) == 2]
    for ids in pairs[:: max(1, len(pairs) // 20)]:
        ledger.traps.append(Injected("trap:metro", tuple(ids)))
