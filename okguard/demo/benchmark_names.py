"""Thousands of distinct, bilingual payee names for benchmark files."""

from __future__ import annotations

import random

# fmt: off
PLACES = (
    "深圳", "广州", "上海", "北京", "杭州", "成都", "南山", "福田", "罗湖", "宝安",
)
BRANDS = (
    "鑫源", "华联", "百佳", "好又多", "美宜佳", "新视界", "老街", "金牌", "喜茶", "阿婆",
    "小马", "大福", "乐家", "佳佳", "同仁", "春风", "明珠", "东方", "天天", "星光",
)
TYPES = (
    "便利店", "餐厅", "超市", "药房", "水果店", "面馆", "咖啡", "书店", "理发店", "洗衣店",
)
SURNAMES = (
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
)
GIVEN = (
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明",
)
EN_FIRST = (
    "Maple", "Oak", "Harbor", "River", "Golden", "Silver", "Blue", "Green", "Sunset",
    "Corner", "Union", "Park", "Lake", "Bay", "Hill", "Station", "Market", "King", "Queen",
    "Bright",
)
EN_SECOND = (
    "Bakery", "Grocers", "Pharmacy", "Diner", "Books", "Coffee", "Hardware", "Florist",
    "Cleaners", "Pizza", "Noodles", "Fitness", "Dental", "Garage", "Deli", "Tailors",
)
EN_PEOPLE = (
    "James Smith", "Mary Johnson", "Robert Brown", "Linda Davis", "Michael Miller",
    "Sarah Wilson", "David Moore", "Emma Taylor", "Daniel Clark", "Olivia Lewis",
)
# fmt: on


def benchmark_payees(rng: random.Random, n: int) -> list[tuple[str, str]]:
    """``n`` distinct (payee, account) pairs, a mix of Chinese and English shops and people."""
    makers = (
        lambda: rng.choice(PLACES) + rng.choice(BRANDS) + rng.choice(TYPES),
        lambda: rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN),
        lambda: f"{rng.choice(EN_FIRST)} {rng.choice(EN_SECOND)}",
        lambda: f"{rng.choice(EN_FIRST)} {rng.choice(EN_SECOND)} #{rng.randint(1, 999)}",
        lambda: f"{rng.choice(EN_PEOPLE)} {rng.choice('ABCDEFGHJKLMNPRSTW')}.",
    )
    seen: set[str] = set()
    payees: list[tuple[str, str]] = []
    serial = 0
    while len(payees) < n:
        name = rng.choice(makers)()
        if name in seen:
            # The name pools are finite; a branch number keeps very large sets distinct.
            serial += 1
            name = f"{name} {serial}"
        seen.add(name)
        account = f"62{rng.randrange(10**14):014d}" if rng.random() < 0.4 else ""
        payees.append((name, account))
    return payees
