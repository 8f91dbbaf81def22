"""Thresholds and baselines on `check`: --fail-on-undetermined, --write-baseline, --baseline."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from tests.support.cli import GOLDEN, REPO, run_cli
from vendorgate.ci import baseline
from vendorgate.core.model import Verdict

AS_OF = ("--as-of", "2026-01-15")


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    """A writable copy of the golden fixture (snapshots stay reachable at the same depth)."""
    copy = tmp_path / "tests" / "golden"
    shutil.copytree(GOLDEN, copy)
    shutil.copytree(REPO / "snapshots" / "zoom", tmp_path / "snapshots" / "zoom")
    (tmp_path / ".git").mkdir()  # the repository root, which snapshots must stay inside
    return copy


def check(folder: Path, *args: str) -> tuple[int, str, str]:
    done = run_cli("check", "--org", "org.yaml", *AS_OF, *args, cwd=folder)
    return done.returncode, done.stdout, done.stderr


def add_failing_vendor(folder: Path, vendor_id: str) -> None:
    source = (folder / "vendors" / "zoom-march.yaml").read_text(encoding="utf-8")
    (folder / "vendors" / f"{vendor_id}.yaml").write_text(
        source.replace("id: zoom-march", f"id: {vendor_id}"), encoding="utf-8"
    )


def test_write_baseline_is_deterministic_and_records_fail_and_undetermined(
    catalogue: Path,
) -> None:
    code, _, err = check(catalogue, "--write-baseline", "base.json", "--format", "json")
    assert code == 1, err
    first = (catalogue / "base.json").read_bytes()
    check(catalogue, "--write-baseline", "base.json")
    assert (catalogue / "base.json").read_bytes() == first
    recorded = json.loads(first)["findings"]
    keys = [(e["vendor"], e["plan"] or "", e["rule"]) for e in recorded]
    assert keys == sorted(keys)
    assert {e["verdict"] for e in recorded} == {"fail", "undetermined"}
    assert len(recorded) == 7  # 1 fail + 6 undetermined in the golden fixture
    assert all(len(e["fingerprint"]) == 64 for e in recorded)


def test_baseline_lets_known_findings_pass_and_new_ones_block(catalogue: Path) -> None:
    check(catalogue, "--write-baseline", "base.json")
    code, out, err = check(catalogue, "--baseline", "base.json", "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    assert report["summary"]["blocking"] == 0
    # Decisions are the compliance verdict and stay as they were: a baseline only stops blocking.
    assert {v["id"]: v["decision"] for v in report["vendors"]}["zoom-march"] == "rejected"
    assert "7 known finding(s) do not block" in err
    add_failing_vendor(catalogue, "zoom-copy")
    code, out, err = check(catalogue, "--baseline", "base.json", "--format", "json")
    assert code == 1, err
    blocking = {
        (v["id"], f["rule"])
        for v in json.loads(out)["vendors"]
        for f in v["findings"]
        if f["blocking"]
    }
    assert blocking == {
        ("zoom-copy", "golden-no-ai-training"),
        ("zoom-copy", "golden-breach-notice"),
    }


def test_baseline_survives_moved_lines_and_notices_fixed_findings(catalogue: Path) -> None:
    check(catalogue, "--write-baseline", "base.json")
    profile = catalogue / "vendors" / "zoom-march.yaml"
    profile.write_text("# a comment\n\n" + profile.read_text(encoding="utf-8"), encoding="utf-8")
    code, _, err = check(catalogue, "--baseline", "base.json")
    assert code == 0, err
    (catalogue / "vendors" / "stale-vendor.yaml").unlink()
    code, _, err = check(catalogue, "--baseline", "base.json")
    assert code == 0
    assert "3 recorded finding(s) no longer occur" in err


def test_a_recorded_undetermined_finding_that_now_fails_blocks() -> None:
    from vendorgate.app import run

    result = run.check(org_path=GOLDEN / "org.yaml", today=__import__("datetime").date(2026, 1, 15))
    undetermined = next(
        f for f in result.findings if f.verdict is Verdict.UNDETERMINED and f.blocking
    )
    accepted = baseline.Baseline(
        (baseline.Entry(baseline.fingerprint(undetermined), Verdict.UNDETERMINED),)
    )
    assert accepted.covers(undetermined)
    assert not accepted.covers(replace(undetermined, verdict=Verdict.FAIL))
    failing = baseline.Baseline((baseline.Entry(baseline.fingerprint(undetermined), Verdict.FAIL),))
    assert failing.covers(undetermined)
    assert not failing.covers(replace(undetermined, verdict=Verdict.ERROR))
    # A different fact behind the same rule is a different finding.
    other = replace(undetermined, facts=(), location=replace(undetermined.location, line=999))
    assert baseline.fingerprint(other) != baseline.fingerprint(undetermined)


@pytest.mark.parametrize(
    ("content", "where", "message"),
    [
        ('{"schemaVersion": "1",\n  "findings": [}\n', ":2:16:", "invalid JSON"),
        (
            '{\n  "schemaVersion": "1",\n  "findings": [\n    {"fingerprint": "abc",'
            ' "verdict": "fail"}\n  ]\n}\n',
            ":4:21:",
            "64 hexadecimal digits",
        ),
        (
            '{\n  "schemaVersion": "1",\n  "findings": [\n    {"fingerprint": "'
            + "a" * 64
            + '",\n     "verdict": "pass"}\n  ]\n}\n',
            ":5:17:",
            "`verdict` must be one of fail, undetermined",
        ),
        ('{"schemaVersion": "9", "findings": []}\n', ":1:19:", "schemaVersion"),
    ],
)
def test_a_broken_baseline_is_a_located_input_error(
    catalogue: Path, content: str, where: str, message: str
) -> None:
    (catalogue / "base.json").write_text(content, encoding="utf-8")
    code, out, err = check(catalogue, "--baseline", "base.json")
    assert code == 2
    assert out == ""
    assert f"base.json{where}" in err and message in err, err
    assert "Traceback" not in err


def test_missing_baseline_and_unwritable_baseline_exit_2_without_leftovers(
    catalogue: Path,
) -> None:
    code, _, err = check(catalogue, "--baseline", "nope.json")
    assert code == 2 and "nope.json: baseline file not found" in err
    code, _, err = check(catalogue, "--write-baseline", "missing-dir/base.json")
    assert code == 2 and "cannot write output" in err
    assert not (catalogue / "missing-dir").exists()
    assert not list(catalogue.glob(".base.json*"))


def test_fail_on_undetermined_blocks_what_the_organisation_only_reviews(catalogue: Path) -> None:
    org = catalogue / "org.yaml"
    org.write_text(
        org.read_text(encoding="utf-8").replace("undetermined: block", "undetermined: review"),
        encoding="utf-8",
    )
    # Nothing of quiet-vendor may fail outright here: its stated `baa_available: not_available`
    # fails the BAA rule whatever its evidence, so it says nothing about the BAA instead.
    quiet = catalogue / "vendors" / "quiet-vendor.yaml"
    text = quiet.read_text(encoding="utf-8")
    stated = "  baa_available:\n    value: not_available\n"
    assert stated in text
    quiet.write_text(text.replace(stated, "  baa_available:\n    value: undisclosed\n"), "utf-8")
    code, out, err = check(catalogue, "vendors/quiet-vendor.yaml", "--format", "json")
    assert code == 0, err
    assert json.loads(out)["summary"]["blocking"] == 0
    code, out, err = check(
        catalogue, "vendors/quiet-vendor.yaml", "--format", "json", "--fail-on-undetermined"
    )
    assert code == 1, err
    report = json.loads(out)
    blocked = [f for v in report["vendors"] for f in v["findings"] if f["blocking"]]
    assert {f["verdict"] for f in blocked} == {"undetermined"}
    assert len(blocked) == 2
    assert report["vendors"][0]["decision"] == "needs_review"
    # Still subject to the threshold: only critical undetermined findings block at critical.
    code, out, _ = check(
        catalogue,
        "vendors/stale-vendor.yaml",
        "--format",
        "json",
        "--fail-on-undetermined",
        "--fail-on",
        "critical",
    )
    severities = {
        f["severity"] for v in json.loads(out)["vendors"] for f in v["findings"] if f["blocking"]
    }
    assert severities == {"critical"}
