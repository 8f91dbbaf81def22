"""`vendorgate init`: a new vendor repository that validates and checks, and is never
written over."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml

from tests.support.cli import REPO, run_cli
from vendorgate.commands.init import JURISDICTION_PACKS, SECTOR_PACKS, packs_for
from vendorgate.load.builtin import builtin_packs_dir

WRITTEN = (
    "vendorgate.yaml",
    "schemas/org.schema.json",
    "schemas/vendor.schema.json",
    ".gitignore",
    ".github/workflows/vendorgate.yml",
    ".pre-commit-config.yaml",
    "vendors",
    "snapshots",
)


def test_init_writes_a_repository_that_validates(tmp_path: Path) -> None:
    target = tmp_path / "acme"
    done = run_cli(
        "init", str(target), "--sector", "healthcare", "--jurisdiction", "eu", cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    for relative in WRITTEN:
        assert (target / relative).exists(), relative
    org = yaml.safe_load((target / "vendorgate.yaml").read_text("utf-8"))
    assert org["name"] == "acme"
    assert org["sectors"] == ["healthcare"]
    assert org["packs"] == ["ai-baseline", "healthcare-hipaa", "privacy-gdpr"]
    assert org["rules_paths"] == ["builtin:"]
    assert ".vendorgate-cache/" in (target / ".gitignore").read_text("utf-8").splitlines()

    validated = run_cli("validate", cwd=target)
    assert validated.returncode == 0, validated.stderr
    assert "valid" in validated.stdout


def test_the_modeline_names_the_schema_written_beside_it(tmp_path: Path) -> None:
    assert run_cli("init", str(tmp_path)).returncode == 0
    first = (tmp_path / "vendorgate.yaml").read_text("utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=schemas/org.schema.json"
    copied = json.loads((tmp_path / "schemas/org.schema.json").read_text("utf-8"))
    shipped = run_cli("schema", "org")
    assert copied == json.loads(shipped.stdout)
    assert copied["$id"] == "https://vendorgate.dev/schemas/v1/org.schema.json"


def test_init_checks_a_vendor_against_the_shipped_packs(tmp_path: Path) -> None:
    assert run_cli("init", str(tmp_path), "--sector", "healthcare").returncode == 0
    shutil.copy(REPO / "vendors/zoom.yaml", tmp_path / "vendors/zoom.yaml")
    for folder in ("terms-of-service", "privacy-policy"):
        shutil.copytree(REPO / "snapshots/zoom" / folder, tmp_path / "snapshots/zoom" / folder)
    org = tmp_path / "vendorgate.yaml"
    text = org.read_text("utf-8").replace(
        "usage: {}", "usage:\n  zoom: {status: active, data_classes: [phi]}"
    )
    org.write_text(text, "utf-8")

    done = run_cli("check", "--format", "json", cwd=tmp_path / "vendors")
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    rules = {f["rule"] for v in report["vendors"] for f in v["findings"]}
    assert "hipaa-no-product-development-on-phi" in rules
    assert report["vendors"][0]["decision"] == "rejected"


def test_init_never_overwrites(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("mine\n", "utf-8")
    done = run_cli("init", str(tmp_path))
    assert done.returncode == 2
    assert ".gitignore" in done.stderr
    assert "never overwrites" in done.stderr
    assert "Traceback" not in done.stderr
    assert (tmp_path / ".gitignore").read_text("utf-8") == "mine\n"
    assert not (tmp_path / "vendorgate.yaml").exists()

    assert run_cli("init", str(tmp_path / "b")).returncode == 0
    again = run_cli("init", str(tmp_path / "b"))
    assert again.returncode == 2
    assert "vendorgate.yaml" in again.stderr


def test_an_unknown_sector_is_refused(tmp_path: Path) -> None:
    done = run_cli("init", str(tmp_path), "--sector", "helthcare")
    assert done.returncode == 2
    assert "healthcare" in done.stderr
    assert not (tmp_path / "vendorgate.yaml").exists()


def test_every_pack_init_names_is_shipped() -> None:
    shipped = {p.stem for p in builtin_packs_dir().glob("*.yaml")}
    named = {*SECTOR_PACKS.values(), *JURISDICTION_PACKS.values(), *packs_for((), ())}
    assert named <= shipped


def test_the_workflow_is_the_shipped_template_and_passes_base_ref_to_the_action(
    tmp_path: Path,
) -> None:
    assert run_cli("init", str(tmp_path)).returncode == 0
    written = (tmp_path / ".github/workflows/vendorgate.yml").read_bytes()
    assert written == (REPO / "ci" / "github-actions.yml").read_bytes()
    workflow = yaml.safe_load(written.decode("utf-8"))
    job = workflow["jobs"]["vendorgate"]
    assert job["timeout-minutes"] > 0
    assert job["permissions"] == {
        "contents": "read",
        "actions": "read",
        "security-events": "write",
    }
    for step in job["steps"]:
        assert "${{" not in step.get("run", ""), step
    checkout = job["steps"][0]
    assert checkout["with"]["persist-credentials"] is False
    action = job["steps"][1]
    assert action["uses"].startswith("vendorgate/vendorgate@")
    assert action["with"]["base-ref"] == "${{ github.base_ref }}"
    hooks = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text("utf-8"))
    assert all(h["require_serial"] for r in hooks["repos"] for h in r["hooks"])
