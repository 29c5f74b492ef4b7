"""Day-to-day life: metro rides, coffee, lunch delivery, groceries, shopping, red packets."""

from __future__ import annotations

from datetime import date

from okguard.demo.history import Draft
from okguard.demo.story import ALIPAY, CHASE, WECHAT, Story
from okguard.domain.money import Money

FRIENDS = (
    ("张伟", "wxid_zw1988"),
    ("李娜", "wxid_lina_sz"),
    ("刘洋", "wxid_liuyang07"),
    ("陈静", "wxid_cj520"),
    ("Tom Walker", "wxid_tomw"),
)
RED_PACKETS = ("6.66", "8.88", "16.80", "66.00", "88.00", "200.00")
TAOBAO_ITEMS = ("数据线", "保温杯", "T恤", "洗衣凝珠", "蓝牙耳机", "书架", "猫粮", "运动鞋")
JD_ITEMS = ("小米充电宝", "机械键盘", "电动牙刷", "空气炸锅", "纸巾整箱")


def daily_life(story: Story) -> None:
    for day in story.days():
        for _ in range(story.scale):
            if day.weekday() < 5:
                _workday(story, day)
            else:
                _weekend(story, day)
            _any_day(story, day)


def _metro(story: Story, day: date, earliest: str, latest: str, fare: str) -> None:
    story.wallet_payment(
        WECHAT,
        story.moment(day, earliest, latest),
        Money.of("-" + fare, "CNY"),
        "深圳地铁",
        kind="商户消费",
        category="交通出行",
        memo="深圳通乘车码",
        card_share=0.0,
    )


def _workday(story: Story, day: date) -> None:
    _metro(story, day, "08:05", "08:50", "4")
    _metro(story, day, "18:10", "20:30", "4")
    if story.chance(0.35):
        _metro(story, day, "12:00", "17:30", story.rng.choice(("4", "6")))
    if story.chance(0.15):
        _metro(story, day, "20:45", "22:30", "6")
    if story.chance(0.6):
        _coffee(story, day, "08:50", "10:30")
    if story.chance(0.55):
        _delivery(story, day, "11:30", "12:40")


def _weekend(story: Story, day: date) -> None:
    for _ in range(story.rng.choice((0, 0, 2, 2, 3))):
        _metro(story, day, "10:00", "21:00", "6")
    if story.chance(0.6):
        story.wallet_payment(
            ALIPAY,
            story.moment(day, "10:00", "19:30"),
            story.price("CNY", "58", "328"),
            "盒马鲜生",
            kind="商品",
            category="日用百货",
            memo="盒马鲜生 到家订单",
        )
    if story.chance(0.35):
        story.wallet_payment(
            WECHAT,
            story.moment(day, "09:00", "20:00"),
            story.price("CNY", "35", "210"),
            "永辉超市",
            kind="商户消费",
            category="日用百货",
            memo="永辉超市 深圳福田店",
        )
    if story.chance(0.3):
        _coffee(story, day, "14:00", "17:00")


def _any_day(story: Story, day: date) -> None:
    if story.chance(0.2):
        _delivery(story, day, "18:30", "21:30")
    if story.chance(0.13):
        item = story.rng.choice(TAOBAO_ITEMS)
        at = story.moment(day, "12:00", "23:50")
        story.wallet_payment(
            ALIPAY,
            at,
            story.price("CNY", "19.9", "699", step=10),
            "淘宝",
            kind="商品",
            category="网购",
            memo=f"淘宝-{item}",
            counterpart_ref=story.ids.taobao_order(at),
        )
    if story.chance(0.07):
        story.wallet_payment(
            WECHAT,
            story.moment(day, "12:00", "23:30"),
            story.price("CNY", "39", "1299"),
            "京东",
            kind="商户消费",
            category="网购",
            memo=f"京东-{story.rng.choice(JD_ITEMS)}",
        )
    if story.chance(0.08):
        story.wallet_payment(
            ALIPAY,
            story.moment(day, "07:30", "23:00"),
            story.price("CNY", "13", "68", step=1),
            "滴滴出行",
            kind="商品",
            category="交通出行",
            memo="滴滴快车",
        )
    if story.chance(0.06):
        _red_packet(story, day)
    _chase_day(story, day)


def _coffee(story: Story, day: date, earliest: str, latest: str) -> None:
    wallet = WECHAT if story.chance(0.6) else ALIPAY
    story.wallet_payment(
        wallet,
        story.moment(day, earliest, latest),
        story.price("CNY", "9.9", "21.9", step=100),
        "瑞幸咖啡",
        kind="商户消费" if wallet is WECHAT else "商品",
        category="餐饮美食",
        memo="luckin coffee 瑞幸咖啡",
    )


def _delivery(story: Story, day: date, earliest: str, latest: str) -> None:
    at = story.moment(day, earliest, latest)
    amount = story.price("CNY", "18", "58", step=10)
    if story.chance(0.6):
        story.wallet_payment(
            WECHAT,
            at,
            amount,
            "美团外卖",
            kind="商户消费",
            category="餐饮美食",
            memo="美团外卖订单",
        )
    else:
        story.wallet_payment(
            ALIPAY, at, amount, "饿了么", kind="商品", category="餐饮美食", memo="饿了么外卖订单"
        )


def _red_packet(story: Story, day: date) -> None:
    name, wxid = story.rng.choice(FRIENDS)
    at = story.moment(day, "08:00", "23:30")
    story.book.add(
        Draft(
            account=WECHAT.key,
            at=at,
            amount=Money.of(story.rng.choice(RED_PACKETS), "CNY"),
            payee=name,
            payee_account=wxid,
            kind="微信红包",
            memo="恭喜发财，大吉大利",
            reference=story.ids.wechat_transfer(at),
            category="红包",
            funding="零钱",
        )
    )


def _chase_day(story: Story, day: date) -> None:
    if story.chance(0.06):
        _card(
            story,
            day,
            "Whole Foods",
            story.price("USD", "18", "140", step=1),
            "WHOLEFDS NYC 10223",
            "Groceries",
            "09:00",
            "20:00",
        )
    if story.chance(0.06):
        _card(
            story,
            day,
            "Starbucks",
            story.price("USD", "4.25", "7.85", step=5),
            "STARBUCKS STORE 08123",
            "Coffee",
            "07:00",
            "16:00",
        )
    if story.chance(0.06):
        _card(
            story,
            day,
            "Amazon",
            story.price("USD", "9.99", "129", step=1),
            "AMAZON MKTPL*2X4AB7",
            "Shopping",
            "00:00",
            "23:59",
        )


def _card(
    story: Story,
    day: date,
    payee: str,
    amount: Money,
    memo: str,
    category: str,
    earliest: str,
    latest: str,
) -> Draft:
    return story.book.add(
        Draft(
            account=CHASE.key,
            at=story.moment(day, earliest, latest),
            amount=amount,
            payee=payee,
            kind="DEBIT",
            memo=memo,
            category=category,
        )
    )
