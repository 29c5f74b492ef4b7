"""A small building contractor: crews paid every other week, subcontractors and
suppliers paid by ACH against invoices (sometimes two invoices of one amount on one
day), materials on the card at many branches of a few chains, new suppliers every
month, fuel, software subscriptions, equipment rental."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from okguard.domain.limits import Limit, LimitPeriod, LimitScope
from okguard.domain.money import Money
from okguard.domain.transaction import TxStatus
from tests.ledger.varied_base import Account, Life, d

CREW = {"Mario Garcia": ("1840.00", "111000025-3001"),
        "Maria Garcia": ("1620.00", "111000025-3002"),
        "Luis Hernandez": ("1900.00", "322271627-8844"),
        "Tom Becker": ("2150.00", "121000358-1177")}
SUBS = {"Mendoza Electric LLC": "121042882-5566771", "J&R Drywall Inc": "026009593-4455120",
        "Ace Concrete Co": "111900659-2200341", "Bay Area Plumbing": "122000247-9900812"}
SUPPLY = ("HOME DEPOT #4521", "HOME DEPOT #0612", "HOME DEPOT #1893", "LOWE'S #1234",
          "LOWES #01234", "84 LUMBER 0331", "SHERWIN-WILLIAMS #7781", "FERGUSON #0098")
FUEL = ("CHEVRON 0091234", "CHEVRON 0093310", "SHELL OIL 57442", "ARCO #42110")
CLIENTS = ("Henderson Residence", "Oak Street HOA", "Patel Family Trust", "Nguyen Remodel",
           "Baker & Sons Realty", "City of Millbrae")


def biz_life(seed: int, months: int = 14) -> Life:
    life = Life("smallbiz", seed, date(2023, 2, 1), months)
    chk = life.account("7788", "Business Checking 7788", "USD", "csv_date", "Wells Fargo")
    amex = life.account("1005", "Amex Business 1005", "USD", "csv", "American Express")
    _ordinary(life, chk, amex)
    _inject(life, seed, chk, amex)
    return life


def _ordinary(life: Life, chk: Account, amex: Account) -> None:
    rng = life.rng
    invoice = 1000 + rng.randint(0, 500)
    new_hire = life.month_starts()[-2] + timedelta(days=3)
    supplier_no = 0
    for day in life.days():
        wd = day.weekday()
        if life.first_weekday(day):
            lease = life.add(life.at(day, 9), chk, "-3200.00", "Bayview Yard Leasing",
                             payee_account="121000248-6600", memo="YARD LEASE", category="rent")
            life.trap("monthly yard lease", lease)
        if day.day == 6:
            life.add(life.at(day, 3), amex, "-90.00", "INTUIT *QUICKBOOKS", category="software")
            life.add(life.at(day, 3), amex, "-49.99", "ADT SECURITY", category="software")
        if day.day == 12:
            life.add(life.at(day, 10), chk, -life.money(420, 980), "PG&E", category="utilities")
        if day.day == 20:
            life.add(life.at(day, 10), chk, "-612.40", "STATE FARM INSURANCE",
                     category="insurance")
        if wd >= 5:
            if life.chance(0.15):
                life.add(life.at(day, 10), amex, -life.money(15, 220), rng.choice(SUPPLY),
                         category="materials")
            continue
        if wd == 4 and (day - life.start).days % 14 == 2:
            run = [life.add(life.at(day, 8), chk, f"-{pay}", name, payee_account=acct,
                            memo="PAYROLL", category="payroll")
                   for name, (pay, acct) in CREW.items()]
            if day >= new_hire:  # a new hire whose name is one letter from a crew member's
                run.append(life.add(life.at(day, 8), chk, "-1500.00", "Marco Garcia",
                                    payee_account="121000358-2290", memo="PAYROLL",
                                    category="payroll"))
            life.trap("payroll run", *run)
        if life.chance(0.12):
            life.add(life.at(day, 9), chk, life.money(2500, 18000), rng.choice(CLIENTS),
                     memo="MOBILE DEPOSIT")
        if life.chance(0.09):  # a subcontractor invoice, now and then two of one amount
            name = rng.choice(sorted(SUBS))
            amount = d(rng.choice((800, 1250, 2400, 3600, 5200)))
            invoice += 1
            a = life.add(life.at(day, 10), chk, -amount, name, payee_account=SUBS[name],
                         memo=f"INV {invoice}", category="subcontractors")
            if life.chance(0.2):
                invoice += 1
                b = life.add(life.at(day, 10), chk, -amount, name, payee_account=SUBS[name],
                             memo=f"INV {invoice}", category="subcontractors")
                life.trap("two invoices of one amount paid together", a, b)
        if life.chance(0.05):  # a new supplier, paid on its first invoice
            supplier_no += 1
            life.add(life.at(day, 11), chk, -life.money(300, 2500),
                     f"{rng.choice(('Valley', 'Coastal', 'Summit', 'Pioneer'))} "
                     f"{rng.choice(('Stone', 'Glass', 'Roofing', 'Tile', 'Insulation'))} "
                     f"{supplier_no}", payee_account=f"12100{supplier_no:04d}-55{supplier_no:03d}",
                     memo=f"INV {rng.randint(100, 999)}", category="materials")
        # materials on the card, several stores on a busy day
        for _ in range(rng.choice((0, 1, 1, 2, 3))):
            life.add(life.at(day, rng.randint(6, 16)), amex, -life.money(12, 680),
                     rng.choice(SUPPLY), category="materials")
        if life.chance(0.45):
            life.add(life.at(day, rng.randint(6, 17)), amex, -life.money(45, 140),
                     rng.choice(FUEL), category="fuel")
        if life.chance(0.04):
            life.add(life.at(day, 7), amex, -life.money(180, 1400), "SUNBELT RENTALS",
                     category="equipment")
        if life.chance(0.07):  # a one-off store near a job site
            town = rng.choice(("MILLBRAE", "SAN MATEO", "DALY CITY", "BURLINGAME", "PACIFICA"))
            life.add(life.at(day, rng.randint(7, 15)), amex, -life.money(20, 450),
                     f"ACE HARDWARE {town} {rng.randint(10, 99)}", category="materials")
    _irs(life, chk)


def _irs(life: Life, chk: Account) -> None:
    for q in (3, 6, 9, 12):
        if q <= len(life.month_starts()):
            when = life.in_month(q - 1, 15, 9)
            life.add(when, chk, -life.money(3800, 6200), "IRS USATAXPYMT", memo="EST TAX",
                     category="tax")


def _inject(life: Life, seed: int, chk: Account, amex: Account) -> None:
    rng = life.rng
    months = len(life.month_starts())
    def m(lo: int) -> int:  # a month index from ``lo`` to the last but one
        return rng.randint(min(lo, months - 2), months - 2)

    # duplicate: one invoice paid twice (the same memo), and a card swiped twice
    name = rng.choice(sorted(SUBS))
    when = life.in_month(m(4), 17, 10)
    life.add(when, chk, "-4350.00", name, payee_account=SUBS[name], memo="INV 7731",
             category="subcontractors")
    dup = life.add(when + timedelta(days=seed % 2), chk, "-4350.00", name,
                   payee_account=SUBS[name], memo="INV 7731", category="subcontractors")
    life.mistake("duplicate", "the same invoice paid twice", dup)
    when = life.in_month(m(3), 8, 11)
    life.add(when, amex, "-412.88", "HOME DEPOT #4521", category="materials")
    dup = life.add(when + timedelta(seconds=50), amex, "-412.88", "HOME DEPOT #4521",
                   category="materials")
    life.mistake("duplicate", "card swiped twice", dup)
    # amount_shift: a crew member's pay with an extra zero, or the yard lease short a digit
    pay = life.first_row("Luis Hernandez", m(5))
    if seed % 2:
        pay.amount = d("-19000.00")
    else:
        pay.amount = d("-1090.00")  # 1900 with the digits swapped
    life.mistake("amount_shift", "payroll typing slip", pay)
    row = life.add(life.in_month(m(4), 21, 9), amex, "-1480.00", "CHEVRON 0091234",
                   category="fuel")
    life.mistake("amount_outlier", "fuel bill far above usual", row)
    # lookalike: a supplier's look-alike name, or a known subcontractor at a new account
    when = life.in_month(m(5), 14, 10)
    if seed % 2:
        row = life.add(when, chk, "-3600.00", "Mendoza Electirc LLC",
                       payee_account="021000089-7712004", memo="INV 8812")
        life.mistake("lookalike_payee", "subcontractor name with a typo", row)
    else:
        row = life.add(when, chk, "-5200.00", "J&R Drywall Inc", payee_account="031100209-99013",
                       memo="INV 8812 NEW BANK DETAILS")
        life.mistake("lookalike_payee", "known subcontractor, new bank account", row)
    row = life.add(life.in_month(m(4), 7, 13), chk, "-18500.00", "PACIFIC TRUCK SALES",
                   payee_account="121000248-4411", memo="F-250 DOWN PAYMENT")
    life.mistake("new_payee", "first payment to a truck dealer", row)
    # scam: a "release fee" for a fake government grant, then more fees at night
    when = life.in_month(m(5), 19, 23)
    rows = [life.add(when + timedelta(minutes=30 * k), chk, f"-{a}", who, payee_account=acct,
                     memo=memo)
            for k, (a, who, acct, memo) in enumerate((
                ("2500.00", "GRANT PROCESSING CTR", "084000026-1200", "RELEASE FEE"),
                ("4000.00", "R JAMES", "063100277-5511", "CLEARANCE"),
                ("6000.00", "K OWUSU", "111000614-9080", "TAX"),
            ))]
    life.mistake("scam_pattern", "fees to strangers for a fake grant", *rows)
    # system error: an ACH payment pending for days
    row = life.add(life.at(life.end - timedelta(days=12), 10), amex, "-2280.00", "FERGUSON #0098",
                   status=TxStatus.PENDING, category="materials")
    life.mistake("system_error", "payment pending for days", row)
    rise = life.month_starts()[m(6)]
    dearer = [r for r in life.rows if r.payee == "ADT SECURITY" and r.when.date() >= rise]
    for r in dearer:
        r.amount = d("-59.99")
    life.mistake("recurring_change", "monitoring price rise", dearer[0])
    for r in life.rows:  # the rental company's bills stay modest in ordinary months
        if r.payee == "SUNBELT RENTALS" and -r.amount > 600:
            r.amount = d(-600)
    totals: dict[tuple[int, int], Decimal] = {}
    for r in life.rows:
        if r.payee == "SUNBELT RENTALS":
            key = (r.when.year, r.when.month)
            totals[key] = totals.get(key, Decimal(0)) - r.amount
    cap = max(Decimal(2000), (max(totals.values(), default=Decimal(0)) * Decimal("1.2"))
              .quantize(Decimal("1")))
    life.limits.append(Limit(id=1, scope=LimitScope.PAYEE, amount=Money.of(str(cap), "USD"),
                             period=LimitPeriod.MONTH, payee="SUNBELT RENTALS"))
    when = life.in_month(m(4), 25, 7)
    spent = totals.get((when.year, when.month), Decimal(0))
    row = life.add(when, amex, -(cap - spent + 250), "SUNBELT RENTALS", category="equipment")
    life.mistake("limit_breach", "monthly cap for the rental company", row)
