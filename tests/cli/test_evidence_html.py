"""``evidence verify``, ``review`` and ``evidence diff`` on a pinned HTML page this test writes
(written sentences, no vendor's words): a quote is checked against the text the page shows, so
one only its markup holds (a script, a style, a comment, an attribute) does not verify."""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

import pytest
import yaml

from tests.support.cli import onboarded, run_cli
from vendorgate.onboard.yamltext import quoted

SHOWN = "Acme will never use your content to train artificial intelligence models."
IN_SCRIPT = "Acme may use your content to train models."
IN_STYLE = "Acme keeps your data for ten years."
IN_COMMENT = "Acme sells your personal data to advertisers."
IN_ATTRIBUTE = "Acme shares customer data with brokers."
IN_OPEN_COMMENT = "Acme deletes nothing you send it."
IN_HIDDEN = "Acme may sell your data to anyone."
IN_NOT_DISPLAYED = "Acme keeps a copy of everything."
PAGE = f"""<!DOCTYPE html>
<html><head><title>Acme Legal Terms Page</title>
<script>var said = "{IN_SCRIPT}";</script>
<style>/* {IN_STYLE} */</style>
</head><body>
<h1>Acme Terms of Service</h1>
<p>Last updated: March 1, 2026</p>
<h2>1. Content</h2>
<p title="{IN_ATTRIBUTE}">{SHOWN}</p>
<!-- {IN_COMMENT} -->
<div hidden><p>{IN_HIDDEN}</p></div>
<p style="color: grey; display:none">{IN_NOT_DISPLAYED}</p>
<p>Acme &amp; its affiliates notify you of a breach within 72 hours.</p>
<!-- {IN_OPEN_COMMENT}
"""
SNAPSHOT = "snapshots/acme/terms-of-service/2026-03-01.md"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    onboarded(tmp_path, "acme.html", PAGE, "https://acme.example/terms", "--as-of", "2026-12-06")
    assert (tmp_path / SNAPSHOT).read_text(encoding="utf-8") == PAGE
    return tmp_path


def _cite(workspace: Path, quote: str) -> None:
    """The profile's AI-training quote (as ``new`` wrote it) replaced by ``quote``."""
    profile = workspace / "vendors" / "acme.yaml"
    first = workspace / "acme.yaml.as-written"
    if not first.exists():
        first.write_bytes(profile.read_bytes())
    text = first.read_text(encoding="utf-8")
    assert quoted(SHOWN) in text
    profile.write_text(text.replace(quoted(SHOWN), quoted(quote)), encoding="utf-8")


@pytest.mark.parametrize(
    "hidden",
    [
        IN_SCRIPT,
        IN_STYLE,
        IN_COMMENT,
        IN_ATTRIBUTE,
        IN_OPEN_COMMENT,
        "Acme Legal Terms Page",
        IN_HIDDEN,
        IN_NOT_DISPLAYED,
    ],
)
def test_a_quote_only_the_markup_holds_does_not_verify_and_says_why(
    workspace: Path, hidden: str
) -> None:
    assert hidden in PAGE
    _cite(workspace, hidden)
    done = run_cli("evidence", "verify", "--strict", cwd=workspace)
    assert done.returncode == 1, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    (flagged,) = [line for line in lines if ": unsupported: " in line]
    assert flagged.startswith("vendors/acme.yaml:")
    assert flagged.endswith(
        "unsupported: acme ai_training_customer_content <- tos-2026-03-01 section 1"
    )
    said = lines[lines.index(flagged) + 1]
    assert "found only in the page's markup" in said and "not in the text the page shows" in said
    assert lines[-1] == "2 evidence checked: 1 verified, 1 unsupported"


def test_review_refuses_to_accept_a_quote_only_the_markup_holds(workspace: Path) -> None:
    _cite(workspace, IN_COMMENT)
    done = run_cli("review", "vendors/acme.yaml", "--accept", "ai_training_customer_content",
                   cwd=workspace)  # fmt: skip
    assert done.returncode == 2, done.stdout + done.stderr
    assert "unsupported" in done.stderr and "Traceback" not in done.stderr
    assert quoted(IN_COMMENT) in (workspace / "vendors" / "acme.yaml").read_text(encoding="utf-8")


def test_a_quote_written_with_markup_verifies_as_its_visible_text(workspace: Path) -> None:
    # as an earlier `new` cut it from the page: a character reference and a tag
    _cite(workspace, '<p title="x">Acme will never use your content</p>')
    done = run_cli("evidence", "verify", "--strict", "--format", "json", cwd=workspace)
    assert done.returncode == 0, done.stdout + done.stderr
    shown = [item["quote"] for item in json.loads(done.stdout)["evidence"]]
    assert "Acme will never use your content" in shown  # what verified: the text, no markup
    # the markup's own words are not the page's: a quote that needs them does not verify
    _cite(workspace, f'<p title="{IN_ATTRIBUTE}">Acme will never use your content</p>')
    assert run_cli("evidence", "verify", "--strict", cwd=workspace).returncode == 0
    _cite(workspace, f"{IN_ATTRIBUTE} Acme will never use your content")
    assert run_cli("evidence", "verify", "--strict", cwd=workspace).returncode == 1


def test_a_quote_that_is_mostly_markup_is_held_to_the_words_it_shows(workspace: Path) -> None:
    _cite(workspace, '<span class="a b c d e">Acme</span> will')
    done = run_cli("evidence", "verify", "--strict", cwd=workspace)
    assert done.returncode == 1
    assert "the quote has 2 words after normalisation" in done.stdout


def test_a_markdown_snapshot_is_searched_as_written_less_its_comments(tmp_path: Path) -> None:
    # Markdown keeps its tags in the text compared, as it always has; its HTML comments, which
    # no renderer shows, are not searched (tests/cli/test_evidence_markdown_comment.py)
    text = f"# Acme Terms of Service\n\nLast updated: March 1, 2026\n\n## 1. Content\n\n{SHOWN}\n"
    tagged = f"<b>{IN_ATTRIBUTE}</b>"
    text += f"\n{tagged}\n\n<!-- {IN_COMMENT} -->\n"
    onboarded(tmp_path, "acme.md", text, "https://acme.example/t")
    _cite(tmp_path, tagged)
    done = run_cli("evidence", "verify", "--strict", cwd=tmp_path)
    assert done.returncode == 0, done.stdout
    _cite(tmp_path, IN_COMMENT)
    done = run_cli("evidence", "verify", "--strict", cwd=tmp_path)
    assert done.returncode == 1, done.stdout
    assert "found only in an HTML comment" in done.stdout


def test_evidence_diff_reads_a_page_as_it_shows(workspace: Path) -> None:
    # the next version moves the cited sentence into a comment: for a reader, it is gone
    hidden = PAGE.replace(f'<p title="{IN_ATTRIBUTE}">{SHOWN}</p>', f"<!-- {SHOWN} -->")
    assert hidden != PAGE
    (workspace / "next.md").write_text(hidden, encoding="utf-8")
    done = run_cli("evidence", "diff", SNAPSHOT, "next.md", "--vendors", "vendors",
                   "--format", "json", cwd=workspace)  # fmt: skip
    assert done.returncode == 1, done.stdout + done.stderr
    affected = {a["fact"]: a["status"] for a in json.loads(done.stdout)["affected"]}
    assert affected["ai_training_customer_content"] == "vanished"


HOSTILE = [
    '<a b="' * 200_000,  # a tag whose quoted value never closes, again and again
    "<p>x</p><a " + "b " * 600_000,  # one tag of a million attributes
    "<div>" * 200_000 + "x",  # deep nesting
    "<p>x</p><script>" + "a<" * 500_000,  # a script never closed
]


@pytest.mark.parametrize("page", HOSTILE, ids=["open-values", "attributes", "nesting", "script"])
def test_a_hostile_page_is_read_in_bounded_time(workspace: Path, page: str) -> None:
    """Each page is about a megabyte: the standard parser, left to itself, takes minutes on
    the first (it re-reads the rest of the page for every tag) and gigabytes on the second."""
    snapshot = workspace / SNAPSHOT
    before = hashlib.sha256(snapshot.read_bytes()).hexdigest()
    # at the end of the page, where the parser is left with it unfinished
    hostile = (PAGE.replace(f"<!-- {IN_OPEN_COMMENT}\n", "") + page).encode("utf-8")
    snapshot.write_bytes(hostile)
    profile = workspace / "vendors" / "acme.yaml"
    text = profile.read_text(encoding="utf-8")
    assert before in text
    profile.write_text(text.replace(before, hashlib.sha256(hostile).hexdigest()), encoding="utf-8")
    started = time.monotonic()
    done = run_cli("review", "vendors/acme.yaml", cwd=workspace)
    assert time.monotonic() - started < 60
    assert done.returncode == 1, done.stdout + done.stderr
    # the sentence before the hostile markup still reads as the page shows it
    assert "[1] tos-2026-03-01 section 1: verified" in done.stdout
    assert "Traceback" not in done.stderr


def test_from_carries_a_quote_written_with_markup_over_as_the_page_reads(workspace: Path) -> None:
    # a reviewed profile whose quote an earlier version cut with the page's markup
    marked_up = f'<p title="{IN_ATTRIBUTE}">{SHOWN}</p>'
    _cite(workspace, marked_up)
    profile = workspace / "vendors" / "acme.yaml"
    reviewed = workspace / "reviewed.yaml"
    text = profile.read_text(encoding="utf-8").replace("    unreviewed: true\n", "")
    reviewed.write_text(text, encoding="utf-8")
    profile.unlink()
    later = PAGE.replace("March 1, 2026", "April 1, 2026")
    (workspace / "later.html").write_text(later, encoding="utf-8")
    made = run_cli("new", "acme", "later.html", "--url", "https://acme.example/terms",
                   "--from", "reviewed.yaml", "--as-of", "2026-12-06", cwd=workspace)  # fmt: skip
    assert made.returncode == 0, made.stderr
    fact = yaml.safe_load(profile.read_text(encoding="utf-8"))["facts"][
        "ai_training_customer_content"
    ]
    assert fact["note"].startswith("carried over from acme")
    assert [item["quote"] for item in fact["evidence"]] == [SHOWN]  # as the page reads
    checked = run_cli("evidence", "verify", "--strict", cwd=workspace)
    assert checked.returncode == 0, checked.stdout + checked.stderr
