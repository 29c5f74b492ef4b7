from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from okguard.domain.case import CaseType, Jurisdiction
from okguard.recovery import RulesError, load_rules, rules_for
from okguard.recovery.rule_types import ContactRole
from okguard.resources import resource_path

ALL = [(c, j) for j in Jurisdiction for c in CaseType]


@pytest.mark.parametrize(("case_type", "jurisdiction"), ALL)
def test_every_case_type_and_jurisdiction_has_rules(
    case_type: CaseType, jurisdiction: Jurisdiction
) -> None:
    bundle = rules_for(case_type, jurisdiction)
    assert bundle.urgent and bundle.steps and bundle.deadlines and bundle.contacts
    assert bundle.evidence and bundle.statements and bundle.legal_basis
    for item in (*bundle.urgent, *bundle.steps, *bundle.deadlines, *bundle.contacts):
        assert item.sources, item
        for sid in item.sources:
            bundle.source(sid)  # cited sources are in the bundle
    for text in [s.title for s in bundle.steps] + [e.label for e in bundle.evidence]:
        assert text.en and text.zh_CN and text.en != text.zh_CN
    assert bundle.disclaimer.en == "This is general information, not legal advice."
    assert "法律意见" in bundle.disclaimer.zh_CN


def test_unverified_research_stays_unverified() -> None:
    # The CN platform-support step rests on secondary sources only (research: verified false).
    bundle = rules_for(CaseType.WRONG_RECIPIENT, Jurisdiction.CN)
    step = next(s for s in bundle.steps if s.id == "cn_platform_support")
    assert step.verified is False
    assert bundle.source("general_knowledge").verified is False
    assert bundle.unverified


def test_alipay_and_wechat_overlays_put_their_own_support_first() -> None:
    alipay = rules_for(CaseType.WRONG_RECIPIENT, Jurisdiction.CN, "支付宝")
    wechat = rules_for(CaseType.WRONG_RECIPIENT, Jurisdiction.CN, "WeChat Pay")
    plain = rules_for(CaseType.WRONG_RECIPIENT, Jurisdiction.CN)
    assert alipay.provider == "alipay" and alipay.contacts[0].value.en.startswith("95188")
    assert wechat.contacts[0].value.en.startswith("95017")
    assert not any("95188" in c.value.en for c in plain.contacts)
    # The 24-hour unclaimed-transfer return is a WeChat rule, not a CN-wide one.
    assert any(d.period == 1 and d.duty == "provider" for d in wechat.deadlines)
    assert len(wechat.deadlines) == len(plain.deadlines) + 1


def test_card_overlay_adds_chargeback_route_and_deadline() -> None:
    card = rules_for(CaseType.DUPLICATE, Jurisdiction.US, "Visa credit card")
    assert card.provider == "card"
    assert card.steps[0].id == "card_dup_issuer"
    assert any(d.period == 120 for d in card.deadlines)
    assert any("12.6" in b.text.en for b in card.legal_basis)


def test_overlay_for_another_country_is_not_applied() -> None:
    assert rules_for(CaseType.SCAM, Jurisdiction.US, "Alipay").provider is None


def test_escalation_routes_exist_where_a_court_or_ombudsman_exists() -> None:
    cn = rules_for(CaseType.WRONG_RECIPIENT, Jurisdiction.CN)
    assert ContactRole.COURT in {c.role for c in cn.escalation}
    uk = rules_for(CaseType.WRONG_RECIPIENT, Jurisdiction.UK)
    assert ContactRole.OMBUDSMAN in {c.role for c in uk.escalation}


def test_contact_script_is_filled_per_case_type() -> None:
    bundle = rules_for(CaseType.SCAM, Jurisdiction.CN)
    police = next(c for c in bundle.contacts if c.role is ContactRole.POLICE)
    assert "报案" in police.say.zh_CN
    text = police.say.en.format(
        amount="¥1.00", date="d", payee="p", provider="x", transaction_ids="T1"
    )
    assert "T1" in text


def _copy_rules(tmp_path: Path) -> Path:
    target = tmp_path / "recovery"
    shutil.copytree(resource_path("recovery"), target)
    return target


def test_malformed_rule_names_file_and_key(tmp_path: Path) -> None:
    folder = _copy_rules(tmp_path)
    path = folder / "jurisdictions" / "uk.yaml"
    text = path.read_text(encoding="utf-8").replace("unit: business_days", "unit: fortnights", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RulesError) as err:
        load_rules(folder)
    assert (
        "uk.yaml" in str(err.value) and ".unit" in str(err.value) and "fortnights" in str(err.value)
    )


def test_unknown_source_id_is_refused(tmp_path: Path) -> None:
    folder = _copy_rules(tmp_path)
    path = folder / "jurisdictions" / "hk.yaml"
    text = path.read_text(encoding="utf-8").replace("- hk_adcc", "- hk_nowhere", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(
        RulesError, match=r"hk\.yaml: (case_types\..*)?sources: unknown source id 'hk_nowhere'"
    ):
        load_rules(folder)


def test_missing_translation_is_refused(tmp_path: Path) -> None:
    folder = _copy_rules(tmp_path)
    path = folder / "common.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "  zh_CN: 以上为一般性信息,不构成法律意见。\n", ""
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RulesError, match=r"common\.yaml: disclaimer: expected \{en"):
        load_rules(folder)
