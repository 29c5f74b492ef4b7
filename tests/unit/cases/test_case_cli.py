"""``okguard case ...`` and ``okguard letter`` as a user runs them."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document

from okguard.cli.main import main
from okguard.domain.anomaly import Anomaly, AnomalyKind, Severity, anomaly_key
from okguard.i18n import Msg, set_default_lang
from okguard.storage import open_database
from okguard.storage.repos.anomalies import store

BIG_REF = "2024030222001400001234567890"


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    yield
    set_default_lang("en")  # --lang changes a process-wide default


def run(capsys: pytest.CaptureFixture[str], db_path: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db_path), *args])
    out, err = capsys.readouterr()
    return code, out, err


def open_json(capsys: pytest.CaptureFixture[str], db_path: Path, *args: str) -> int:
    code, out, err = run(capsys, db_path, "case", "open", *args, "--json")
    assert code == 0, err
    return int(json.loads(out)["id"])


def test_open_list_show_round_trip(
    capsys: pytest.CaptureFixture[str], db_path: Path, tx_ids: dict[str, int]
) -> None:
    big = str(tx_ids[BIG_REF])
    case_id = open_json(
        capsys, db_path, "--type", "unauthorised", "--transaction", big,
        "--jurisdiction", "CN", "--provider", "Alipay",
    )  # fmt: skip

    code, out, _ = run(capsys, db_path, "case", "list", "--json")
    assert code == 0
    (listed,) = json.loads(out)
    assert listed["id"] == case_id and listed["status"] == "open"
    assert listed["transactions"] == [int(big)] and listed["provider"] == "Alipay"

    code, out, _ = run(capsys, db_path, "case", "show", str(case_id), "--json")
    shown = json.loads(out)
    assert shown["type"] == "unauthorised" and shown["jurisdiction"] == "CN"
    assert shown["amount"] == "5500.00"
    assert [t["reference"] for t in shown["transactions"]] == [BIG_REF]
    assert shown["urgent"] and all(not u["done"] for u in shown["urgent"])
    # "Report and freeze" counts from the report, which has not happened yet.
    assert [(d["due"], d["needs_date"]) for d in shown["deadlines"]] == [(None, "report")]
    assert all(d["sources"] for d in shown["deadlines"])
    assert any(not d["verified"] for d in shown["deadlines"])
    assert shown["contacts"][0]["who"]
    assert "5,500.00" in " ".join(c["say"] for c in shown["contacts"])

    assert run(capsys, db_path, "case", "log", str(case_id), "--channel", "phone")[0] == 0
    code, text, _ = run(capsys, db_path, "case", "show", str(case_id))
    assert code == 0
    assert "Alipay" in text and BIG_REF in text
    assert "[unverified]" in text
    assert "due today" in text  # the countdown now runs from today's report
    assert text.count("not legal advice") == 1


def test_show_in_chinese(
    capsys: pytest.CaptureFixture[str], db_path: Path, tx_ids: dict[str, int]
) -> None:
    case_id = open_json(capsys, db_path, "--type", "scam", "--transaction", str(tx_ids[BIG_REF]))
    code, text, _ = run(capsys, db_path, "--lang", "zh_CN", "case", "show", str(case_id))
    assert code == 0
    assert "紧急" in text and "证据" in text
    assert text.count("不构成法律意见") == 1


def test_log_and_close_through_the_command_line(
    capsys: pytest.CaptureFixture[str], db_path: Path, tx_ids: dict[str, int]
) -> None:
    case_id = str(
        open_json(capsys, db_path, "--type", "wrong_recipient", "--transaction",
                  str(tx_ids[BIG_REF]), "--provider", "Alipay")
    )  # fmt: skip
    code, _, err = run(
        capsys, db_path, "case", "log", case_id, "--channel", "phone",
        "--reference", "ABC123", "--note", "They will call back",
    )  # fmt: skip
    assert code == 0, err
    code, out, _ = run(capsys, db_path, "reminders", "--json")
    assert sum(1 for r in json.loads(out) if r["case_id"] == int(case_id)) >= 1

    code, out, _ = run(capsys, db_path, "case", "show", case_id, "--json")
    shown = json.loads(out)
    assert shown["status"] == "waiting_provider"
    assert [(c["reference"], c["note"]) for c in shown["contact_log"]] == [
        ("ABC123", "They will call back")
    ]

    code, _, err = run(capsys, db_path, "case", "close", case_id, "--recovered", "5500")
    assert code == 0, err
    code, out, _ = run(capsys, db_path, "case", "list", "--json")
    (closed,) = json.loads(out)
    assert (closed["status"], closed["recovered"], closed["currency"]) == (
        "resolved",
        "5500.00",
        "CNY",
    )


def test_refund_is_offered_and_accepted(
    capsys: pytest.CaptureFixture[str], db_path: Path, tx_ids: dict[str, int]
) -> None:
    # Opened today, long after the fixture's refund: nothing to offer.
    case_id = str(
        open_json(capsys, db_path, "--type", "duplicate", "--transaction",
                  str(tx_ids["DUP-0001"]), str(tx_ids["DUP-0002"]))
    )  # fmt: skip
    code, out, _ = run(capsys, db_path, "case", "refunds", case_id, "--json")
    assert code == 0 and json.loads(out) == []
    refund = str(tx_ids["RF-0001"])
    code, out, err = run(capsys, db_path, "case", "refunds", case_id, "--accept", refund)
    assert code == 0, err
    assert "55.00" in out


def test_open_from_a_flag_and_attach_evidence(
    capsys: pytest.CaptureFixture[str], db_path: Path, tx_ids: dict[str, int], tmp_path: Path
) -> None:
    pair = (tx_ids["DUP-0001"], tx_ids["DUP-0002"])
    db = open_database(db_path)
    try:
        kind = AnomalyKind.DUPLICATE
        flag = Anomaly(kind, Severity.HIGH, pair, Msg("x"), anomaly_key(kind, pair))
        (flag_id,) = store(db, [flag], first_tx_at={})
    finally:
        db.close()
    case_id = str(open_json(capsys, db_path, "--from-flag", str(flag_id)))
    code, out, _ = run(capsys, db_path, "case", "show", case_id, "--json")
    shown = json.loads(out)
    assert shown["type"] == "duplicate" and shown["from_flag"] == flag.key
    assert [t["id"] for t in shown["transactions"]] == list(pair)

    receipt = tmp_path / "receipt.pdf"
    receipt.write_bytes(b"%PDF-1.4 receipt")
    key = shown["evidence"][0]["key"]
    code, out, err = run(capsys, db_path, "case", "attach", case_id, key, str(receipt))
    assert code == 0, err
    code, out, _ = run(capsys, db_path, "case", "show", case_id, "--json")
    item = json.loads(out)["evidence"][0]
    assert item["done"] and item["file_name"] == "receipt.pdf" and len(item["sha256"]) == 64
    copied = db_path.with_name(db_path.name + ".cases") / case_id / "receipt.pdf"
    assert copied.read_bytes() == receipt.read_bytes()


def _letter_text(path: Path, fmt: str) -> str:
    if fmt == "txt":
        return path.read_text(encoding="utf-8")
    if fmt == "docx":
        doc = Document(str(path))
        cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
        return "\n".join([p.text for p in doc.paragraphs] + cells)
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) is not installed to read the PDF back")
    done = subprocess.run([pdftotext, str(path), "-"], capture_output=True, text=True, check=True)
    return done.stdout


@pytest.mark.parametrize("fmt", ["txt", "pdf", "docx"])
@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_letter_files_carry_amount_and_transaction_id(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    tx_ids: dict[str, int],
    tmp_path: Path,
    lang: str,
    fmt: str,
) -> None:
    case_id = open_json(
        capsys, db_path, "--type", "wrong_recipient", "--transaction", str(tx_ids[BIG_REF]),
        "--jurisdiction", "CN", "--provider", "Alipay",
    )  # fmt: skip
    target = tmp_path / f"letter.{fmt}"
    code, _, err = run(
        capsys, db_path, "letter", str(case_id), "--lang", lang, "--format", fmt, "-o", str(target)
    )
    assert code == 0, err
    text = _letter_text(target, fmt)
    assert "5,500.00" in text
    assert BIG_REF in "".join(text.split())  # PDF text may wrap a long id
    assert ("支付宝" in text or "误转" in text) if lang == "zh_CN" else "wrong recipient" in text
    assert "6222021234561234" not in text, "account numbers are masked"

    code, out, _ = run(capsys, db_path, "case", "show", str(case_id), "--json")
    assert [e["kind"] for e in json.loads(out)["timeline"]] == ["letter"]


def test_text_letter_to_the_screen(
    capsys: pytest.CaptureFixture[str], db_path: Path, tx_ids: dict[str, int]
) -> None:
    case_id = open_json(capsys, db_path, "--type", "duplicate", "--transaction",
                        str(tx_ids["DUP-0001"]), str(tx_ids["DUP-0002"]))  # fmt: skip
    code, out, _ = run(capsys, db_path, "letter", str(case_id), "--format", "txt", "-o", "-")
    assert code == 0
    assert "DUP-0002" in out and "55.00" in out


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["case", "show", "42"], "No case with id 42"),
        (["case", "show", "abc"], "'abc'"),
        (["case", "open", "--type", "oops", "--transaction", "{big}"], "oops"),
        (["case", "open", "--type", "scam", "--transaction", "987654"], "987654"),
        (["case", "open", "--type", "scam", "--transaction", "x1"], "'x1'"),
        (["case", "open", "--type", "scam", "--transaction", "{big}", "{usd}"], "USD"),
        (
            ["case", "open", "--type", "scam", "--transaction", "{big}", "--jurisdiction", "XX"],
            "XX",
        ),
        (["case", "log", "42", "--channel", "phone"], "No case with id 42"),
        (["case", "close", "42"], "No case with id 42"),
        (["letter", "42", "-o", "-"], "No case with id 42"),
    ],
)
def test_bad_input_exits_3_with_a_message(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    tx_ids: dict[str, int],
    args: list[str],
    says: str,
) -> None:
    filled = [a.format(big=tx_ids[BIG_REF], usd=tx_ids["USD-0001"]) for a in args]
    code, _, err = run(capsys, db_path, *filled)
    assert code == 3
    assert says in err
    assert "Traceback" not in err


def test_pdf_letter_needs_a_file(
    capsys: pytest.CaptureFixture[str], db_path: Path, tx_ids: dict[str, int]
) -> None:
    case_id = open_json(capsys, db_path, "--type", "scam", "--transaction", str(tx_ids[BIG_REF]))
    code, out, err = run(capsys, db_path, "letter", str(case_id), "--format", "pdf", "-o", "-")
    assert code == 3 and "-o FILE" in err and out == ""
