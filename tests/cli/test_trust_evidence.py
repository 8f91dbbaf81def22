"""Hostile and careless evidence and scope, through the real command line.

Each case copies a shipped profile (Signal) and its pinned snapshots into a repository of its
own, breaks one thing, and runs `vendorgate`: the vendor is never approved on the broken input
(or the input is refused with a located message), and nothing prints a traceback."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.support.cli import REPO, run_cli

ORG = """\
apiVersion: vendorgate/v1
kind: OrgProfile
name: Test Org
sectors: [healthcare]
jurisdictions: [us]
packs: [ai-baseline]
rules_paths: [rules]
vendors_paths: [vendors]
blocking:
  severity: high
  undetermined: {undetermined}
evidence:
  require: verified
usage:
  signal: {{status: active, data_classes: [internal]}}
{extra}"""

PROFILE = Path("vendors/signal.yaml")
FIRST_QUOTE = "Signal cannot decrypt or otherwise access the content of your messages or calls."
"""The first quote of ai_training_customer_content, as the shipped profile folds it."""
FIRST_QUOTE_YAML = (
    "        quote: >-\n"
    "          Signal cannot decrypt or otherwise access the content of your messages or calls.\n"
)


def make_repo(tmp_path: Path, *, undetermined: str = "block", extra: str = "") -> Path:
    """A repository holding the shipped rules, Signal's profile and its snapshots."""
    repo = tmp_path / "repo"
    (repo / "vendors").mkdir(parents=True)
    shutil.copytree(REPO / "rules", repo / "rules")
    shutil.copytree(REPO / "snapshots" / "signal", repo / "snapshots" / "signal")
    shutil.copy(REPO / PROFILE, repo / PROFILE)
    (repo / "vendorgate.yaml").write_text(
        ORG.format(undetermined=undetermined, extra=extra), encoding="utf-8"
    )
    return repo


def edit(repo: Path, old: str, new: str, path: Path = PROFILE) -> None:
    text = (repo / path).read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    (repo / path).write_text(text.replace(old, new), encoding="utf-8")


def set_quote(repo: Path, quote: str) -> None:
    """Replace the first quote of ai_training_customer_content (a JSON string is valid YAML)."""
    edit(repo, FIRST_QUOTE_YAML, f"        quote: {json.dumps(quote)}\n")


def gate(repo: Path, *args: str) -> tuple[int, dict[str, Any], str]:
    result = run_cli("gate", str(PROFILE), "--format", "json", *args, cwd=repo)
    assert_clean(result.stderr)
    data = json.loads(result.stdout) if result.stdout.strip() else {}
    return result.returncode, data, result.stderr


def assert_clean(stderr: str) -> None:
    assert "Traceback" not in stderr
    assert "internal error" not in stderr.lower()


def evidence_of(data: dict[str, Any], fact: str) -> list[dict[str, Any]]:
    """Every piece of evidence the gate's findings show for ``fact``."""
    found = []
    for plan in data["plans"]:
        for finding in plan["findings"]:
            for read in finding["facts"]:
                if read["fact"] == fact:
                    found.extend(read["evidence"])
    return found


def assert_not_approved(rc: int, data: dict[str, Any]) -> None:
    """A broken quote behind ai_training_customer_content makes the vendor need review."""
    assert data["decision"] == "needs_review"
    assert rc == 1


def test_the_untouched_copy_is_approved_with_conditions(tmp_path: Path) -> None:
    # the baseline the other cases break: every quote verifies
    rc, data, _ = gate(make_repo(tmp_path))
    assert rc == 0
    assert data["decision"] == "approved_with_conditions"
    statuses = {e["status"] for e in evidence_of(data, "ai_training_customer_content")}
    assert statuses == {"verified"}


@pytest.mark.parametrize(
    ("quote", "words"),
    [
        ("** __ **", 0),  # only Markdown markup
        ("\u200b\u200b\u200b", 0),  # only zero-width spaces
        ("[](https://example.org)", 0),  # a link with no text
        ("Signal cannot", 2),  # two real words
        ("**Signal** *cannot*", 2),
    ],
)
def test_a_quote_too_short_after_normalisation_is_unsupported(
    tmp_path: Path, quote: str, words: int
) -> None:
    repo = make_repo(tmp_path)
    set_quote(repo, quote)
    rc, data, _ = gate(repo)
    assert_not_approved(rc, data)
    broken = [e for e in evidence_of(data, "ai_training_customer_content") if e["quote"] == quote]
    assert broken and {e["status"] for e in broken} == {"unsupported"}
    assert f"has {words} word" in broken[0]["detail"]


def test_a_quote_found_only_inside_longer_words_is_unsupported(tmp_path: Path) -> None:
    # "ignal cannot decrypt ... messages or cal" is in the snapshot, but only inside words
    repo = make_repo(tmp_path)
    set_quote(repo, "ignal cannot decrypt or otherwise access the content of your messages or cal")
    rc, data, _ = gate(repo)
    assert_not_approved(rc, data)
    statuses = [e["status"] for e in evidence_of(data, "ai_training_customer_content")]
    assert "unsupported" in statuses


def test_never_training_does_not_match_inside_whenever_training(tmp_path: Path) -> None:
    # a snapshot the test writes: the words are there only as the tail of "whenever"
    repo = make_repo(tmp_path)
    _own_privacy_snapshot(
        repo, "Whenever training runs, we use your messages to improve our models.\n"
    )
    set_quote(repo, "never training runs, we use your messages")
    rc, data, _ = gate(repo)
    assert_not_approved(rc, data)
    quoted = [e for e in evidence_of(data, "ai_training_customer_content") if e["doc"] == "privacy"]
    assert quoted and quoted[0]["status"] == "unsupported"


def test_a_link_destination_in_a_quote_is_never_shown_as_verified(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    set_quote(
        repo,
        "[Signal cannot decrypt](https://attacker.example/we-train-on-everything) or otherwise "
        "access the content of your messages or calls.",
    )
    rc, data, _ = gate(repo)
    assert rc == 0 and data["decision"] == "approved_with_conditions"  # the words are there
    shown = [e["quote"] for e in evidence_of(data, "ai_training_customer_content")]
    assert FIRST_QUOTE in shown
    for fmt in ("json", "text", "markdown"):
        out = run_cli("gate", str(PROFILE), "--format", fmt, cwd=repo)
        assert_clean(out.stderr)
        assert "attacker.example" not in out.stdout, fmt
    report = run_cli("check", "--format", "markdown", cwd=repo)
    assert report.returncode == 0
    assert "attacker.example" not in report.stdout


def test_a_quote_cut_inside_a_word_is_unsupported(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    set_quote(repo, "Signal cannot decrypt or otherwise access the content of your mess")
    rc, data, _ = gate(repo)
    assert_not_approved(rc, data)


def test_a_corrupted_quote_is_unsupported(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    set_quote(repo, FIRST_QUOTE.replace("cannot", "can"))
    rc, data, _ = gate(repo)
    assert_not_approved(rc, data)


def test_a_stale_snapshot_verifies_nothing(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    snapshot = repo / "snapshots" / "signal" / "privacy-policy" / "2025-09-23.md"
    with snapshot.open("a", encoding="utf-8") as handle:
        handle.write("\nWe now train our models on your messages.\n")
    rc, data, _ = gate(repo)
    assert_not_approved(rc, data)
    statuses = {e["status"] for e in evidence_of(data, "ai_training_customer_content")}
    assert "stale" in statuses


def _own_privacy_snapshot(repo: Path, text: str) -> None:
    """Replace the privacy snapshot with ``text`` (written by the test) and pin its sha256."""
    snapshot = repo / "snapshots" / "signal" / "privacy-policy" / "2025-09-23.md"
    snapshot.write_text(text, encoding="utf-8")
    sha = hashlib.sha256(text.encode()).hexdigest()
    edit(repo, "41ac672e082de1d58d5a2d53a3d91a4d0e5f9591f17335667c49c43bd569f9c3", sha)


def test_a_quote_in_another_section_gets_a_note(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    _own_privacy_snapshot(
        repo,
        "### 1\\. Scope\n\nThis policy covers the apps.\n\n### 2\\. Content\n\n"
        + FIRST_QUOTE
        + "\n",
    )
    edit(
        repo,
        "      - doc: privacy\n        section: Information you provide\n" + FIRST_QUOTE_YAML,
        "      - doc: privacy\n        section: '1'\n" + FIRST_QUOTE_YAML,
    )
    rc, data, _ = gate(repo)
    assert_not_approved(rc, data)  # the profile's other privacy quotes are not in this text
    cited = [e for e in evidence_of(data, "ai_training_customer_content") if e["section"] == "1"]
    assert cited and cited[0]["status"] == "verified"
    assert cited[0]["detail"].startswith("cited as section 1, found in section 2 Content")


def test_two_documents_on_one_snapshot_are_refused_at_the_snapshot_line(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    edit(
        repo,
        "    snapshot: ../snapshots/signal/privacy-policy/2025-09-23.md\n",
        "    snapshot: ../snapshots/signal/terms-of-service/./2026-02-05.md\n",
    )
    result = run_cli("gate", str(PROFILE), "--format", "json", cwd=repo)
    assert result.returncode == 2
    assert_clean(result.stderr)
    assert result.stdout == ""
    assert re.search(
        r"vendors/signal\.yaml:35:\d+: .*uses the snapshot of document `tos`", result.stderr
    )


def test_two_documents_on_one_snapshot_load_when_the_profile_says_why(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    edit(
        repo,
        "    snapshot: ../snapshots/signal/privacy-policy/2025-09-23.md\n",
        "    snapshot: ../snapshots/signal/terms-of-service/2026-02-05.md\n"
        "    shares_snapshot: the test pins both documents to one page\n",
    )
    edit(
        repo,
        "41ac672e082de1d58d5a2d53a3d91a4d0e5f9591f17335667c49c43bd569f9c3",
        "7d679a259818ab7a5f6b21d273d9142f9493153a9dc8d8dc8729df41d7718a7a",
    )
    rc, data, _ = gate(repo)
    # the privacy quotes are not in the terms, so they no longer verify
    assert_not_approved(rc, data)


WAIVER = """\
waivers:
  - rule: ai-no-training-on-customer-content-without-opt-in
    vendor: {vendor}
    justification: accepted for the test
    approver: Test Approver
    ticket: T-1
    expires: 2099-01-01
"""


def _lineage_copy(repo: Path, vendor_id: str, lineage: str) -> Path:
    """A second profile, id ``vendor_id``, declaring ``lineage``, that trains on content."""
    text = (repo / PROFILE).read_text(encoding="utf-8")
    text = text.replace("id: signal\n", f"id: {vendor_id}\nlineage: {lineage}\n", 1)
    text = text.replace(
        "reviewed: 2026-11-29\n", "reviewed: 2026-11-29\nin_force: {from: 2018-05-25}\n"
    )
    text = text.replace(
        "  ai_training_customer_content:\n    value: never\n",
        "  ai_training_customer_content:\n    value: always\n",
    )
    path = repo / "vendors" / f"{vendor_id}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_waiver_does_not_cover_another_profile_declaring_its_lineage(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, extra=WAIVER.format(vendor="signal"))
    _lineage_copy(repo, "lookalike", "signal")
    result = run_cli("gate", "vendors/lookalike.yaml", "--format", "json", cwd=repo)
    assert_clean(result.stderr)
    data = json.loads(result.stdout)
    assert data["decision"] == "rejected"
    assert result.returncode == 1
    verdicts = {f["rule"]: f["verdict"] for plan in data["plans"] for f in plan["findings"]}
    assert verdicts["ai-no-training-on-customer-content-without-opt-in"] == "fail"


def test_a_waiver_naming_only_a_lineage_is_refused(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, extra=WAIVER.format(vendor="family"))
    _lineage_copy(repo, "family-2018", "family")
    result = run_cli("check", "--format", "json", cwd=repo)
    assert result.returncode == 2
    assert_clean(result.stderr)
    assert re.search(r"vendorgate\.yaml:\d+:\d+: .*`family` is a lineage", result.stderr)


def test_a_symlinked_profile_cannot_borrow_snapshots_from_the_target_repository(
    tmp_path: Path,
) -> None:
    source = make_repo(tmp_path / "elsewhere")
    (source / ".git").mkdir()
    repo = tmp_path / "repo"
    (repo / "vendors").mkdir(parents=True)
    (repo / ".git").mkdir()
    shutil.copytree(REPO / "rules", repo / "rules")
    (repo / "vendorgate.yaml").write_text(
        ORG.format(undetermined="block", extra=""), encoding="utf-8"
    )
    os.symlink(source / PROFILE, repo / PROFILE)
    rc, data, _ = gate(repo)
    assert_not_approved(rc, data)
    statuses = {e["status"] for e in evidence_of(data, "ai_training_customer_content")}
    assert statuses == {"unverified"}


def test_empty_data_classes_are_refused(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    for value in ("", " ", ",", "internal,,phi"):
        result = run_cli("gate", str(PROFILE), "--data-classes", value, cwd=repo)
        assert result.returncode == 2, value
        assert_clean(result.stderr)
        assert "--data-classes" in result.stderr
        assert result.stdout == ""


def test_a_review_date_in_the_future_is_refused_where_it_is_written(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    edit(repo, "reviewed: 2026-11-29\n", "reviewed: 2099-11-29\n")
    for command in (("gate", str(PROFILE)), ("check",), ("check", "--format", "sarif")):
        result = run_cli(*command, cwd=repo)
        assert result.returncode == 2, command
        assert_clean(result.stderr)
        assert "vendors/signal.yaml:11:11:" in result.stderr
        assert "2099-11-29" in result.stderr


def test_a_review_date_after_an_as_of_day_in_the_future_is_refused(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    edit(repo, "reviewed: 2026-11-29\n", "reviewed: 2099-11-29\n")
    result = run_cli("gate", str(PROFILE), "--as-of", "2099-01-01", cwd=repo)
    assert result.returncode == 2
    assert_clean(result.stderr)
    assert "vendors/signal.yaml:11:11:" in result.stderr


def _all_undisclosed(repo: Path) -> None:
    """Every fact of the profile becomes undisclosed, with no evidence."""
    text = (repo / PROFILE).read_text(encoding="utf-8")
    head, _, _ = text.partition("\nfacts:\n")
    names = re.findall(r"^  ([a-z_]+):\n    value:", text, flags=re.MULTILINE)
    facts = "".join(f"  {name}:\n    value: undisclosed\n" for name in names)
    (repo / PROFILE).write_text(f"{head}\nfacts:\n{facts}", encoding="utf-8")


def test_ignoring_undetermined_never_approves_a_vendor_that_disclosed_nothing(
    tmp_path: Path,
) -> None:
    repo = make_repo(tmp_path, undetermined="ignore")
    _all_undisclosed(repo)
    rc, data, _ = gate(repo)
    assert data["decision"] == "approved_with_conditions"
    assert rc == 0
    assert data["plans"][0]["questions"]
    checked = run_cli("check", "--format", "json", cwd=repo)
    assert_clean(checked.stderr)
    vendors = json.loads(checked.stdout)["vendors"]
    assert [v["decision"] for v in vendors] == ["approved_with_conditions"]


def _check(repo: Path, engine: str) -> tuple[int, str]:
    result = run_cli("check", "--format", "json", "--engine", engine, cwd=repo)
    assert_clean(result.stderr)
    (vendor,) = json.loads(result.stdout)["vendors"]
    return result.returncode, vendor["decision"]


@pytest.mark.parametrize("engine", ["native", "rego"])
def test_a_failing_fact_whose_quote_breaks_stays_rejected_under_review(
    tmp_path: Path, engine: str
) -> None:
    # Unknowns are only conditions here; a stated `always` whose quote no longer verifies once
    # became unknown too, so breaking the quote turned rejected into approved_with_conditions.
    if engine == "rego":
        pytest.importorskip("regopy")
    repo = make_repo(tmp_path, undetermined="review")
    edit(
        repo,
        "  ai_training_customer_content:\n    value: never\n",
        "  ai_training_customer_content:\n    value: always\n",
    )
    assert _check(repo, engine) == (1, "rejected")
    set_quote(repo, FIRST_QUOTE.replace("cannot", "can"))
    assert _check(repo, engine) == (1, "rejected")
    if engine == "native":
        rc, data, _ = gate(repo)
        statuses = {e["status"] for e in evidence_of(data, "ai_training_customer_content")}
        assert "unsupported" in statuses
        assert (rc, data["decision"]) == (1, "rejected")
