"""`vendorgate bundle`: a deterministic OPA bundle whose data.vendorgate.decision, loaded in
regopy, returns the CLI's findings and decisions; and it uses only built-ins OPA 0.61 has."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import re
import tarfile
from datetime import date
from pathlib import Path

import pytest

from tests.support.cli import REPO, run_cli
from vendorgate.app import run
from vendorgate.evidence.resolver import Resolver
from vendorgate.evidence.snapshots import SnapshotStore
from vendorgate.rego import assemble, bundle, document

pytest.importorskip("regopy")

from vendorgate.rego.runtime import Evaluator

ORGS = sorted(str(p.relative_to(REPO)) for p in (REPO / "examples" / "orgs").glob("*.yaml"))
DAY = date(2026, 11, 29)
HOSPITAL = "examples/orgs/hospital.yaml"

# Built-ins of OPA 0.61 (and later) that vendorgate's generated modules may call.
OPA_061_BUILTINS = {
    "array.concat", "array.slice", "concat", "count", "floor", "format_int", "is_array",
    "is_number", "is_object", "is_string", "max", "numbers.range", "object.get", "sort",
    "sprintf", "startswith", "substring", "sum", "time.now_ns", "to_number",
}  # fmt: skip


def build(tmp_path: Path, org: str, name: str = "bundle.tar.gz") -> Path:
    out = tmp_path / name
    proc = run_cli("bundle", "-o", str(out), "--org", org)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(f"wrote {out}")
    return out


@pytest.mark.parametrize("org", ORGS)
def test_the_bundle_returns_the_clis_findings_and_decisions(tmp_path: Path, org: str) -> None:
    path = build(tmp_path, org)
    modules, data = bundle.modules_and_data(bundle.read(path))
    evaluator = Evaluator(modules, data)
    inputs = run.gather([], REPO / org, [])
    expected = run.evaluate(inputs, DAY)
    rules = {r.id: r for r in inputs.rules}
    ordered = sorted(inputs.vendors, key=lambda lv: lv.profile.id)
    assert len(ordered) == len(expected.results) > 1
    for loaded, want in zip(ordered, expected.results, strict=True):
        resolve = Resolver(loaded, SnapshotStore(loaded.root))
        # The input an OPA client sends: the profile and its evidence statuses, nothing else
        # (the plan, the data classes and the blocking settings come from the bundle).
        answer = evaluator.decide(
            {"vendor": document.vendor_json(loaded.profile, resolve), "today": DAY.isoformat()}
        )
        assert answer["decision"] == want.decision.kind.value
        assert answer["reasons"] == list(want.decision.reasons)
        got = assemble.vendor_result(answer, loaded.profile, rules, inputs.org, resolve)
        assert got == want


def test_the_bundle_is_byte_identical_and_well_formed(tmp_path: Path) -> None:
    first = build(tmp_path, HOSPITAL, "one.tar.gz").read_bytes()
    second = build(tmp_path, HOSPITAL, "two.tar.gz").read_bytes()
    assert first == second
    assert first[4:8] == b"\0\0\0\0"  # gzip header: no modification time
    with tarfile.open(fileobj=io.BytesIO(first), mode="r:gz") as tar:
        members = tar.getmembers()
    names = [m.name for m in members]
    assert names == sorted(names)
    assert {m.mtime for m in members} == {0}
    assert {(m.uid, m.gid, m.mode) for m in members} == {(0, 0, 0o644)}
    contents = bundle.read(tmp_path / "one.tar.gz")
    manifest = json.loads(contents[".manifest"])
    data = json.loads(contents["data.json"])
    assert manifest["roots"] == ["vendorgate"]
    assert re.fullmatch(r"[0-9a-f]{64}", manifest["revision"])
    assert data["vendorgate"]["revision"] == manifest["revision"]
    assert "vendorgate/decision.rego" in names
    assert "vendorgate/lib.rego" in names
    assert any(n.startswith("vendorgate/compiled/healthcare_hipaa/") for n in names)
    assert data["vendorgate"]["org"]["name"] == "Riverside Community Hospital (example)"
    assert data["vendorgate"]["rules"]["hipaa-baa-available"]["severity"] == "critical"
    # No path of this machine leaks into the bundle.
    assert str(REPO).encode() not in gzip.decompress(first)


def test_the_revision_changes_with_the_policy(tmp_path: Path) -> None:
    org = tmp_path / "org.yaml"
    text = (REPO / HOSPITAL).read_text(encoding="utf-8")
    org.write_text(text.replace("packs: [", "packs: [ai-subprocessors, "), encoding="utf-8")
    one = bundle.read(build(tmp_path, HOSPITAL, "one.tar.gz"))
    proc = run_cli(
        "bundle",
        "-o",
        str(tmp_path / "two.tar.gz"),
        "--org",
        str(org),
        "--rules",
        str(REPO / "rules"),
    )
    assert proc.returncode == 0, proc.stderr
    two = bundle.read(tmp_path / "two.tar.gz")
    revision = json.loads(one[".manifest"])["revision"]
    assert json.loads(two[".manifest"])["revision"] != revision
    assert "vendorgate/packs/ai_subprocessors/ai_subprocessors.rego" in two
    digest = hashlib.sha256(one["vendorgate/lib.rego"]).hexdigest()
    assert digest == hashlib.sha256(two["vendorgate/lib.rego"]).hexdigest()


def test_modules_use_only_opa_061_builtins(tmp_path: Path) -> None:
    contents = bundle.read(build(tmp_path, HOSPITAL))
    called: set[str] = set()
    defined: set[str] = set()
    for name, raw in contents.items():
        if not name.endswith(".rego"):
            continue
        text = re.sub(r'"(?:[^"\\]|\\.)*"', '""', raw.decode())  # strings are not calls
        text = "\n".join(line.split("#", 1)[0] for line in text.splitlines())
        defined |= set(re.findall(r"^([a-z_][a-z0-9_]*)\(", text, re.MULTILINE))
        called |= set(re.findall(r"(?<![\w.])([a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)?)\(", text))
    own = {f"lib.{n}" for n in defined} | defined
    unknown = called - own - OPA_061_BUILTINS
    assert not unknown, unknown
    assert "numbers.range" in called and "object.get" in called


def test_bundle_needs_an_output_and_reports_bad_input(tmp_path: Path) -> None:
    assert run_cli("bundle").returncode == 2
    bad = tmp_path / "org.yaml"
    bad.write_text(
        "apiVersion: vendorgate/v1\nkind: OrgProfile\nname: X\npacks: [nope]\nrules_paths: ["
        + str(REPO / "rules")
        + "]\n",
        encoding="utf-8",
    )
    proc = run_cli("bundle", "-o", str(tmp_path / "b.tar.gz"), "--org", str(bad))
    assert proc.returncode == 2
    assert "unknown rule pack `nope`" in proc.stderr
    assert not (tmp_path / "b.tar.gz").exists()
