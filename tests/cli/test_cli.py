"""The command line as a user meets it: the demo's verdicts and citations, exit codes, bad
input, deterministic JSON, atomic output, schemas."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from tests.support.cli import REPO, run_cli
from vendorgate.schemas import build as schema_gen

MARCH = "vendors/zoom-2023-03.yaml"
AUGUST = "vendors/zoom-2023-08.yaml"
AI_RULE = "hipaa-no-ai-training-on-phi"


def findings_by_vendor(report: dict) -> dict[str, dict[str, dict]]:  # type: ignore[type-arg]
    return {v["id"]: {f["rule"]: f for f in v["findings"]} for v in report["vendors"]}


@pytest.fixture(scope="module")
def demo_json() -> dict:  # type: ignore[type-arg]
    proc = run_cli("check", MARCH, AUGUST, "--format", "json")
    assert proc.returncode == 1, proc.stderr
    return json.loads(proc.stdout)  # type: ignore[no-any-return]


def test_check_in_repo_root_exits_1_on_the_march_2023_zoom_terms() -> None:
    proc = run_cli("check")
    assert proc.returncode == 1, proc.stderr
    assert "REJECTED" in proc.stdout


def test_march_2023_zoom_fails_with_both_citations(demo_json: dict) -> None:  # type: ignore[type-arg]
    finding = findings_by_vendor(demo_json)["zoom-2023-03"][AI_RULE]
    assert finding["verdict"] == "fail"
    assert finding["blocking"] is True
    authority = finding["citations"][0]
    assert authority["citation"] == "45 CFR 164.504(e)(2)(i)"
    assert authority["url"].startswith("https://www.ecfr.gov/")
    fact = next(f for f in finding["facts"] if f["fact"] == "ai_training_customer_content")
    assert fact["value"] == "always"
    clause = fact["evidence"][1]
    assert clause["section"] == "10.4"
    assert clause["title"] == "Zoom Terms of Service (effective March 31, 2023)"
    assert clause["url"] == "https://explore.zoom.us/en/terms/"
    assert clause["effective"] == "2023-03-31"
    assert "machine learning, artificial intelligence, training" in clause["quote"]
    snapshot = REPO / "snapshots/zoom/terms-of-service/2023-04-01.md"
    import hashlib

    assert clause["sha256"] == hashlib.sha256(snapshot.read_bytes()).hexdigest()
    assert clause["status"] == "verified"
    line = (REPO / MARCH).read_text().splitlines().index("  ai_training_customer_content:") + 1
    assert finding["location"] == {"path": MARCH, "line": line, "column": 3}


def test_august_2023_zoom_passes_the_same_rule(demo_json: dict) -> None:  # type: ignore[type-arg]
    assert findings_by_vendor(demo_json)["zoom-2023-08"][AI_RULE]["verdict"] == "pass"


def test_text_report_shows_both_citations() -> None:
    proc = run_cli("check", MARCH)
    assert proc.returncode == 1
    out = proc.stdout
    for expected in (
        "45 CFR 164.504(e)(2)(i)",
        "section 10.4",
        "effective 2023-03-31",
        "https://explore.zoom.us/en/terms/",
        "23793ad8e1f704cd5867aded44c51e6c8ce0",
        "machine learning, artificial intelligence, training",
    ):
        assert expected in out
    assert "\x1b[" not in out  # NO_COLOR and a pipe: plain text


def test_json_validates_against_the_shipped_report_schema(demo_json: dict) -> None:  # type: ignore[type-arg]
    from jsonschema import Draft202012Validator

    schema = json.loads(run_cli("schema", "report").stdout)
    errors = list(Draft202012Validator(schema).iter_errors(demo_json))
    assert errors == []


def test_json_is_byte_identical_across_hash_seeds() -> None:
    outputs = {
        run_cli("check", "--format", "json", env={"PYTHONHASHSEED": seed}).stdout
        for seed in ("0", "12345")
    }
    assert len(outputs) == 1
    assert outputs.pop().startswith("{")


def write_variant(tmp_path: Path, old: str, new: str) -> Path:
    text = (REPO / AUGUST).read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "vendors" / "v.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "category: video_conferencing\n",
            "category: video_conferencing\nid: x\n",
            "duplicate key `id`",
        ),
        ("  baa_available:", "  baa_availble:", "did you mean `baa_available`?"),
        ("    value: on_request", "    value: yes", "read by YAML as the boolean true"),
        ("usage:\n  status: candidate", "usage:\n  status: [candidate", "invalid YAML"),
    ],
    ids=["duplicate-key", "misspelt-field", "yaml-boolean", "broken-yaml"],
)
def test_bad_profiles_exit_2_with_one_located_line(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    path = write_variant(tmp_path, old, new)
    for command in (["validate", str(path)], ["check", str(path)]):
        proc = run_cli(*command)
        assert proc.returncode == 2
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1, proc.stderr
        assert lines[0].startswith(f"error: {path}:")
        assert expected in lines[0]
        assert "Traceback" not in proc.stderr
        assert proc.stdout == ""


def test_output_file_is_written_atomically(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    proc = run_cli("check", MARCH, "--format", "json", "-o", str(target))
    assert proc.returncode == 1
    assert json.loads(target.read_text())["vendors"][0]["id"] == "zoom-2023-03"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_unwritable_output_exits_2_and_keeps_the_old_file(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        target = Path("/proc/vendorgate-cannot-write-here.json")
    else:
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
        target = folder / "out.json"
    proc = run_cli("check", MARCH, "--format", "json", "-o", str(target))
    assert proc.returncode == 2
    assert "cannot write output" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not target.exists()


def test_bad_input_leaves_no_output_file(tmp_path: Path) -> None:
    path = write_variant(tmp_path, "  baa_available:", "  baa_availble:")
    target = tmp_path / "out.json"
    assert run_cli("check", str(path), "-o", str(target)).returncode == 2
    assert not target.exists()


def test_missing_path_and_bad_option_exit_2() -> None:
    assert run_cli("check", "no/such/folder").returncode == 2
    assert run_cli("check", "--format", "yaml").returncode == 2
    assert run_cli("check", "--as-of", "yesterday").returncode == 2


def test_schema_command_prints_the_shipped_schema() -> None:
    proc = run_cli("schema", "vendor")
    assert proc.returncode == 0
    schema = json.loads(proc.stdout)
    assert schema["$id"] == "https://vendorgate.dev/schemas/v1/vendor.schema.json"
    assert schema["additionalProperties"] is False


def test_shipped_schema_files_match_the_generator() -> None:
    for name, generated in schema_gen.all_schemas().items():
        shipped = (schema_gen.schema_dir() / f"{name}.schema.json").read_text(encoding="utf-8")
        assert shipped == schema_gen.render(generated), (
            f"{name}.schema.json is stale: run python -m vendorgate.schemas.build"
        )


def test_validate_finds_the_org_and_its_files_by_walking_up() -> None:
    proc = run_cli("validate", cwd=REPO / "vendors")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("ok: ")


def test_version_and_module_entry_point() -> None:
    proc = run_cli("--version")
    assert proc.returncode == 0
    assert proc.stdout.strip() == "vendorgate, version 0.1.0"


def test_version_does_not_import_heavy_modules() -> None:
    import subprocess
    import sys

    code = (
        "import sys; sys.argv=['vendorgate','--version']\n"
        "from vendorgate import cli\n"
        "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
        "heavy=[m for m in ('jsonschema','rich','yaml','regopy') if m in sys.modules]\n"
        "print('HEAVY:' + ','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "HEAVY:"


def test_library_api_without_click() -> None:
    import vendorgate

    result = vendorgate.check([REPO / MARCH], org_path=REPO / "vendorgate.yaml")
    verdicts = {f.rule: f.verdict.value for f in result.findings}
    assert verdicts[AI_RULE] == "fail"
