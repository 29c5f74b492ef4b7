"""A US user: bi-weekly payroll, rent by ACH, a credit card paid from checking, Zelle
and Venmo with friends, Uber, gas, Amazon, utilities that swing with the seasons, an
annual insurance bill, ATM cash, a trip abroad with FX fees — and injected mistakes."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from okguard.domain.limits import Limit, LimitScope
from okguard.domain.money import Money
from okguard.domain.transaction import TxStatus
from tests.ledger.varied_base import Account, Life, d

RENT_ACCT = "021000021-4455667788"
MARIA_PHONE = "+1 415 555 0142"
FRIENDS = {"Mike Chen": "mike.chen88@gmail.com", "Sarah Johnson": "sarahj@icloud.com",
           "Jessica Park": "+1 650 555 0199", "David Kim": "dkim.sf@gmail.com"}
RESTAURANTS = ("TST* JOE'S PIZZA", "CHIPOTLE 1432", "SWEETGREEN SF", "TST* BURMA LOVE",
               "IN-N-OUT BURGER #211", "THE CHEESECAKE FACTORY")
ABROAD = ("HOTEL LE MARAIS PARIS", "CAFE DE FLORE", "MONOPRIX PARIS 11", "RATP PARIS",
          "MUSEE DU LOUVRE", "LE RELAIS DE L'ENTRECOTE", "FNAC PARIS")


def us_life(seed: int, months: int = 14) -> Life:
    life = Life("us", seed, date(2023, 3, 1), months)
    chk = life.account("4321", "Chase Checking 4321", "USD", "csv_date", "Chase")
    card = life.account("9876", "Chase Sapphire 9876", "USD", "csv", "Chase")
    venmo = life.account("venmo", "Venmo", "USD", "csv", "Venmo")
    _ordinary(life, chk, card, venmo)
    _inject(life, seed)
    return life


def _ordinary(life: Life, chk: Account, card: Account, venmo: Account) -> None:
    rng = life.rng
    trip = life.month_starts()[rng.randint(3, 6)] + timedelta(days=rng.randint(3, 12))
    gas_next = life.start
    insurance_month = rng.randint(3, 8)
    comcast_rise = rng.randint(6, 10)
    for day in life.days():
        wd = day.weekday()
        month_i = (day.year - life.start.year) * 12 + day.month - life.start.month
        away = trip <= day < trip + timedelta(days=9)
        if wd == 4 and (day - life.start).days % 14 == 2:
            life.add(life.at(day, 6), chk, "2847.33", "ACME CORP PAYROLL", memo="PPD DIRECT DEP")
        if life.first_weekday(day):
            rent = life.add(life.at(day, 9), chk, "-1950.00", "GREENVIEW PROPERTY MGMT",
                            payee_account=RENT_ACCT, memo="ACH RENT", category="housing")
            life.trap("monthly rent", rent)
        if day.day == 21:
            amount = life.money(900, 3200)
            out = life.add(life.at(day, 7), chk, -amount, "CHASE CREDIT CRD AUTOPAY",
                           memo="AUTOPAY 9876", category="transfer")
            back = life.add(life.at(day, 7), card, amount, "AUTOMATIC PAYMENT - THANK YOU")
            out.link, back.link = back, out
        if day.day == 8:
            season = 1.9 if day.month in (12, 1, 2) else 1.4 if day.month in (7, 8) else 1.0
            life.add(life.at(day, 10), chk, -life.money(48 * season, 130 * season), "PG&E",
                     memo="WEB ONLINE PMT", category="utilities")
        if day.day == 14:
            life.add(life.at(day, 10), chk, "-109.99" if month_i >= comcast_rise else "-89.99",
                     "COMCAST CABLE", memo="AUTOPAY", category="utilities")
        if day.day == 19 and month_i % 2 == 0:
            life.add(life.at(day, 10), chk, -life.money(55, 140), "SF PUBLIC UTILITIES",
                     category="utilities")
        if day.day == 27 and month_i == insurance_month:
            life.add(life.at(day, 11), chk, "-1236.00", "GEICO AUTO", memo="ANNUAL PREMIUM",
                     category="insurance")
        if day.day == 2:
            life.add(life.at(day, 3), chk, "-12.25", "LEMONADE INSURANCE", category="insurance")
        # cash: usually one withdrawal, now and then the same round sum two days running
        if life.chance(0.07):
            cash = rng.choice(("-60.00", "-100.00", "-200.00"))
            a = life.add(life.at(day, rng.randint(8, 21)), chk, cash, "ATM WITHDRAWAL 000421",
                         memo="MAIN ST SAN FRANCISCO", category="cash")
            if life.chance(0.35):
                b = life.add(life.at(day + timedelta(days=1), 12), chk, cash,
                             "ATM WITHDRAWAL 000421", memo="MAIN ST SAN FRANCISCO",
                             category="cash")
                life.trap("cash two days running", a, b)
        # Zelle to the cleaner every other week, same amount
        if wd == 3 and (day - life.start).days % 14 < 7:
            life.add(life.at(day, 18), chk, "-120.00", "MARIA LOPEZ", payee_account=MARIA_PHONE,
                     memo="Zelle payment", category="home")
        # card life
        if away:
            _abroad_day(life, card, day)
            continue
        if wd < 5 and life.chance(0.75):
            coffee = rng.choice(("-5.45", "-5.45", "-6.25"))
            life.add(life.at(day, 8), card, coffee, "STARBUCKS STORE 08813", category="dining")
        if wd < 5 and life.chance(0.35):
            fare = "-12.94"
            a = life.add(life.at(day, 8, rng.randint(0, 30)), card, fare, "UBER *TRIP",
                         category="transport")
            b = life.add(life.at(day, 18, rng.randint(0, 50)), card, fare, "UBER *TRIP",
                         category="transport")
            life.trap("same Uber fare both ways", a, b)
        if life.chance(0.25):
            life.add(life.at(day, rng.randint(9, 22)), card, -life.money(6, 48), "UBER *TRIP",
                     category="transport")
        if day >= gas_next:
            station = rng.choice(("SHELL OIL 57442", "SHELL OIL 12093", "CHEVRON 0091234"))
            life.add(life.at(day, rng.randint(7, 20)), card, -life.money(34, 66), station,
                     category="gas")
            gas_next = day + timedelta(days=rng.randint(6, 11))
        if life.chance(0.28):
            life.add(life.at(day, rng.randint(16, 20)), card, -life.money(22, 185),
                     rng.choice(("WHOLE FOODS MKT #10234", "TRADER JOE'S #552")),
                     category="groceries")
        if life.chance(0.3):
            life.add(life.at(day, rng.randint(11, 21)), card, -life.money(14, 95),
                     rng.choice(RESTAURANTS), category="dining")
        if life.chance(0.12):
            life.add(life.at(day, rng.randint(18, 22)), card, -life.money(18, 48), "UBER *EATS",
                     category="dining")
        if life.chance(0.22):
            code = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(9))
            life.add(life.at(day, rng.randint(7, 23)), card, -life.money(8, 160),
                     f"AMZN Mktp US*{code}", category="shopping")
        if day.day == 3:
            life.add(life.at(day, 4), card, "-15.49", "NETFLIX.COM", category="subscription")
        if day.day == 12:
            life.add(life.at(day, 4), card, "-10.99", "SPOTIFY USA", category="subscription")
        if day.day == 17:
            life.add(life.at(day, 5), card, "-24.99", "PLANET FITNESS", category="subscription")
        if day.day == 24:
            life.add(life.at(day, 2), card, "-2.99", "APPLE.COM/BILL", category="subscription")
        # friends on Venmo: splitting bills, the same amount to several people
        if life.chance(0.1):
            split = rng.choice(("-25.00", "-32.50", "-40.00", "-18.75"))
            when = life.at(day, rng.randint(19, 23))
            who = rng.sample(sorted(FRIENDS), rng.choice((1, 1, 2, 3)))
            paid = [life.add(when + timedelta(seconds=40 * k), venmo, split, name,
                             payee_account=FRIENDS[name], memo=rng.choice(("🍕", "tix", "dinner")),
                             kind="Payment", funding="Venmo balance", category="friends")
                    for k, name in enumerate(who)]
            if len(paid) > 1:
                life.trap("same split to several friends", *paid)
        if life.chance(0.08):
            name = rng.choice(sorted(FRIENDS))
            life.add(life.at(day, rng.randint(12, 22)), venmo, life.money(15, 60), name,
                     payee_account=FRIENDS[name], kind="Payment", category="friends")
    _refund_and_rebuy(life, card)
    _amazon_split(life, card)
    _pending_tail(life, card)


def _abroad_day(life: Life, card: Account, day: date) -> None:
    rng = life.rng
    for _ in range(rng.randint(2, 5)):
        eur = life.money(8, 140)
        usd = d(eur * Decimal("1.09"))
        when = life.at(day, rng.randint(9, 23))
        life.add(when, card, -usd, rng.choice(ABROAD), memo=f"EUR {eur} @ 1.0900",
                 category="travel")
        life.add(when, card, -d(usd * Decimal("0.03")), "FOREIGN TRANSACTION FEE",
                 category="fees")
    if day.weekday() == 0 or life.chance(0.15):
        life.add(life.at(day, 15), card, -life.money(380, 820), "AIR FRANCE" if life.chance(0.3)
                 else "HOTEL LE MARAIS PARIS", category="travel")


def _refund_and_rebuy(life: Life, card: Account) -> None:
    when = life.in_month(4, 9, 14)
    price = "-59.99"
    buy = life.add(when, card, price, "TARGET 00023", category="shopping")
    back = life.add(when + timedelta(days=2), card, "59.99", "TARGET 00023",
                    memo="RETURN", category="shopping")
    again = life.add(when + timedelta(days=2, minutes=12), card, price, "TARGET 00023",
                     category="shopping")
    life.trap("returned, then bought again in another size", buy, back, again)


def _amazon_split(life: Life, card: Account) -> None:
    when = life.in_month(7, 15, 10)
    a = life.add(when, card, "-24.99", "Amazon.com", category="shopping")
    b = life.add(when + timedelta(minutes=life.rng.randint(20, 1440)), card, "-24.99",
                 "Amazon.com", category="shopping")
    life.trap("one order shipped in two parcels", a, b)


def _pending_tail(life: Life, card: Account) -> None:
    """Card exports list the last days' authorisations as pending, before the tip."""
    last = life.end - timedelta(days=1)
    for k in range(3):
        life.add(life.at(last - timedelta(days=k % 2), 12 + k), card, -life.money(20, 80),
                 RESTAURANTS[k], status=TxStatus.PENDING, category="dining")


def _inject(life: Life, seed: int) -> None:
    rng = life.rng
    chk, card, venmo = life.accounts
    months = len(life.month_starts())
    def m(lo: int) -> int:  # a month index from ``lo`` to the last but one
        return rng.randint(min(lo, months - 2), months - 2)

    # duplicate: rent sent again by bill pay the same day (dates only on checking)
    rent = life.first_row("GREENVIEW PROPERTY MGMT", m(4))
    dup = life.add(rent.when, chk, rent.amount, rent.payee, payee_account=RENT_ACCT,
                   memo="BILL PAY RENT", category="housing")
    life.mistake("duplicate", "rent paid twice the same day", dup)
    form = seed % 3
    if form == 0:  # a restaurant terminal charged twice within a minute
        when = life.in_month(m(3), 11, 20)
        life.add(when, card, "-86.40", "TST* BURMA LOVE", category="dining")
        again = life.add(when + timedelta(seconds=35), card, "-86.40", "TST* BURMA LOVE",
                         category="dining")
        life.mistake("duplicate", "card charged twice within a minute", again)
    elif form == 1:  # autopay and a manual payment of the same bill a day apart
        bill = life.first_row("PG&E", m(3))
        again = life.add(bill.when + timedelta(days=1), chk, bill.amount, "PG&E",
                         memo="ONE-TIME PMT", category="utilities")
        life.mistake("duplicate", "utility paid by autopay and by hand", again)
    else:  # Venmo payment sent twice seconds apart
        when = life.in_month(m(3), 16, 21)
        life.add(when, venmo, "-64.00", "Mike Chen", payee_account=FRIENDS["Mike Chen"],
                 kind="Payment", funding="Venmo balance", category="friends", memo="concert")
        again = life.add(when + timedelta(seconds=8), venmo, "-64.00", "Mike Chen",
                         payee_account=FRIENDS["Mike Chen"], kind="Payment",
                         funding="Venmo balance", category="friends", memo="concert")
        life.mistake("duplicate", "Venmo sent twice seconds apart", again)
    # amount_shift: the cleaner's pay with an extra zero, or a decimal slip
    when = life.in_month(m(5), 6 + 7 * (seed % 3), 18)
    amount = ("-1200.00", "-12000.00", "-12.00")[seed % 3]
    slip = life.add(when, chk, amount, "MARIA LOPEZ", payee_account=MARIA_PHONE,
                    memo="Zelle payment", category="home")
    life.mistake("amount_shift", f"cleaner paid {amount} instead of 120", slip)
    # amount_outlier: a grocery bill far above the usual range
    big = life.add(life.in_month(m(4), 18, 17), card, life.money(1150, 1600),
                   "WHOLE FOODS MKT #10234", category="groceries")
    big.amount = -big.amount
    life.mistake("amount_outlier", "grocery bill far above usual", big)
    # lookalike: a typo in the cleaner's name, or her phone number one digit off
    when = life.in_month(m(5), 24, 18)
    if seed % 2:
        wrong = life.add(when, chk, "-120.00", "MARIA LOPES", payee_account="+1 415 555 0143",
                         memo="Zelle payment", category="home")
        life.mistake("lookalike_payee", "typo in the cleaner's name", wrong)
    else:
        wrong = life.add(when, chk, "-1950.00", "GREENVIEW PROPERTY MGMT",
                         payee_account="021000021-4455667789", memo="ACH RENT")
        life.mistake("lookalike_payee", "landlord's account one digit off", wrong)
    # new payee: a large first payment to a roofer
    roof = life.add(life.in_month(m(4), 10, 12), chk, "-6400.00", "SUMMIT ROOFING LLC",
                    payee_account="121000248-7788990011", memo="DEPOSIT")
    life.mistake("new_payee", "first payment to a roofer", roof)
    # scam: two of three forms
    forms = [f for f in range(3) if f != seed % 3]
    for f in forms:
        base = life.in_month(m(5), 9 + 5 * f, 22 if f == 1 else 15)
        if f == 0:  # gift cards in a row for a "tax officer"
            rows = [life.add(base + timedelta(minutes=25 * k), card, "-500.00",
                             "TARGET T-2231", memo="GIFT CARD", category="shopping")
                    for k in range(3)]
            life.mistake("scam_pattern", "gift cards in a row", *rows)
        elif f == 1:  # cash into a crypto ATM late at night, again and again
            rows = [life.add(base.replace(hour=23, minute=5) + timedelta(minutes=35 * k), card,
                             "-1000.00", "BITCOIN DEPOT 33092", category="other")
                    for k in range(3)]
            life.mistake("scam_pattern", "crypto ATM at night", *rows)
        else:  # moving savings to a "safe account"
            row = life.add(base, chk, "-4000.00", "JOHN WALKER",
                           payee_account="026009593-0011223344", memo="SAFE ACCOUNT TRANSFER")
            life.mistake("scam_pattern", "safe account transfer", row)
    # system error: a failed Venmo payment that the bank still debited, or a stuck hold
    if seed % 2 == 0:
        when = life.in_month(m(4), 12, 13)
        failed = life.add(when, venmo, "-240.00", "Sarah Johnson",
                          payee_account=FRIENDS["Sarah Johnson"], status=TxStatus.FAILED,
                          kind="Payment", funding="Chase Debit Card 4321", category="friends")
        debit = life.add(when, chk, "-240.00", "VENMO PAYMENT", memo="WEB ID 3264681992")
        life.mistake("system_error", "failed payment still debited", failed, debit)
    else:
        hold = life.add(life.at(life.end - timedelta(days=17), 15), card, "-300.00",
                        "HILTON GARDEN INN", memo="PRE-AUTH", status=TxStatus.PENDING,
                        category="travel")
        life.mistake("system_error", "hotel hold never released", hold)
    # recurring change: Netflix raises its price
    rise = life.month_starts()[m(6)]
    dearer = [r for r in life.rows if r.payee == "NETFLIX.COM" and r.when.date() >= rise]
    for r in dearer:
        r.amount = d("-22.99")
    if dearer:
        life.mistake("recurring_change", "subscription price jump", dearer[0])
    # limit breach: a daily card limit, crossed by one shopping spree
    _daily_limit(life, card, m(4))


def _daily_limit(life: Life, card: Account, month: int) -> None:
    totals: dict[date, Decimal] = {}
    for r in life.rows:
        if r.account is card and r.amount < 0 and r.status is TxStatus.BOOKED:
            totals[r.when.date()] = totals.get(r.when.date(), Decimal(0)) - r.amount
    cap = (max(totals.values()) * Decimal("1.15")).quantize(Decimal("1"))
    when = life.in_month(month, 20, 13)
    spent = totals.get(when.date(), Decimal(0))
    row = life.add(when, card, -(cap - spent + Decimal("150")), "BEST BUY 00412",
                   category="shopping")
    life.mistake("limit_breach", "daily card limit crossed", row)
    life.limits.append(Limit(id=1, scope=LimitScope.DAILY, amount=Money.of(str(cap), "USD"),
                             account_id=card.id))

