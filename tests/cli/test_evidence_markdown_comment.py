"""``evidence verify``, ``review``, ``scan`` and ``new`` on a Markdown snapshot this test writes
(written sentences, no vendor's words) holding HTML comments: a renderer shows none of a
comment, so a quote only a comment holds does not verify, and the scanner suggests nothing from
one."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from tests.support.cli import empty_catalogue, run_cli
from vendorgate.onboard.yamltext import quoted

SHOWN = "Acme will never use your content to train artificial intelligence models."
COMMENTED = "Acme never uses Customer Content to train AI models."
SOLD = "Acme sells your personal data to advertisers."
HEAD = "# Acme Terms of Service\n\nLast updated: March 1, 2026\n\n## 1. Content\n\n"
TAIL = "\n## 2. Privacy\n\nAcme keeps your account data while your account is open.\n"
SNAPSHOT = "snapshots/acme/terms-of-service/2026-03-01.md"
FACT = "ai_training_customer_content"
FLAGGED = f"unsupported: acme {FACT} <- tos-2026-03-01 section 1"


def _workspace(root: Path, document: str) -> Path:
    """A catalogue with the profile ``new`` writes for ``document`` (its snapshot, verbatim)."""
    empty_catalogue(root)
    (root / "acme.md").write_text(document, encoding="utf-8")
    made = run_cli("new", "acme", "acme.md", "--url", "https://acme.example/terms",
                   "--as-of", "2026-12-06", cwd=root)  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert (root / SNAPSHOT).read_text(encoding="utf-8") == document
    return root


def _cite(root: Path, quote: str, section: str = "1") -> None:
    """The profile's AI-training quote (the visible one ``new`` wrote) replaced by ``quote``."""
    profile = root / "vendors" / "acme.yaml"
    text = profile.read_text(encoding="utf-8")
    assert quoted(SHOWN) in text
    text = text.replace(quoted(SHOWN), quoted(quote))
    profile.write_text(text.replace('section: "1"', f'section: "{section}"', 1), encoding="utf-8")


def _verify(root: Path) -> list[str]:
    return run_cli("evidence", "verify", "--strict", cwd=root).stdout.splitlines()


def test_a_quote_only_a_comment_holds_is_unsupported_and_says_why(tmp_path: Path) -> None:
    root = _workspace(tmp_path, f"{HEAD}{SHOWN}\n\n<!-- {COMMENTED} -->\n{TAIL}")
    _cite(root, COMMENTED)
    lines = _verify(root)
    (flagged,) = [line for line in lines if ": unsupported: " in line]
    assert flagged == f"vendors/acme.yaml:29:9: {FLAGGED}"  # the profile's file, line, column
    said = lines[lines.index(flagged) + 1]
    assert "found only in an HTML comment (<!-- ... -->) of the Markdown snapshot" in said
    assert "no reader of the document sees it" in said
    assert lines[-1] == "1 evidence checked: 1 unsupported"


def test_a_quote_after_a_comment_never_closed_is_unsupported(tmp_path: Path) -> None:
    root = _workspace(tmp_path, f"{HEAD}{SHOWN}\n\n<!-- draft, not published\n\n{COMMENTED}\n")
    _cite(root, COMMENTED)
    lines = _verify(root)
    flagged = f"vendors/acme.yaml:29:9: {FLAGGED}"
    assert flagged in lines
    assert "found only in an HTML comment" in lines[lines.index(flagged) + 1]


def test_the_sentence_also_shown_verifies_where_it_is_shown(tmp_path: Path) -> None:
    # a comment of three lines in section 1 holds the sentence; section 2 shows it (line 15)
    commented = f"<!-- old wording:\n{COMMENTED}\nend of note -->\n"
    document = f"{HEAD}{SHOWN}\n\n{commented}\n## 2. Training\n\n{COMMENTED}\n"
    assert document.splitlines()[14] == COMMENTED
    root = _workspace(tmp_path, document)
    _cite(root, COMMENTED)
    lines = _verify(root)
    assert lines[:2] == [
        f"vendors/acme.yaml:29:9: verified: acme {FACT} <- tos-2026-03-01 section 1",
        "    note: cited as section 1, found in section 2 Training (line 13)",
    ]  # the comment's lines still count: section 2's heading is on line 13 of the file


def test_a_quote_read_across_a_comment_verifies_as_the_document_reads(tmp_path: Path) -> None:
    across = COMMENTED.replace("Acme ", "Acme <!-- checked by legal --> ", 1)
    root = _workspace(tmp_path, f"{HEAD}{SHOWN}\n\n{across}\n")
    _cite(root, COMMENTED)
    lines = _verify(root)
    assert lines[0] == f"vendors/acme.yaml:29:9: verified: acme {FACT} <- tos-2026-03-01 section 1"
    assert not [line for line in lines if ": unsupported: " in line]


def test_review_refuses_to_accept_a_quote_only_a_comment_holds(tmp_path: Path) -> None:
    root = _workspace(tmp_path, f"{HEAD}{SHOWN}\n\n<!-- {COMMENTED} -->\n")
    _cite(root, COMMENTED)
    done = run_cli("review", "vendors/acme.yaml", "--accept", FACT, cwd=root)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "unsupported" in done.stderr and "Traceback" not in done.stderr
    assert quoted(COMMENTED) in (root / "vendors" / "acme.yaml").read_text(encoding="utf-8")


def test_scan_and_new_suggest_nothing_from_a_comment(tmp_path: Path) -> None:
    document = f"{HEAD}<!--\n{COMMENTED}\n{SOLD}\n-->\n{TAIL}"
    root = _workspace(tmp_path, document)
    scanned = run_cli("scan", "acme.md", "--format", "json", cwd=root)
    assert scanned.returncode == 0, scanned.stderr
    result = json.loads(scanned.stdout)
    facts = {suggestion["fact"] for suggestion in result["suggestions"]}
    assert FACT not in facts and "sale_of_data" not in facts
    assert result["pointers"] == []
    profile = yaml.safe_load((root / "vendors" / "acme.yaml").read_text(encoding="utf-8"))
    assert profile["facts"][FACT] == {"value": "undisclosed"}
    assert profile["facts"]["sale_of_data"] == {"value": "undisclosed"}
    assert run_cli("evidence", "verify", "--strict", cwd=root).returncode == 0


def test_new_writes_a_quote_read_across_a_comment_as_it_reads(tmp_path: Path) -> None:
    across = SHOWN.replace("Acme ", "Acme <!-- checked by legal --> ", 1)
    root = _workspace(tmp_path, f"{HEAD}{across}\n")
    profile = yaml.safe_load((root / "vendors" / "acme.yaml").read_text(encoding="utf-8"))
    (quote,) = [item["quote"] for item in profile["facts"][FACT]["evidence"]]
    assert quote == SHOWN  # the comment the document runs across left no gap either
    assert run_cli("evidence", "verify", "--strict", cwd=root).returncode == 0


def test_evidence_diff_reads_a_sentence_moved_into_a_comment_as_gone(tmp_path: Path) -> None:
    root = _workspace(tmp_path, f"{HEAD}{SHOWN}\n{TAIL}")
    (root / "next.md").write_text(f"{HEAD}<!-- {SHOWN} -->\n{TAIL}", encoding="utf-8")
    done = run_cli("evidence", "diff", SNAPSHOT, "next.md", "--vendors", "vendors",
                   "--format", "json", cwd=root)  # fmt: skip
    assert done.returncode == 1, done.stdout + done.stderr
    affected = {a["fact"]: a["status"] for a in json.loads(done.stdout)["affected"]}
    assert affected[FACT] == "vanished"
