"""Header auto-mapping: column names in English, Chinese, German, French and
Spanish -> the roles okguard needs (date, amount, payee ...)."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from okguard.importers.tabular_values import clean

ROLES = (
    "date",
    "date_fallback",
    "time",
    "datetime",
    "timezone",
    "amount",
    "debit",
    "credit",
    "direction",
    "currency",
    "payee",
    "payee_fallback",
    "payee_account",
    "memo",
    "reference",
    "counterpart_ref",
    "status",
    "type",
    "category",
    "funding",
    "balance",
    "account",
    "ignore",
)
# Roles that may take several columns (joined in order).
MULTI_ROLES = frozenset({"memo", "ignore", "balance"})

_A: dict[str, tuple[tuple[str, int], ...]] = {}


def _add(role: str, score: int, names: str) -> None:
    """Register ``|``-separated header names for ``role``."""
    for name in names.split("|"):
        key = normalise(name)
        _A[key] = (*_A.get(key, ()), (role, score))


def normalise(name: object) -> str:
    text = unicodedata.normalize("NFKC", clean(name)).lower()
    for ch in " _\t\"'：:.#*":
        text = text.replace(ch, "")
    return text


_add("datetime", 100, "交易时间|交易创建时间|创建时间|付款时间|datetime|timestamp|date/time")
# Revolut-style exports: the payment starts, then completes (empty while pending).
_add("datetime", 95, "started date|start date|date started")
_add("date", 95, "completed date|date completed|completion date")
_add("time", 60, "交易时间")
_add(
    "date",
    100,
    "date|交易日期|交易日|成交日期|交收日期|transaction date|trans date|"
    "transactiondate|buchungstag|buchung|buchungsdatum|datum|"
    "date opération|date operation|fecha|fecha operación|"
    "fecha operacion|transaction_date|日期",
)
_add(
    "date",
    90,
    "记账日期|记账日|入账日期|booking date|date posted|posted date|"
    "posting date|post date|fecha contable",
)
_add(
    "date_fallback",
    80,
    "记账日期|记账日|入账日期|银行记账日|posting date|post date|date posted|"
    "value date|valutadate|valuta|valutadatum|wertstellung|wert|"
    "date de valeur|fecha valor|value_date",
)
_add("time", 100, "time|记账时间|成交时间|uhrzeit|heure|hora")
_add("timezone", 100, "timezone|time zone|时区")
_add(
    "amount",
    100,
    "amount|金额|金额(元)|交易金额|发生额|发生金额|人民币金额|清算金额|结算金额|入账币种/金额|记账金额|"
    "betrag|umsatz|betrag(eur)|montant|importe|monto|"
    "billing amount|transaction amount|net|amount(eur)|"
    "amount(usd)",
)
_add("amount", 105, "结算金额|记账金额|入账币种/金额")
_add("amount", 70, "交易币种/金额|gross|成交金额")
_add(
    "ignore",
    60,
    "资金状态|交易币种/金额|交易地金额|amount currency|original amount|"
    "originalamount|original_amount|gross|fee|成交金额|交易金额(收入)|"
    "交易金额(支出)",
)
_add(
    "debit",
    100,
    "debit|debit amount|withdrawal|withdrawals|paid out|money out|"
    "soll|ausgang|débit|debe|cargo|支出|支出金额|借方|借方金额|记账金额(支出)",
)
_add("debit", 80, "交易金额(支出)")
_add(
    "credit",
    100,
    "credit|credit amount|deposit|deposits|paid in|money in|haben|"
    "eingang|crédit|haber|abono|收入|收入金额|存入|贷方|贷方金额|记账金额(收入)",
)
_add("credit", 80, "交易金额(收入)")
_add(
    "direction",
    100,
    "收/支|收支|收/支类型|d/c|dc|credit/debit|debit/credit|cr/dr|dr/cr|"
    "soll/haben|s/h|借贷标志|借贷|收支类型|sens",
)
_add(
    "currency",
    100,
    "currency|ccy|currency code|währung|waehrung|devise|moneda|"
    "divisa|币种|币别|货币|记账币种|结算币种|billing currency",
)
_add("currency", 60, "交易币种")
_add(
    "payee",
    100,
    "payee|name|beneficiary|counterparty|partner name|merchant|"
    "merchant name|merchantname|auftraggeber/empfänger|"
    "name zahlungsbeteiligter|beguenstigter/zahlungspflichtiger|"
    "begünstigter/zahlungspflichtiger|empfänger|zahlungsempfänger|"
    "bénéficiaire|tiers|beneficiario|交易对方|对方户名|对方账户名|对方名称|收款人|"
    "对手信息|证券名称|商户名称|对方|payee name|counterparty name|"
    "收款方|收款方名称|收款人名称|收款人姓名|收款单位|交易对手|对手方|商户|商家|"
    "recipient|recipient name|payee/payer|counter party",
)
_add("payee_fallback", 70, "交易场所|交易地点")
_add(
    "payee_account",
    100,
    "对方账号|对方卡号/账号|对方账户|对方卡号|bank account|counterparty account|"
    "iban zahlungsbeteiligter|kontonummer/iban|payee account|"
    "payee_account|iban",
)
_add(
    "memo",
    100,
    "memo|description|narrative|remarks|note|notes|"
    "purpose|verwendungszweck|libellé|libelle|remarque|concepto|"
    "descripción|descripcion|摘要|交易摘要|商品说明|商品|商品名称|交易描述|交易说明|附言|"
    "交易附言|用途|备注|客户摘要|item title|label|item1|item2",
)
_add("memo", 50, "buchungstext")
# "Details" is the description at some banks and only DEBIT/CREDIT at others (Chase):
# never preferred over a "Description" column as the payee.
_add("memo", 60, "details|detail")
_add(
    "reference",
    100,
    "reference|transaction id|transactionid|reference number|ref|"
    "id|交易单号|交易订单号|交易号|流水号|日志号|成交号|operation number|交易流水号|"
    "reference1|参考号",
)
_add("counterpart_ref", 100, "商户单号|商家订单号|商户订单号|reference txn id|reference2|合同号")
_add("status", 100, "status|state|statetype|transaction status|交易状态|当前状态|状态|info")
_add(
    "type",
    100,
    "type|transaction type|umsatzart|交易类型|业务名称|操作|交易名称|类型|"
    "type de transaction|tipo|交易渠道|渠道",
)
_add("type", 60, "buchungstext")
_add("category", 100, "category|kategorie|catégorie|categoría|交易分类|分类")
_add("funding", 100, "收/付款方式|支付方式|付款方式|funding source|payment method")
_add(
    "balance",
    100,
    "balance|saldo|余额|本次余额|联机余额|saldo nach buchung|solde|资金本次余额|running balance",
)
_add(
    "account",
    100,
    "iban auftragskonto|auftragskonto|account_number|"
    "account number|card|卡号|卡号后四位|借记卡号|卡末四位|卡号末四位|资金账号|"
    "first bank card|account",
)

# Roles in order of how much a header row needs them to be a header at all.
_WEIGHT = {"date": 5, "datetime": 5, "amount": 5, "debit": 3, "credit": 3, "direction": 2}


@dataclass
class HeaderMap:
    roles: dict[str, int] = field(default_factory=dict)  # role -> column index
    memo: list[int] = field(default_factory=list)  # extra memo columns, in order
    describes: int | None = None  # the memo column most likely to name the payee
    score: int = 0

    @property
    def has_date(self) -> bool:
        return "date" in self.roles or "datetime" in self.roles

    @property
    def has_amount(self) -> bool:
        return "amount" in self.roles or "debit" in self.roles or "credit" in self.roles

    @property
    def complete(self) -> bool:
        return self.has_date and self.has_amount


def _candidates(name: str) -> tuple[tuple[str, int], ...]:
    found = _A.get(name)
    if found:
        return found
    # A few shapes that vary too much to list: 金额(收入), Betrag (EUR) ...
    if "收入" in name and "金额" in name:
        return (("credit", 70),)
    if "支出" in name and "金额" in name:
        return (("debit", 70),)
    if name.startswith(("betrag", "amount", "montant", "importe")):
        return (("amount", 70),)
    if name.endswith(("date", "datum", "日期")):
        return (("date_fallback", 40),)
    return ()


def map_header(header: Sequence[object]) -> HeaderMap:
    """Assign each role its best column; each column serves one role."""
    names = [normalise(h) for h in header]
    offers = [
        (score, role, col)
        for col, name in enumerate(names)
        if name
        for role, score in _candidates(name)
    ]
    # Highest score first; among equals, the leftmost column.
    offers.sort(key=lambda o: (-o[0], o[2]))
    result = HeaderMap()
    used: set[int] = set()
    for _score, role, col in offers:
        if col in used:
            continue
        if role in MULTI_ROLES:
            if role == "memo":
                result.memo.append(col)
                if result.describes is None:  # offers come best first
                    result.describes = col
            used.add(col)
            continue
        if role in result.roles:
            continue
        result.roles[role] = col
        used.add(col)
        result.score += _WEIGHT.get(role, 1)
    result.memo.sort()
    if result.memo:
        result.roles["memo"] = result.memo[0]
    return result


def header_signature(header: list[str]) -> str:
    """Stable id of a header (case, spacing and padding ignored) for saved profiles."""
    names = [normalise(h) for h in header]
    while names and not names[-1]:
        names.pop()
    return hashlib.sha256("\x1f".join(names).encode("utf-8")).hexdigest()[:32]
