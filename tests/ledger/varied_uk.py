"""A UK resident with family in Spain: salary, rent by standing order, council tax and
energy by direct debit, the supermarket twice a day, a daily capped TfL fare, a
credit card with dates only, and a euro account for SEPA transfers home."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from okguard.domain.limits import Limit, LimitScope
from okguard.domain.money import Money
from okguard.domain.transaction import Direction, TxStatus
from tests.ledger.varied_base import Account, Life, d

LANDLORD = "20-45-77 41234567"
MUM_IBAN = "ES91 2100 0418 4502 0005 1332"
WINDOW = "30-90-12 55501234"
SHOPS = ("TESCO STORES 3297", "SAINSBURY'S S/MKT", "TESCO EXPRESS 4410", "M&S SIMPLY FOOD")
EATING = ("PRET A MANGER", "WAGAMAMA", "THE CROWN & ANCHOR", "DISHOOM KINGS CROSS",
          "LEON", "FIVE GUYS UK")
SPAIN = ("MERCADONA", "EL CORTE INGLES", "CAFE CENTRAL", "RENFE VIAJEROS", "CARREFOUR EXPRESS")


def uk_life(seed: int, months: int = 14) -> Life:
    life = Life("uk_eu", seed, date(2023, 1, 1), months)
    cur = life.account("04-00-04 12345678", "Monzo Current", "GBP", "csv", "Monzo")
    cc = life.account("5301", "Barclaycard 5301", "GBP", "csv_date", "Barclaycard")
    eur = life.account("wise-eur", "Wise EUR", "EUR", "csv", "Wise")
    _ordinary(life, cur, cc, eur)
    _inject(life, seed, cur, cc, eur)
    return life


def _ordinary(life: Life, cur: Account, cc: Account, eur: Account) -> None:
    rng = life.rng
    holiday = life.month_starts()[rng.randint(4, 8)] + timedelta(days=rng.randint(0, 14))
    energy = Decimal("85.00")
    for day in life.days():
        wd = day.weekday()
        away = holiday <= day < holiday + timedelta(days=10)
        payday = day.replace(day=25)
        payday -= timedelta(days=max(0, payday.weekday() - 4))
        if day == payday:
            life.add(life.at(day, 1), cur, "3120.55", "ACME LTD SALARY", kind="BACS")
        if day.day == 1:
            rent = life.add(life.at(day, 6), cur, "-1250.00", "J SMITH", payee_account=LANDLORD,
                            memo="RENT FLAT 2", kind="Standing order", category="bills")
            life.trap("rent by standing order", rent)
            life.add(life.at(day, 6), cur, "-200.00", "Savings Pot", kind="Pot transfer",
                     direction=Direction.NEUTRAL)
        if day.day == 1 and day.month not in (2, 3):
            life.add(life.at(day, 7), cur, "-152.00", "LB HACKNEY COUNCIL TAX",
                     kind="Direct Debit", category="bills")
        if day.day == 5:
            if day.month in (10, 4) and life.chance(0.8):  # tariff reviews twice a year
                energy = d(energy * Decimal(rng.choice(("1.18", "0.86", "1.31"))))
            life.add(life.at(day, 7), cur, -energy, "OCTOPUS ENERGY", kind="Direct Debit",
                     category="bills")
        if day.day == 9:
            life.add(life.at(day, 7), cur, "-13.25", "TV LICENCE MBP", kind="Direct Debit",
                     category="bills")
        if day.day == 18:
            life.add(life.at(day, 7), cur, "-32.00", "EE LIMITED", kind="Direct Debit",
                     category="bills")
            life.add(life.at(day, 7), cur, "-24.99", "PUREGYM", kind="Direct Debit",
                     category="fitness")
        if day.day == 15:  # window cleaner, same every month
            life.add(life.at(day, 18), cur, "-25.00", "D WILLIAMS", payee_account=WINDOW,
                     kind="Faster payment", category="home")
        if day.day == 3:  # money home to mum, by SEPA from the euro account
            life.add(life.at(day, 10), eur, "-300.00", "Carmen García", payee_account=MUM_IBAN,
                     memo="para mama", kind="SEPA transfer", category="family")
        if day.day == 2 and day.month % 3 == 0:
            life.add(life.at(day, 9), eur, "1500.00", "ACME LTD", memo="top up",
                     kind="Conversion")
        if away:
            for _ in range(rng.randint(2, 5)):
                life.add(life.at(day, rng.randint(9, 23)), eur, -life.money(4, 120),
                         rng.choice(SPAIN), kind="Card", category="travel")
            continue
        # weekday commute: one capped TfL charge per day, the same each day
        if wd < 5 and life.chance(0.85):
            life.add(life.at(day, 4), cur, "-8.10", "TFL TRAVEL CH", kind="Card",
                     category="transport")
        # the supermarket, often twice a day: a lunch meal deal and the evening shop
        if wd < 5 and life.chance(0.6):
            life.add(life.at(day, 12, rng.randint(10, 50)), cur, "-3.85", "TESCO EXPRESS 4410",
                     kind="Card", memo="meal deal", category="groceries")
        if life.chance(0.55):
            life.add(life.at(day, rng.randint(17, 20)), cur, -life.money(4, 75), rng.choice(SHOPS),
                     kind="Card", category="groceries")
        if life.chance(0.25):
            life.add(life.at(day, rng.randint(12, 22)), cc, -life.money(9, 85), rng.choice(EATING),
                     category="eating out")
        if life.chance(0.12):
            life.add(life.at(day, rng.randint(18, 22)), cur, -life.money(14, 38), "DELIVEROO",
                     kind="Card", category="eating out")
        if life.chance(0.15):
            code = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(6))
            life.add(life.at(day, rng.randint(8, 23)), cc, -life.money(6, 90),
                     f"AMAZON.CO.UK*{code}", category="shopping")
        if life.chance(0.05):
            who = rng.choice(("Tom Baker", "Priya Shah", "Olu Adeyemi"))
            life.add(life.at(day, rng.randint(19, 23)), cur, rng.choice(("-20.00", "-15.00")), who,
                     kind="Faster payment", memo="drinks", category="friends")
        if day.day == 22:
            life.add(life.at(day, 3), cc, "-10.99", "NETFLIX.COM", category="subscriptions")
    _card_pending(life, cc)


def _card_pending(life: Life, cc: Account) -> None:
    last = life.end - timedelta(days=1)
    life.add(life.at(last, 13), cc, "-64.20", "WAGAMAMA", status=TxStatus.PENDING,
             category="eating out")


def _inject(life: Life, seed: int, cur: Account, cc: Account, eur: Account) -> None:
    rng = life.rng
    months = len(life.month_starts())
    def m(lo: int) -> int:  # a month index from ``lo`` to the last but one
        return rng.randint(min(lo, months - 2), months - 2)

    # duplicate: rent sent by hand on top of the standing order, minutes later
    rent = life.first_row("J SMITH", m(4))
    again = life.add(rent.when + timedelta(minutes=rng.randint(2, 50)), cur, "-1250.00",
                     "J SMITH", payee_account=LANDLORD, memo="RENT", kind="Faster payment")
    life.mistake("duplicate", "rent by hand on top of the standing order", again)
    if seed % 2:  # a takeaway charged twice, seconds apart
        when = life.in_month(m(3), 12, 20)
        life.add(when, cur, "-31.40", "DELIVEROO", kind="Card", category="eating out")
        dup = life.add(when + timedelta(seconds=20), cur, "-31.40", "DELIVEROO", kind="Card",
                       category="eating out")
        life.mistake("duplicate", "takeaway charged twice", dup)
    else:  # the card charged twice on the same day (dates only)
        when = life.in_month(m(3), 14, 20)
        life.add(when, cc, "-142.00", "JOHN LEWIS", category="shopping")
        dup = life.add(when, cc, "-142.00", "JOHN LEWIS", category="shopping")
        life.mistake("duplicate", "card charged twice the same day", dup)
    # amount_shift: mum gets 3000 instead of 300, or the window cleaner 250 / 2.50
    when = life.in_month(m(5), 3, 10)
    if seed % 3 == 0:
        row = life.add(when + timedelta(hours=1), eur, "-3000.00", "Carmen García",
                       payee_account=MUM_IBAN, memo="para mama", kind="SEPA transfer")
    elif seed % 3 == 1:
        row = life.add(when, cur, "-250.00", "D WILLIAMS", payee_account=WINDOW,
                       kind="Faster payment")
    else:
        row = life.add(when, cur, "-52.00", "D WILLIAMS", payee_account=WINDOW,
                       kind="Faster payment")  # 25.00 with the digits swapped
    life.mistake("amount_shift", "typing slip on a steady payment", row)
    # amount_outlier: a supermarket bill far above the usual
    row = life.add(life.in_month(m(4), 19, 18), cur, -life.money(560, 800), "SAINSBURY'S S/MKT",
                   kind="Card", category="groceries")
    life.mistake("amount_outlier", "supermarket bill far above usual", row)
    # lookalike: mum's IBAN one digit off, or her name with a look-alike letter
    when = life.in_month(m(5), 3, 11)
    if seed % 2:
        row = life.add(when, eur, "-300.00", "Carmen Garcia", payee_account=MUM_IBAN[:-1] + "3",
                       memo="para mama", kind="SEPA transfer")
        life.mistake("lookalike_payee", "IBAN one digit off", row)
    else:
        row = life.add(when, eur, "-300.00", "Cаrmen García",  # Cyrillic а
                       payee_account="ES76 0049 1500 0512 3456 7892", kind="SEPA transfer")
        life.mistake("lookalike_payee", "homoglyph in mum's name", row)
    # new payee
    row = life.add(life.in_month(m(4), 11, 14), cur, "-3500.00", "KITCHEN FITTERS LTD",
                   payee_account="40-11-62 99887766", kind="Faster payment", memo="deposit")
    life.mistake("new_payee", "first payment to a kitchen fitter", row)
    # scam: "your account is compromised, move it to a safe account" — and, by seed,
    # the same call pushing three payments to strangers within hours
    when = life.in_month(m(5), 8, 15)
    row = life.add(when, cur, "-4800.00", "R PATEL", payee_account="60-83-71 11223344",
                   memo="SAFE ACCOUNT", kind="Faster payment")
    life.mistake("scam_pattern", "safe account transfer", row)
    if seed % 2 == 0:
        base = life.in_month(m(5), 20, 11)
        rows = [life.add(base + timedelta(minutes=40 * k), cur, f"-{a}", name,
                         payee_account=acct, kind="Faster payment", memo=memo)
                for k, (a, name, acct, memo) in enumerate((
                    ("950.00", "HMRC REF 77123", "20-00-00 10012345", "TAX ARREARS"),
                    ("1400.00", "M OKONKWO", "23-05-80 55443322", "INV 4432"),
                    ("2000.00", "S HUSSAIN", "04-00-75 66778899", "CLEARANCE"),
                ))]
        life.mistake("scam_pattern", "three payments to strangers within hours", *rows)
    # system error: a hold that never released, or a refund that never came
    if seed % 2:
        row = life.add(life.at(life.end - timedelta(days=13), 16), cur, "-180.00",
                       "PREMIER INN", status=TxStatus.PENDING, kind="Card", memo="pre-auth")
        life.mistake("system_error", "hotel hold never released", row)
    else:
        row = life.add(life.in_month(m(4), 6, 12), cc, "-89.00", "ASOS.COM",
                       status=TxStatus.REFUNDED, category="shopping")
        life.mistake("system_error", "refund promised, never arrived", row)
    # recurring change: the gym puts its price up
    rise = life.month_starts()[m(6)]
    dearer = [r for r in life.rows if r.payee == "PUREGYM" and r.when.date() >= rise]
    for r in dearer:
        r.amount = d("-29.99")
    life.mistake("recurring_change", "gym price rise", dearer[0])
    # limit: a monthly limit on the current account, crossed by a holiday booking
    totals: dict[tuple[int, int], Decimal] = {}
    for r in life.rows:
        if r.account is cur and r.amount < 0 and r.direction is None \
                and r.status is TxStatus.BOOKED:
            key = (r.when.year, r.when.month)
            totals[key] = totals.get(key, Decimal(0)) - r.amount
    cap = (max(totals.values()) * Decimal("1.2")).quantize(Decimal("1"))
    life.limits.append(Limit(id=1, scope=LimitScope.MONTHLY, amount=Money.of(str(cap), "GBP"),
                             account_id=cur.id))
    when = life.in_month(m(4), 27, 12)
    spent = totals.get((when.year, when.month), Decimal(0))
    row = life.add(when, cur, -(cap - spent + 200), "JET2HOLIDAYS", kind="Card",
                   category="travel")
    life.mistake("limit_breach", "monthly limit crossed", row)
