from __future__ import annotations

from datetime import datetime

import pytest

from okguard.domain.case import CaseType, ContactDetails, Jurisdiction, TransactionRef
from okguard.domain.money import Money
from okguard.recovery.wizard import WizardState, start_wizard


@pytest.fixture
def cn_tx() -> TransactionRef:
    return TransactionRef(
        id=11,
        occurred_at=datetime(2024, 2, 8, 21, 14),
        amount=Money.of("-5500.00", "CNY"),
        payee="张三",
        reference="2024020822001400001234567890",
        account_name="招商银行储蓄卡",
        payee_account="6222021234561234",
    )


@pytest.fixture
def cn_state(cn_tx: TransactionRef) -> WizardState:
    state = start_wizard(
        CaseType.WRONG_RECIPIENT,
        Jurisdiction.CN,
        opened_at=datetime(2024, 2, 9, 9, 0),
        provider="Alipay",
        transactions=[cn_tx],
        contact=ContactDetails(
            name="李四",
            address="上海市浦东新区XX路1号",
            phone="13800000000",
            email="li@example.com",
            account_number="6222029876544321",
            id_last4="1234",
        ),
    )
    first = state.case.evidence[0].key
    return state.tick_evidence(first)
