"""Which account a statement that names none goes into.

A file with an account number or a wallet layout names its account itself. A plain
CSV does not: the account that last took a file with the same header gets it (next
month's statement of the same bank lands where this month's did, so overlaps are
de-duplicated), else "Default account" while no other layout uses that name, else
the file's own name (a second bank's CSV is not mixed into the first bank's rows).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from okguard.domain.transaction import StatementAccount
from okguard.importers.tabular_headers import header_signature
from okguard.storage.database import Database
from okguard.storage.repos import settings

DEFAULT_NAME = "Default account"
WALLET_NAMES = {"alipay": "Alipay 支付宝", "wechat": "WeChat Pay 微信支付"}
_KEY = "import.account_by_header"  # header signature -> account name


def _remembered(db: Database) -> dict[str, str]:
    stored = settings.get_setting(db, _KEY, {})
    return {str(k): str(v) for k, v in stored.items()} if isinstance(stored, dict) else {}


def named_in_file(fmt: str, account: StatementAccount) -> str | None:
    """The account name a statement gives itself, if it gives one."""
    if account.name and account.key:
        return f"{account.name} {account.key}"
    if account.key:
        return f"{account.institution or fmt.upper()} {account.key}"
    if fmt in WALLET_NAMES:
        return WALLET_NAMES[fmt]
    return account.institution or account.name or None


def default_account_name(
    db: Database, fmt: str, header: Sequence[str], account: StatementAccount, file_name: str
) -> str:
    own = named_in_file(fmt, account)
    if own:
        return own
    if not header:
        return DEFAULT_NAME
    remembered = _remembered(db)
    signature = header_signature(list(header))
    if signature in remembered:
        return remembered[signature]
    if DEFAULT_NAME in remembered.values():
        return Path(file_name).stem or DEFAULT_NAME
    return DEFAULT_NAME


def remember_account(db: Database, header: Sequence[str], name: str) -> None:
    """The next file with this header goes into ``name`` unless told otherwise."""
    if not header or not name:
        return
    remembered = _remembered(db)
    signature = header_signature(list(header))
    if remembered.get(signature) != name:
        remembered[signature] = name
        settings.set_setting(db, _KEY, remembered)
