"""A realistic, bilingual personal history for the demo, tests and benchmarks.

The persona lives in Shenzhen: a 招商银行 debit card, Alipay and WeChat Pay for
daily life, and a Chase account from years in the US. Everything is drawn from
``random.Random(seed)``: the same seed and ``end`` give the same history.
"""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta

from okguard.demo.everyday import daily_life
from okguard.demo.history import DemoHistory
from okguard.demo.incidents import incidents
from okguard.demo.routine import monthly_routine
from okguard.demo.story import ACCOUNTS, Plan, Story


def generate_history(
    *, seed: int = 7, months: int = 14, end: date | None = None, scale: int = 1
) -> DemoHistory:
    """``months`` calendar months ending with the month of ``end`` (default: today).

    ``scale`` multiplies the everyday spending (metro, coffee, shopping ...); the
    monthly bills stay monthly, so rent is still paid once a month.
    """
    if months < 1:
        raise ValueError("months must be at least 1")
    if scale < 1:
        raise ValueError("scale must be at least 1")
    end = end or date.today()
    first_month = end.replace(day=1) - relativedelta(months=months - 1)
    story = Story(seed=seed, start=first_month, end=end, scale=scale)
    plan = _plan(story, months)
    monthly_routine(story, plan)
    daily_life(story)
    incidents(story, plan)
    return story.book.finish(list(ACCOUNTS))


def _plan(story: Story, months: int) -> Plan:
    this_month = story.end.replace(day=1)

    def back(n: int) -> date:
        return this_month - relativedelta(months=min(n, months - 1))

    scam_day = max(story.start, story.end - relativedelta(days=story.rng.randint(8, 16)))
    return Plan(
        double_rent_month=back(4),
        lookalike_month=back(2),
        phone_shift_month=back(1),
        scam_day=scam_day,
        price_rise_from=back(3),
    )
