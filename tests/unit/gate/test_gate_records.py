"""Decision records: `gate --record FILE` writes the hashes of every input, the version, the
time, the as-of date, the decision and the findings; `gate --verify-record FILE` re-evaluates
and holds (exit 0) until any input changes (exit 1, naming what changed); a bad record exits 2."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from tests.support import gate_world
from tests.support.cli import run_cli
from vendorgate.core.version import __version__
from vendorgate.gate import decisions as gate
from vendorgate.gate import records
from vendorgate.report import render_view

AS_OF = "2024-02-01"


@pytest.fixture
def world(tmp_path: Path) -> Path:
    gate_world.build(tmp_path, third_party_known=True)
    return tmp_path


def _record(root: Path, *extra: str) -> dict:  # type: ignore[type-arg]
    proc = run_cli(
        "gate",
        "vendors/acme.yaml",
        "--plan",
        "all",
        "--as-of",
        AS_OF,
        "--record",
        "records/acme.json",
        *extra,
        cwd=root,
    )
    assert proc.returncode == 0, proc.stderr
    data: dict = json.loads((root / "records" / "acme.json").read_text())  # type: ignore[type-arg]
    return data


def _record_lib(root: Path) -> None:
    """The same record as ``_record``, written through the library (faster than the CLI)."""
    result = gate.evaluate(
        gate.GateRequest(
            vendor=root / "vendors" / "acme.yaml",
            plan="all",
            org=root / "vendorgate.yaml",
            as_of=date.fromisoformat(AS_OF),
        )
    )
    records.write(result, root / "records" / "acme.json")


def _verify_lib(root: Path) -> tuple[int, str]:
    verification = records.verify(root / "records" / "acme.json")
    return (0 if verification.holds else 1), render_view(
        "gate-record-verification", "text", verification
    ).rstrip("\n")


def _verify(root: Path, cwd: Path | None = None) -> tuple[int, str]:
    proc = run_cli("gate", "--verify-record", str(root / "records" / "acme.json"), cwd=cwd or root)
    return proc.returncode, proc.stdout + proc.stderr


def test_a_record_holds_every_input_hash_and_the_decision(world: Path) -> None:
    (world / "records").mkdir()
    data = _record(world)
    assert data["kind"] == "vendorgate/decision-record"
    assert data["generator"]["version"] == __version__
    assert data["asOf"] == AS_OF
    assert data["firstPassingPlan"] == "enterprise" and data["passes"] is True
    inputs = {(i["role"], i["path"]): i["sha256"] for i in data["inputs"]}
    expected = {
        ("vendor", "../vendors/acme.yaml"),
        ("org", "../vendorgate.yaml"),
        ("rules", "../rules/healthcare-hipaa.yaml"),
        ("snapshot", "../snapshots/acme/tos.md"),
    }
    assert set(inputs) == expected
    for (_, rel), sha in inputs.items():
        path = (world / "records" / rel).resolve()
        assert sha == hashlib.sha256(path.read_bytes()).hexdigest()
    findings = data["result"]["plans"][0]["findings"]
    assert {f["rule"]: f["verdict"] for f in findings} == {
        "hipaa-baa-available": "fail",
        "hipaa-no-ai-training-on-phi": "pass",
    }
    assert str(world) not in json.dumps(data), "no absolute path of the machine"


def test_the_time_is_the_only_field_that_changes_between_runs(world: Path) -> None:
    result = gate.evaluate(
        gate.GateRequest(
            vendor=world / "vendors" / "acme.yaml",
            plan="all",
            org=world / "vendorgate.yaml",
            as_of=date(2024, 2, 1),
        )
    )
    path = world / "rec.json"
    one = records.build(result, path, datetime(2024, 2, 1, 9, 0, tzinfo=timezone.utc))
    two = records.build(result, path, datetime(2025, 7, 4, 17, 30, tzinfo=timezone.utc))
    assert one["recordedAt"] == "2024-02-01T09:00:00Z"
    assert {k: v for k, v in one.items() if k != "recordedAt"} == {
        k: v for k, v in two.items() if k != "recordedAt"
    }


def test_an_unchanged_record_verifies_from_anywhere(
    world: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    (world / "records").mkdir()
    _record(world)
    code, out = _verify(world)
    assert code == 0 and "HOLDS" in out and "DOES NOT HOLD" not in out
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    assert _verify(world, cwd=elsewhere)[0] == 0


def _append(path: str, text: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        with (root / path).open("a", encoding="utf-8") as handle:
            handle.write(text)

    return change


def _replace(path: str, old: str, new: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        target = root / path
        text = target.read_text(encoding="utf-8")
        assert old in text
        target.write_text(text.replace(old, new), encoding="utf-8")

    return change


@pytest.mark.parametrize(
    ("change", "changed", "difference"),
    [
        # A comment: same verdicts, but the vendor file is not the one the decision rested on.
        (_append("vendors/acme.yaml", "# reviewed again\n"), "vendor ../vendors/acme.yaml", None),
        (
            _replace("vendors/acme.yaml", "value: not_available", "value: on_request"),
            "vendor ../vendors/acme.yaml",
            "plan (base): hipaa-baa-available: fail (blocking) -> pass",
        ),
        (
            _append("rules/healthcare-hipaa.yaml", "# tightened\n"),
            "rules ../rules/healthcare-hipaa.yaml",
            None,
        ),
        (
            _replace("vendorgate.yaml", "severity: high", "severity: critical"),
            "org ../vendorgate.yaml",
            None,
        ),
        (
            _append("snapshots/acme/tos.md", "\n3. New clause.\n"),
            "snapshot ../snapshots/acme/tos.md",
            "plan enterprise: decision approved -> ",
        ),
    ],
    ids=["vendor-comment", "vendor-fact", "rule-pack", "org", "snapshot"],
)
def test_any_input_change_breaks_the_record(
    world: Path,
    change: Callable[[Path], None],
    changed: str,
    difference: str | None,
) -> None:
    (world / "records").mkdir()
    _record_lib(world)
    change(world)
    code, out = _verify_lib(world)
    assert code == 1, out
    assert "DOES NOT HOLD" in out
    assert "inputs changed:" in out and changed in out
    if difference is not None:
        assert "results differ:" in out and difference in out


def test_a_new_version_of_the_vendor_is_an_added_input_under_as_of(tmp_path: Path) -> None:
    gate_world.build(tmp_path)
    vendor = tmp_path / "vendors" / "acme.yaml"
    vendor.write_text(
        vendor.read_text().replace(
            "reviewed:", "lineage: acme\nin_force:\n  from: 2024-01-01\nreviewed:"
        )
    )
    (tmp_path / "records").mkdir()
    _record_lib(tmp_path)
    newer = tmp_path / "vendors" / "acme-2024-01-20.yaml"
    newer.write_text(
        vendor.read_text()
        .replace("id: acme", "id: acme-2024-01-20")
        .replace("from: 2024-01-01", "from: 2024-01-20")
        .replace("value: not_available", "value: on_request")
    )
    code, out = _verify_lib(tmp_path)
    assert code == 1
    assert "inputs added:" in out and "vendor-version ../vendors/acme-2024-01-20.yaml" in out
    assert "vendor version evaluated: acme -> acme-2024-01-20" in out


def test_a_deleted_input_does_not_hold(world: Path) -> None:
    (world / "records").mkdir()
    _record_lib(world)
    (world / "snapshots" / "acme" / "tos.md").unlink()
    code, out = _verify_lib(world)
    assert code == 1 and "snapshot ../snapshots/acme/tos.md" in out and "(missing)" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"kind": "vendorgate/decision-record",\n  "schemaVersion": }', "invalid JSON"),
        ('{"kind": "something-else"}', 'expected a JSON object with "kind"'),
        (
            '{"kind": "vendorgate/decision-record", "schemaVersion": "1", "asOf": "2024-02-01",'
            ' "request": {}, "inputs": [], "result": {"plans": []}}',
            "`request.vendor` is missing",
        ),
    ],
)
def test_a_bad_record_exits_2(tmp_path: Path, content: str, message: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    proc = run_cli("gate", "--verify-record", str(bad), cwd=tmp_path)
    assert proc.returncode == 2
    assert message in proc.stderr and "Traceback" not in proc.stderr
    if "invalid JSON" in message:
        assert f"{bad}:2:" in proc.stderr
    assert run_cli("gate", "--verify-record", str(tmp_path / "none.json")).returncode == 2


def test_an_unwritable_record_leaves_nothing_behind(world: Path) -> None:
    proc = run_cli(
        "gate", "vendors/acme.yaml", "--as-of", AS_OF, "--record", "missing-dir/rec.json", cwd=world
    )
    assert proc.returncode == 2
    assert "cannot write output" in proc.stderr
    assert not (world / "missing-dir").exists()


def test_verify_record_refuses_other_arguments(world: Path) -> None:
    proc = run_cli("gate", "vendors/acme.yaml", "--verify-record", "x.json", cwd=world)
    assert proc.returncode == 2 and "--verify-record takes no VENDOR_FILE" in proc.stderr
