"""A Shanghai office worker on a China Merchants Bank card, Alipay and WeChat Pay:
rent and money home by bank transfer, 花呗 repaid from the card, card-funded wallet
payments that show on both statements, metro rides several times a day, 美团 lunches,
red packets, AA splits, round phone top-ups, refunds and 不计收支 moves."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal

from okguard.domain.limits import Limit, LimitScope
from okguard.domain.money import Money
from okguard.domain.transaction import Direction, TxStatus
from tests.ledger.varied_base import Account, Life, Row, d

LANDLORD = ("王建华", "6222 0210 0112 3456")
MUM = ("李秀英", "6217 8800 1234 5678")
CARD = "招商银行储蓄卡(1234)"
COLLEAGUES = ("张伟", "刘洋", "陈静", "赵磊", "孙悦")
RELATIVES = ("二姨", "小舅", "表妹", "大伯", "堂哥")
SHOPS = ("优衣库官方旗舰店", "小米官方旗舰店", "三只松鼠旗舰店", "名创优品", "得力文具旗舰店")
SMALL = ("张记面馆", "老王水果店", "沙县小吃", "全家FamilyMart", "罗森便利店")
SPRING = date(2024, 2, 9)  # 除夕


def cn_life(seed: int, months: int = 14) -> Life:
    life = Life("cn", seed, date(2023, 5, 1), months)
    bank = life.account("6214830100001234", "招商银行储蓄卡", "CNY", "csv", "招商银行")
    ali = life.account("138****5678", "支付宝", "CNY", "alipay", "Alipay")
    wx = life.account("", "微信支付", "CNY", "wechat", "WeChat Pay")
    _ordinary(life, bank, ali, wx)
    _spring_festival(life, wx, bank)
    _wallet_traps(life, bank, ali, wx)
    _inject(life, seed, bank, ali, wx)
    return life


def _alipay(life: Life, when: datetime, ali: Account, bank: Account, amount: Decimal | str,
            payee: str, category: str, memo: str = "", card_share: float = 0.3) -> Row:
    by_card = life.chance(card_share)
    row = life.add(when, ali, amount, payee, memo=memo or payee, category=category,
                   funding=CARD if by_card else "余额宝")
    if by_card:
        life.card_funded(row, bank, f"支付宝-{payee}")
    return row


def _wechat(life: Life, when: datetime, wx: Account, bank: Account, amount: Decimal | str,
            payee: str, kind: str, memo: str = "/", card_share: float = 0.2, **kw: object) -> Row:
    by_card = life.chance(card_share)
    row = life.add(when, wx, amount, payee, memo=memo, kind=kind,
                   funding=CARD if by_card else "零钱", **kw)
    if by_card:
        life.card_funded(row, bank, f"财付通-{payee}")
    return row


def _ordinary(life: Life, bank: Account, ali: Account, wx: Account) -> None:
    rng = life.rng
    topup_next = life.start + timedelta(days=rng.randint(0, 20))
    for day in life.days():
        wd = day.weekday()
        holiday = SPRING - timedelta(days=2) <= day <= SPRING + timedelta(days=6)
        if day.day == 10:
            life.add(life.at(day, 10), bank, "15800.00", "上海某某科技有限公司", memo="代发工资",
                     kind="代发工资")
            huabei = life.money(600, 3800)
            row = life.add(life.at(day, 11), ali, huabei, "花呗", memo="花呗主动还款",
                           category="信用借还", funding=CARD, direction=Direction.NEUTRAL)
            life.card_funded(row, bank, "支付宝-花呗还款").amount = -huabei
        if day.day == 5:
            rent = life.add(life.at(day, 9, rng.randint(0, 40)), bank, "-4800.00", LANDLORD[0],
                            payee_account=LANDLORD[1], memo="房租", kind="转账汇款")
            life.trap("monthly rent", rent)
        if day.day == 20:
            life.add(life.at(day, 21), bank, "-2000.00", MUM[0], payee_account=MUM[1],
                     memo="生活费", kind="转账汇款")
        if day.day == 15 and day.month % 3 == 1:
            life.add(life.at(day, 19), bank, "-690.00", "万科物业", memo="物业费", kind="代扣")
        if day.day == 16:
            _alipay(life, life.at(day, 19), ali, bank, -life.money(55, 320), "国家电网",
                    "充值缴费", memo="电费")
        if day.day == 8:
            # auto-renewal charges the one method it was signed up with
            _alipay(life, life.at(day, 2), ali, bank, "-25.00", "爱奇艺", "文化休闲",
                    memo="爱奇艺VIP连续包月", card_share=0)
        if day >= topup_next:
            _alipay(life, life.at(day, rng.randint(9, 22)), ali, bank,
                    rng.choice(("-100.00", "-100.00", "-50.00", "-200.00")), "中国移动",
                    "充值缴费", memo="话费充值")
            topup_next = day + timedelta(days=rng.randint(20, 45))
        if holiday:
            continue
        if wd < 5:  # metro: 2 to 4 rides a weekday, fares repeat
            for k in range(rng.choice((2, 2, 3, 4))):
                fare = rng.choice(("-4.00", "-4.00", "-5.00", "-3.00"))
                when = life.at(day, (8, 18, 13, 21)[k], rng.randint(0, 50))
                row = life.add(when, wx, fare, "上海地铁", memo="乘车码", kind="商户消费",
                               funding="零钱")
                if life.chance(0.03):  # paid a friend's ride too
                    again = life.add(when + timedelta(seconds=30), wx, fare, "上海地铁",
                                     memo="乘车码", kind="商户消费", funding="零钱")
                    life.trap("a friend's metro fare", row, again)
            if life.chance(0.6):
                _wechat(life, life.at(day, 9), wx, bank,
                        rng.choice(("-9.90", "-13.90", "-19.90")), "瑞幸咖啡", "商户消费")
            if life.chance(0.55):
                _wechat(life, life.at(day, 12, rng.randint(0, 20)), wx, bank,
                        rng.choice(("-25.80", "-25.80", "-32.50")) if life.chance(0.5)
                        else -life.money(18, 60), "美团外卖", "商户消费", memo="美团订单")
            if life.chance(0.12):  # AA lunch with colleagues
                who = rng.choice(COLLEAGUES)
                life.add(life.at(day, 13), wx, -life.money(20, 80), who, memo="AA午饭",
                         kind="转账", funding="零钱")
        if life.chance(0.35):
            _alipay(life, life.at(day, rng.randint(17, 21)), ali, bank, -life.money(30, 350),
                    "盒马鲜生", "日用百货")
        if life.chance(0.2):
            _alipay(life, life.at(day, rng.randint(8, 23)), ali, bank, -life.money(12, 68),
                    "滴滴出行", "交通出行")
        if life.chance(0.15):
            _alipay(life, life.at(day, rng.randint(10, 23)), ali, bank, -life.money(19, 600),
                    rng.choice(SHOPS), "服饰装扮")
        if life.chance(0.25):
            _wechat(life, life.at(day, rng.randint(7, 21)), wx, bank, -life.money(6, 45),
                    rng.choice(SMALL), "扫二维码付款")
        if life.chance(0.04):  # a friend's birthday, or a thank-you
            who = rng.choice(COLLEAGUES)
            life.add(life.at(day, rng.randint(10, 22)), wx, rng.choice(("-66.00", "-88.00",
                                                                        "-52.00")), who,
                     memo="/", kind="微信红包", funding="零钱")
        if life.chance(0.06):
            life.add(life.at(day, rng.randint(10, 22)), wx, life.money(20, 120),
                     rng.choice(COLLEAGUES), kind="转账", memo="AA")
        if day.day == 1:  # the wallet's idle money into 余额宝 and back: 不计收支
            life.add(life.at(day, 3), ali, "1000.00", "余额宝", memo="余额宝-转入",
                     category="投资理财", direction=Direction.NEUTRAL)


def _spring_festival(life: Life, wx: Account, bank: Account) -> None:
    """Red packets of the same amount to several relatives, a bigger gift home, and
    a cousin whose name sounds like a colleague's."""
    eve = datetime(SPRING.year, SPRING.month, SPRING.day, 20, 5)
    if not life.start <= SPRING < life.end:
        return
    packets = [life.add(eve + timedelta(minutes=3 * k), wx, "-200.00", who, kind="微信红包",
                        memo="/", funding="零钱") for k, who in enumerate(RELATIVES[:4])]
    life.trap("the same red packet to several relatives", *packets)
    children = ("侄子", "外甥女", "小侄女")
    gifts = [life.add(eve + timedelta(hours=1, minutes=7 * k), wx, "-600.00", who, kind="转账",
                      memo="压岁钱", funding="零钱") for k, who in enumerate(children)]
    life.trap("New Year money to three children within the hour", *gifts)
    late = life.add(eve + timedelta(hours=4, minutes=12), wx, "-1000.00", "干女儿", kind="转账",
                    memo="压岁钱", funding="零钱")
    life.trap("New Year money after midnight", late)
    home = life.add(eve - timedelta(hours=30), bank, "-5000.00", MUM[0], payee_account=MUM[1],
                    memo="过年", kind="转账汇款")
    life.trap("extra money home for the New Year", home)
    cousin = life.add(eve + timedelta(minutes=30), wx, "-200.00", "张薇", kind="微信红包",
                      memo="/", funding="零钱")
    life.trap("a cousin whose name sounds like a colleague's", cousin)


def _wallet_traps(life: Life, bank: Account, ali: Account, wx: Account) -> None:
    # refunded, then bought again in another size at the same price
    when = life.in_month(4, 11, 20)
    buy = _alipay(life, when, ali, bank, "-299.00", "优衣库官方旗舰店", "服饰装扮", card_share=0)
    buy.status = TxStatus.REFUNDED
    back = life.add(when + timedelta(days=3), ali, "299.00", "优衣库官方旗舰店",
                    memo="退款-男装羽绒服", category="退款", direction=Direction.NEUTRAL)
    again = _alipay(life, when + timedelta(days=3, minutes=20), ali, bank, "-299.00",
                    "优衣库官方旗舰店", "服饰装扮", card_share=0)
    life.trap("refunded, then bought again", buy, back, again)
    # an order closed after a refund to the card: the card shows the debit and the refund
    when = life.in_month(6, 2, 0, 13)
    closed = life.add(when, ali, "-109.90", "dettol滴露官方旗舰店", memo="滴露消毒液",
                      category="日用百货", funding=CARD, status=TxStatus.CLOSED)
    debit = life.add(when, bank, "-109.90", "支付宝-dettol滴露官方旗舰店", kind="快捷支付")
    refund = life.add(when + timedelta(hours=2), bank, "109.90", "支付宝-退款",
                      memo="dettol滴露官方旗舰店", kind="退款")
    life.trap("order closed after its refund", closed, debit, refund)
    # orders left unpaid: closed, no money moved
    for k in range(3):
        life.add(life.in_month(2 + 3 * k, 9, 22), ali, -life.money(20, 200), SHOPS[k],
                 memo="未付款订单", category="服饰装扮", status=TxStatus.CLOSED)


def _inject(life: Life, seed: int, bank: Account, ali: Account, wx: Account) -> None:
    rng = life.rng
    months = len(life.month_starts())
    def m(lo: int) -> int:  # a month index from ``lo`` to the last but one
        return rng.randint(min(lo, months - 2), months - 2)

    rent = life.first_row(LANDLORD[0], m(4))
    again = life.add(rent.when + timedelta(seconds=rng.randint(20, 150)), bank, "-4800.00",
                     LANDLORD[0], payee_account=LANDLORD[1], memo="房租", kind="转账汇款")
    life.mistake("duplicate", "rent transferred twice", again)
    form = seed % 3
    if form == 0:  # a 美团 order paid twice
        when = life.in_month(m(3), 14, 19)
        _wechat(life, when, wx, bank, "-58.50", "美团外卖", "商户消费", memo="美团订单",
                card_share=0)
        dup = _wechat(life, when + timedelta(seconds=9), wx, bank, "-58.50", "美团外卖",
                      "商户消费", memo="美团订单", card_share=0)
        life.mistake("duplicate", "美团 order paid twice", dup)
    elif form == 1:  # property fee paid again the next day
        fee = life.first_row("万科物业", m(3))
        dup = life.add(fee.when + timedelta(days=1, hours=-3), bank, "-690.00", "万科物业",
                       memo="物业费", kind="代扣")
        life.mistake("duplicate", "property fee paid twice", dup)
    else:  # a card-funded Alipay payment that went through twice
        when = life.in_month(m(3), 22, 20)
        _alipay(life, when, ali, bank, "-268.00", "盒马鲜生", "日用百货", card_share=1)
        dup = _alipay(life, when + timedelta(minutes=1), ali, bank, "-268.00", "盒马鲜生",
                      "日用百货", card_share=1)
        life.mistake("duplicate", "card-funded wallet payment twice", dup)
    # amount_shift
    when = life.in_month(m(5), 20, 21)
    if seed % 3 == 0:
        row = life.add(when, bank, "-20000.00", MUM[0], payee_account=MUM[1], memo="生活费",
                       kind="转账汇款")
    elif seed % 3 == 1:
        row = life.add(when.replace(day=5), bank, "-8400.00", LANDLORD[0],
                       payee_account=LANDLORD[1], memo="房租", kind="转账汇款")
    else:
        row = _alipay(life, when, ali, bank, "-1000.00", "中国移动", "充值缴费",
                      memo="话费充值", card_share=0)
    life.mistake("amount_shift", "typing slip on a usual payment", row)
    row = _alipay(life, life.in_month(m(4), 16, 18), ali, bank, -life.money(3000, 4200),
                  "盒马鲜生", "日用百货", card_share=0)
    life.mistake("amount_outlier", "grocery bill far above usual", row)
    when = life.in_month(m(5), 5, 9)
    if seed % 2:
        row = life.add(when, bank, "-4800.00", "王建化", payee_account="6222 0210 0112 9876",
                       memo="房租", kind="转账汇款")
        life.mistake("lookalike_payee", "landlord's name, same pinyin", row)
    else:
        row = life.add(when, bank, "-2000.00", "李秀云", payee_account=MUM[1][:-1] + "9",
                       memo="生活费", kind="转账汇款")
        life.mistake("lookalike_payee", "mum's card number one digit off", row)
    row = life.add(life.in_month(m(4), 18, 15), bank, "-18000.00", "孙丽华装修",
                   payee_account="6217 0000 3333 4444", memo="装修首付", kind="转账汇款")
    life.mistake("new_payee", "first payment to a decorator", row)
    _scams(life, seed, bank, ali, wx, m)
    if seed % 2 == 0:
        when = life.in_month(m(4), 9, 12)
        failed = life.add(when, wx, "-899.00", "苏宁易购", memo="/", kind="商户消费",
                          funding=CARD, status=TxStatus.FAILED)
        debit = life.add(when + timedelta(minutes=1), bank, "-899.00", "财付通-苏宁易购",
                         kind="快捷支付")
        life.mistake("system_error", "payment failed but the card was debited", failed, debit)
    else:
        when = life.in_month(m(4), 23, 15)
        closed = life.add(when, ali, "-1299.00", "小米官方旗舰店", memo="小米手环",
                          category="数码电器", funding=CARD, status=TxStatus.CLOSED)
        debit = life.add(when, bank, "-1299.00", "支付宝-小米官方旗舰店", kind="快捷支付")
        life.mistake("system_error", "order closed but the card was debited", closed, debit)
    rise = life.month_starts()[m(6)]
    dearer = [r for r in life.rows if r.payee == "爱奇艺" and r.when.date() >= rise]
    for r in dearer:
        r.amount = d("-30.00")
        if r.link is not None:
            r.link.amount = d("-30.00")
    life.mistake("recurring_change", "membership price rise", dearer[0])
    _limit(life, bank, m(4))


def _scams(life: Life, seed: int, bank: Account, ali: Account, wx: Account,
           pick: Callable[[int], int]) -> None:
    when = life.in_month(pick(5), 12, 14)
    if seed % 2:  # "public security" call: money to a "safe account", in chunks
        rows = [life.add(when + timedelta(minutes=18 * k), bank, "-50000.00", name,
                         payee_account=acct, memo=memo, kind="转账汇款")
                for k, (name, acct, memo) in enumerate((
                    ("陈建国", "6230 1111 2222 3333", "资金核查"),
                    ("刘志强", "6230 4444 5555 6666", "转入安全账户"),
                ))]
        life.mistake("scam_pattern", "money moved to a 'safe account'", *rows)
    else:  # a task scam: escalating transfers to strangers over WeChat
        rows = [life.add(when.replace(hour=22) + timedelta(minutes=25 * k), wx, f"-{a}", name,
                         kind="转账", memo="/", funding="零钱")
                for k, (a, name) in enumerate((("300.00", "任务接单员"), ("1200.00", "小美"),
                                                ("5000.00", "财务-周老师")))]
        life.mistake("scam_pattern", "escalating transfers to strangers", *rows)
    when = life.in_month(pick(5), 24, 14)
    refund = life.add(when, ali, "1500.00", "淘宝客服", memo="退款", category="退款")
    onward = life.add(when + timedelta(hours=2), bank, "-1480.00", "周明",
                      payee_account="6212 2600 1000 2000", kind="转账汇款")
    life.mistake("scam_pattern", "unexpected refund, sent on", refund, onward)


def _limit(life: Life, bank: Account, month: int) -> None:
    cap = Decimal("30000")  # a daily limit on the card, above any ordinary day
    life.limits.append(Limit(id=1, scope=LimitScope.DAILY, amount=Money.of(str(cap), "CNY"),
                             account_id=bank.id))
    row = life.add(life.in_month(month, 26, 16), bank, "-32800.00", "上海车享汽车销售有限公司",
                   payee_account="3100 6666 1234 5678 9012", memo="购车款", kind="转账汇款")
    life.mistake("limit_breach", "daily limit crossed by a car payment", row)
