"""What happens every month: salary, rent, bills, subscriptions, family, top-ups."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from okguard.demo.history import Draft
from okguard.demo.story import ALIPAY, BANK, CARD_FUNDING, CHASE, WECHAT, Plan, Story
from okguard.domain.anomaly import AnomalyKind
from okguard.domain.money import Money
from okguard.domain.transaction import Direction, StatementAccount

EMPLOYER = "深圳某某科技有限公司"
EMPLOYER_ACCOUNT = "755912345610801"
LANDLORD = "王芳"
LANDLORD_ACCOUNT = "6222020200001234"
RENT = Money(450_000, "CNY")
MOM = "李秀英"
MOM_ACCOUNT = "6217003260001357246"
PHONE_BILL = Money(-12_800, "CNY")


def monthly_routine(story: Story, plan: Plan) -> None:
    for month in story.months():
        _salary(story, month)
        _rent(story, month, plan)
        _bills(story, month, plan)
        _family_and_top_ups(story, month)
        _subscriptions(story, month, plan)
        _quarterly_interest(story, month)


def _on(story: Story, month: date, day: int) -> date | None:
    when = month.replace(day=day)
    return when if story.in_window(when) else None


def _salary(story: Story, month: date) -> None:
    if day := _on(story, month, 10):
        paid = story.moment(day, "10:00", "11:30")
        story.book.add(
            Draft(
                account=BANK.key,
                at=paid,
                amount=Money(1_850_000, "CNY"),
                payee=EMPLOYER,
                payee_account=EMPLOYER_ACCOUNT,
                kind="代发工资",
                memo=f"工资 {month:%Y年%m月}",
                reference=story.ids.bank(paid),
                category="工资",
            ),
        )
    if day := _on(story, month, 28):
        paid = story.moment(day, "06:00", "07:00")
        story.book.add(
            Draft(
                account=CHASE.key,
                at=paid,
                amount=Money(240_000, "USD"),
                payee="ACME Corp",
                kind="ACH_CREDIT",
                memo="ACME Corp PAYROLL PPD ID: 9111111111",
                reference=story.ids.card(paid),
                category="Income",
            )
        )


def _rent_row(
    story: Story,
    day: date,
    *,
    at: str = "09:00",
    payee: str = LANDLORD,
    account: str = LANDLORD_ACCOUNT,
) -> Draft:
    when = story.moment(day, at, at)
    when += timedelta(seconds=story.rng.randint(0, 900))
    return story.book.add(
        Draft(
            account=BANK.key,
            at=when,
            amount=-RENT,
            payee=payee,
            payee_account=account,
            kind="转账汇款",
            memo=f"房租 {day:%Y年%m月}",
            reference=story.ids.bank(when),
            category="住房",
        ),
    )


def _rent(story: Story, month: date, plan: Plan) -> None:
    day = _on(story, month, 1)
    if day is None:
        return
    if month == plan.lookalike_month:
        # Picked 王方 from the recent-payee list by mistake, noticed the next day.
        wrong = _rent_row(story, day, payee="王方", account="6222020200001243")
        story.book.plant(AnomalyKind.LOOKALIKE_PAYEE, wrong)
        if (next_day := day + timedelta(days=1)) <= story.end:
            _rent_row(story, next_day, at="20:00")
        return
    first = _rent_row(story, day)
    if month == plan.double_rent_month:
        # Pressed "pay" again because the banking app seemed to hang: a new payment.
        again_at = first.at + timedelta(seconds=story.rng.randint(60, 110))
        again = story.book.add(replace(first, at=again_at, reference=story.ids.bank(again_at)))
        story.book.plant(AnomalyKind.DUPLICATE, first, again)


def _bills(story: Story, month: date, plan: Plan) -> None:
    if day := _on(story, month, 5):
        amount = PHONE_BILL
        if month == plan.phone_shift_month:
            amount = Money(PHONE_BILL.minor * 10, "CNY")
        phone = story.book.add(
            Draft(
                account=BANK.key,
                at=story.moment(day, "02:00", "04:00"),
                amount=amount,
                payee="中国移动",
                payee_account="10086",
                kind="代扣",
                memo=f"话费 {month:%Y%m} 套餐费",
                category="通讯",
            ),
        )
        if month == plan.phone_shift_month:
            story.book.plant(AnomalyKind.AMOUNT_SHIFT, phone)
    if day := _on(story, month, 15):
        # Summer air-conditioning shows on the power bill.
        hi = "420" if month.month in (6, 7, 8, 9) else "210"
        story.book.add(
            Draft(
                account=BANK.key,
                at=story.moment(day, "03:00", "05:00"),
                amount=story.price("CNY", "95", hi, step=1),
                payee="国家电网",
                payee_account="0302118877",
                kind="代扣",
                memo="电费 深圳供电局",
                category="水电",
            ),
        )
    if day := _on(story, month, 18):
        story.book.add(
            Draft(
                account=BANK.key,
                at=story.moment(day, "03:00", "05:00"),
                amount=story.price("CNY", "38", "96", step=1),
                payee="深圳水务",
                payee_account="7700451236",
                kind="代扣",
                memo="水费",
                category="水电",
            ),
        )


def _family_and_top_ups(story: Story, month: date) -> None:
    if day := _on(story, month, 6):
        when = story.moment(day, "19:00", "22:00")
        story.book.add(
            Draft(
                account=BANK.key,
                at=when,
                amount=Money(-200_000, "CNY"),
                payee=MOM,
                payee_account=MOM_ACCOUNT,
                kind="转账汇款",
                memo="给妈妈的生活费",
                reference=story.ids.bank(when),
                category="家人",
            ),
        )
    if day := _on(story, month, 11):
        _top_up(story, ALIPAY, story.moment(day, "12:00", "13:00"), Money(300_000, "CNY"))
        _top_up(story, WECHAT, story.moment(day, "21:00", "22:00"), Money(150_000, "CNY"))


def _top_up(story: Story, wallet: StatementAccount, when: datetime, amount: Money) -> None:
    alipay = wallet is ALIPAY
    card = story.book.add(
        Draft(
            account=BANK.key,
            at=when,
            amount=-amount,
            payee="支付宝-余额充值" if alipay else "财付通-微信零钱充值",
            kind="快捷支付",
            memo="充值",
        ),
    )
    pot = story.book.add(
        Draft(
            account=ALIPAY.key if alipay else WECHAT.key,
            at=when + timedelta(seconds=1),
            amount=amount,
            payee="余额充值" if alipay else "零钱充值",
            kind="充值",
            memo="充值-余额" if alipay else "零钱充值",
            reference=story.ids.alipay_transfer(when) if alipay else story.ids.wechat(when),
            direction=Direction.NEUTRAL,
            funding=CARD_FUNDING,
        )
    )
    story.book.pair(card, pot)


def _subscriptions(story: Story, month: date, plan: Plan) -> None:
    if day := _on(story, month, 3):
        story.wallet_payment(
            ALIPAY,
            story.moment(day, "04:00", "05:00"),
            Money(-600, "CNY"),
            "iCloud",
            kind="商品",
            category="数码电器",
            memo="iCloud+ 50GB 自动续费",
        )
    if day := _on(story, month, 8):
        story.wallet_payment(
            WECHAT,
            story.moment(day, "00:10", "01:00"),
            Money(-3_000, "CNY"),
            "腾讯视频VIP",
            kind="商户消费",
            category="娱乐",
            memo="腾讯视频VIP会员 连续包月",
        )
    if day := _on(story, month, 22):
        story.wallet_payment(
            ALIPAY,
            story.moment(day, "00:10", "01:00"),
            Money(-2_500, "CNY"),
            "爱奇艺",
            kind="商品",
            category="娱乐",
            memo="爱奇艺黄金VIP会员 自动续费",
        )
    if day := _on(story, month, 12):
        netflix = Money(-1_799 if month >= plan.price_rise_from else -1_549, "USD")
        row = story.book.add(
            Draft(
                account=CHASE.key,
                at=story.moment(day, "07:00", "08:00"),
                amount=netflix,
                payee="Netflix",
                kind="DEBIT",
                memo="NETFLIX.COM LOS GATOS CA",
                category="Entertainment",
            )
        )
        if month == plan.price_rise_from:
            story.book.plant(AnomalyKind.RECURRING_CHANGE, row)
    if day := _on(story, month, 20):
        story.book.add(
            Draft(
                account=CHASE.key,
                at=story.moment(day, "07:00", "08:00"),
                amount=Money(-1_199, "USD"),
                payee="Spotify",
                kind="DEBIT",
                memo="Spotify USA New York NY",
                category="Entertainment",
            )
        )


def _quarterly_interest(story: Story, month: date) -> None:
    if month.month in (3, 6, 9, 12) and (day := _on(story, month, 21)):
        story.book.add(
            Draft(
                account=BANK.key,
                at=story.moment(day, "01:00", "01:30"),
                amount=Money(story.rng.randint(800, 2_600), "CNY"),
                payee="招商银行",
                kind="结息",
                memo="活期结息",
                category="利息",
            ),
        )
