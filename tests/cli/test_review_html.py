"""``vendorgate new`` and ``review`` on a local HTML page this test writes (no vendor's words):
the page is pinned as served, markup and all, but the quotes ``new`` writes are the page's
visible text, which is what ``evidence verify --strict`` checks; ``review`` shows a quote an
earlier version wrote with its markup as written and how it reads, and each paragraph as the
page shows it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tests.support.cli import onboarded, run_cli
from vendorgate.onboard.yamltext import quoted

# Written sentences: a character reference, an inline tag, a typographic apostrophe written
# as a reference, a bidirectional override as a reference, and a script (not on the page).
AI_WRITTEN = (
    "Acme &amp; its affiliates <b>will never</b> use your content to train artificial "
    "intelligence models."
)
AI_READS = (
    "Acme & its affiliates will never use your content to train artificial intelligence models."
)
BREACH_WRITTEN = (
    "We&rsquo;ll notify you of a security breach within 72 hours&#x202e; of becoming aware of it."
)
BREACH_READS = (
    "We\u2019ll notify you of a security breach within 72 hours\u202e of becoming aware of it."
)
PAGE = f"""<!DOCTYPE html>
<html><head><title>Acme Terms of Service</title>
<script>var said = "Acme may use your content to train models.";</script>
</head><body>
<h1>Acme Terms of Service</h1>
<p>Last updated: March 1, 2026</p>
<h2>1. Content</h2>
<p>{AI_WRITTEN}</p>
<h2>2. Security</h2>
<p>{BREACH_WRITTEN}</p>
</body></html>
"""


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    return onboarded(
        tmp_path, "acme.html", PAGE, "https://acme.example/terms", "--as-of", "2026-12-06"
    )


def _quotes(workspace: Path) -> dict[str, list[str]]:
    facts = yaml.safe_load((workspace / "vendors" / "acme.yaml").read_text(encoding="utf-8"))
    return {
        name: [e["quote"] for e in fact["evidence"]]
        for name, fact in facts["facts"].items()
        if fact.get("evidence")
    }


def _verify(workspace: Path) -> tuple[int, str]:
    done = run_cli("evidence", "verify", "--strict", cwd=workspace)
    return done.returncode, done.stdout


def test_new_writes_an_html_pages_quotes_as_the_page_shows_them_and_they_verify(
    workspace: Path,
) -> None:
    assert _quotes(workspace) == {
        "ai_training_customer_content": [AI_READS],
        "breach_notification_hours": [BREACH_READS],
    }
    # the snapshot is the page as served, markup and all
    pinned = (workspace / "snapshots" / "acme" / "terms-of-service" / "2026-03-01.md").read_text(
        encoding="utf-8"
    )
    assert pinned == PAGE
    code, out = _verify(workspace)
    assert code == 0 and out.splitlines()[-1] == "2 evidence checked: 2 verified"


def _as_written_by_an_earlier_version(workspace: Path) -> None:
    """The profile with its quotes as an earlier ``new`` wrote them: with the page's markup."""
    profile = workspace / "vendors" / "acme.yaml"
    text = profile.read_text(encoding="utf-8")
    text = text.replace(AI_READS, AI_WRITTEN).replace(quoted(BREACH_READS), quoted(BREACH_WRITTEN))
    profile.write_text(text, encoding="utf-8")
    assert _quotes(workspace)["ai_training_customer_content"] == [AI_WRITTEN]


def test_a_quote_written_with_markup_by_an_earlier_version_still_verifies(
    workspace: Path,
) -> None:
    _as_written_by_an_earlier_version(workspace)
    assert _quotes(workspace)["breach_notification_hours"] == [BREACH_WRITTEN]
    code, out = _verify(workspace)
    assert code == 0 and out.splitlines()[-1] == "2 evidence checked: 2 verified"
    # what verified, and is shown, is the text the page shows, not the markup
    done = run_cli("evidence", "verify", "--format", "json", cwd=workspace)
    quotes = [item["quote"] for item in json.loads(done.stdout)["evidence"]]
    assert quotes == [AI_READS, BREACH_READS]


def test_review_shows_how_an_html_quote_reads_and_its_paragraph_on_the_page(
    workspace: Path,
) -> None:
    done = run_cli("review", "vendors/acme.yaml", cwd=workspace)
    assert done.returncode == 1, done.stderr
    joined = " ".join(done.stdout.split())  # the text format wraps long lines
    # new's quote is the page's text already: nothing reads differently
    assert f"quote: \u201c{AI_READS}\u201d context:" in joined and "reads:" not in joined
    _as_written_by_an_earlier_version(workspace)
    done = run_cli("review", "vendors/acme.yaml", cwd=workspace)
    joined = " ".join(done.stdout.split())
    assert f"quote: \u201c{AI_WRITTEN}\u201d reads: \u201c{AI_READS}\u201d" in joined
    # the paragraph as the page shows it: no doctype, no tags, no script
    assert "may use" not in done.stdout
    assert f"context: \u00ab{AI_READS}\u00bb breach_notification_hours" in joined
    assert "<" not in done.stdout.split("reads:")[1].split("breach_notification_hours")[0]
    # a bidirectional override a reference decodes to never reaches the terminal
    assert "\u202e" not in done.stdout
    assert "reads: \u201cWe\u2019ll notify you of a security breach within 72 hours\ufffd of" in (
        joined
    )

    data = json.loads(
        run_cli("review", "vendors/acme.yaml", "--format", "json", cwd=workspace).stdout
    )
    (first,) = data["unreviewed"][0]["evidence"]
    assert (first["quote"], first["reads"]) == (AI_WRITTEN, AI_READS)
    start, end = first["context"]["quote"]
    assert first["context"]["text"] == AI_READS and first["context"]["text"][start:end] == AI_READS


def test_a_markdown_quote_has_no_separate_reading(tmp_path: Path) -> None:
    sentence = "Acme will never use your content to train artificial intelligence models."
    text = (
        f"# Acme Terms of Service\n\nLast updated: March 1, 2026\n\n## 1. Content\n\n{sentence}\n"
    )
    onboarded(tmp_path, "acme.md", text, "https://acme.example/terms")
    done = run_cli("review", "vendors/acme.yaml", "--format", "json", cwd=tmp_path)
    (quote,) = json.loads(done.stdout)["unreviewed"][0]["evidence"]
    assert quote["reads"] is None and quote["context"]["text"] == sentence
    assert "reads:" not in run_cli("review", "vendors/acme.yaml", cwd=tmp_path).stdout
