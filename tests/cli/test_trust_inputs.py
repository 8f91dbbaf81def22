"""Inputs that used to be dropped, read as empty, or answered with "internal error": each is
now found by parsing, refused with a located message (exit 2), or evaluated so that the vendor
is not approved. Every case runs the real CLI in a subprocess."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_hostile import ORG, PACK, VENDOR
from tests.support.cli import run_cli

TRAINS = VENDOR.replace("    value: never\n", "    value: always\n", 1)
"""The vendor trains on customer content: the pack's one rule fails, so it must not pass."""


def lay_out(root: Path, *, vendor: str = TRAINS, pack: bytes | None = None, org: str = ORG) -> Path:
    (root / "vendors").mkdir(parents=True, exist_ok=True)
    (root / "rules").mkdir(parents=True, exist_ok=True)
    (root / "vendors" / "acme.yaml").write_text(vendor)
    (root / "rules" / "pack.yaml").write_bytes(PACK.encode() if pack is None else pack)
    (root / "org.yaml").write_text(org)
    return root


def assert_clean(proc: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "internal error" not in proc.stderr, proc.stderr


def assert_refused(proc: subprocess.CompletedProcess[str], located: str, message: str) -> None:
    """Exit 2, the first line names ``located`` (a file, then a line number when given with a
    trailing colon), and the message says what is wrong."""
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert_clean(proc)
    first = proc.stderr.removeprefix("error: ").splitlines()[0]
    assert first.startswith(located), proc.stderr
    if located.endswith(":"):
        assert first[len(located) :].split(":")[0].isdigit(), "no line number"
    assert message in proc.stderr, proc.stderr


def decision(proc: subprocess.CompletedProcess[str]) -> str:
    report = json.loads(proc.stdout)
    return str(report["vendors"][0]["decision"])


def assert_not_approved(proc: subprocess.CompletedProcess[str]) -> None:
    assert proc.returncode == 1, proc.stderr
    assert_clean(proc)
    assert not decision(proc).startswith("approved")


# ---------------------------------------------------------------- rule packs found by parsing


@pytest.mark.parametrize(
    "pack",
    [
        PACK.replace("\n", "\r\n").encode(),
        b"\xef\xbb\xbf" + PACK.replace("kind: RulePack", "kind: !!str RulePack").encode(),
        PACK.replace("kind: RulePack", "kind: 'RulePack'   # the kind").encode(),
        PACK.replace("kind: RulePack", 'kind: "Rule\\x50ack"').encode(),
    ],
    ids=["crlf", "bom-and-str-tag", "quoted-with-comment", "escaped"],
)
def test_a_pack_is_found_however_its_kind_is_written(tmp_path: Path, pack: bytes) -> None:
    lay_out(tmp_path, pack=pack)
    assert_not_approved(run_cli("check", "--format", "json", cwd=tmp_path))


def test_a_pack_written_as_json_is_found(tmp_path: Path) -> None:
    import yaml

    as_json = json.dumps(yaml.safe_load(PACK)).encode()
    lay_out(tmp_path, pack=as_json)
    assert_not_approved(run_cli("check", "--format", "json", cwd=tmp_path))


def test_a_file_beside_the_packs_that_does_not_parse_is_refused(tmp_path: Path) -> None:
    lay_out(tmp_path)
    (tmp_path / "rules" / "other.yaml").write_text("kind: [RulePack\n")
    proc = run_cli("check", "--format", "json", cwd=tmp_path)
    assert_refused(proc, "rules/other.yaml:", "invalid YAML")


# ---------------------------------------------------------------- nothing evaluated is an error


def test_no_rule_to_evaluate_is_an_error(tmp_path: Path) -> None:
    lay_out(tmp_path, pack=b"# the pack was deleted\nnote: nothing here\n")
    proc = run_cli("check", "--format", "json", cwd=tmp_path)
    assert_refused(proc, "org.yaml", "no rules to evaluate")
    assert proc.stdout == ""


def test_no_vendor_to_evaluate_is_an_error(tmp_path: Path) -> None:
    lay_out(tmp_path)
    (tmp_path / "vendors" / "acme.yaml").unlink()
    proc = run_cli("check", "--format", "json", cwd=tmp_path)
    assert_refused(proc, "vendors", "no vendor profiles found")
    assert proc.stdout == ""


USAGE_TYPO = ORG + "usage:\n  acme-chat: {status: active, data_classes: [phi]}\n"


def test_usage_naming_no_vendor_of_the_catalogue_is_an_error(tmp_path: Path) -> None:
    lay_out(tmp_path, org=USAGE_TYPO)
    proc = run_cli("check", "--format", "json", cwd=tmp_path)
    assert_refused(proc, "org.yaml:9:", "usage names vendor `acme-chat`")


def test_usage_naming_no_vendor_is_an_error_for_every_format(tmp_path: Path) -> None:
    lay_out(tmp_path, org=USAGE_TYPO)
    proc = run_cli("check", "--format", "text", cwd=tmp_path)
    assert_refused(proc, "org.yaml:9:", "usage names vendor `acme-chat`")


def test_usage_of_a_vendor_outside_a_subset_run_is_not_an_error(tmp_path: Path) -> None:
    lay_out(tmp_path, org=USAGE_TYPO.replace("acme-chat", "other"))
    (tmp_path / "vendors" / "other.yaml").write_text(VENDOR.replace("id: acme", "id: other"))
    proc = run_cli("check", "--format", "json", "vendors/acme.yaml", cwd=tmp_path)
    assert_not_approved(proc)


# ---------------------------------------------------------------- schema and identifiers


@pytest.mark.parametrize("operator", ["all", "any"])
def test_an_empty_all_or_any_is_invalid(tmp_path: Path, operator: str) -> None:
    condition = (
        "    condition:\n      fact: ai_training_customer_content\n      in: [never, opt_in]\n"
    )
    assert condition in PACK
    pack = PACK.replace(condition, f"    condition:\n      {operator}: []\n")
    lay_out(tmp_path, pack=pack.encode())
    proc = run_cli("check", "--format", "json", cwd=tmp_path)
    assert_refused(proc, "rules/pack.yaml:", f"an empty list at `rules[0].condition.{operator}`")


@pytest.mark.parametrize(
    "written", ['"acme\\n"', '"acme\\u0301"', '"ac\\tme"'], ids=["newline", "non-nfc", "tab"]
)
def test_an_id_must_be_canonical(tmp_path: Path, written: str) -> None:
    lay_out(tmp_path, vendor=TRAINS.replace("id: acme\n", f"id: {written}\n", 1))
    proc = run_cli("check", "--format", "json", cwd=tmp_path)
    assert_refused(proc, "vendors/acme.yaml:", "id")


def test_an_escaped_nul_in_a_snapshot_path_is_refused(tmp_path: Path) -> None:
    vendor = TRAINS.replace(
        "    url: https://example.org/terms\n",
        f'    url: https://example.org/terms\n    sha256: "{"0" * 64}"\n'
        '    snapshot: "terms\\0.md"\n',
    )
    lay_out(tmp_path, vendor=vendor)
    proc = run_cli("check", "--format", "json", cwd=tmp_path)
    assert_refused(proc, "vendors/acme.yaml:", "U+0000")


# ---------------------------------------------------------------- special files and sizes


needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


@needs_fifo
def test_a_fifo_among_the_profiles_is_refused_without_blocking(tmp_path: Path) -> None:
    lay_out(tmp_path)
    os.mkfifo(tmp_path / "vendors" / "pipe.yaml")
    proc = run_cli("check", "--format", "json", cwd=tmp_path)
    assert_refused(proc, "vendors/pipe.yaml", "not a regular file")


def test_a_dangling_link_among_the_profiles_is_refused(tmp_path: Path) -> None:
    lay_out(tmp_path)
    os.symlink(tmp_path / "gone.yaml", tmp_path / "vendors" / "gone.yaml")
    proc = run_cli("check", "--format", "json", cwd=tmp_path)
    assert_refused(proc, "vendors/gone.yaml", "symbolic link to nothing")


def with_snapshot(snapshot: str, digest: str = "ab" * 32) -> str:
    return VENDOR.replace(
        "    url: https://example.org/terms\n",
        f"    url: https://example.org/terms\n    sha256: {digest}\n    snapshot: {snapshot}\n",
    ).replace(
        "    value: never\n",
        "    value: never\n    evidence:\n      - doc: terms\n"
        "        quote: We never train on your data.\n",
    )


VERIFIED_ORG = ORG + "evidence:\n  require: verified\n"


def evidence_of(proc: subprocess.CompletedProcess[str]) -> dict[str, str]:
    finding = json.loads(proc.stdout)["vendors"][0]["findings"][0]
    return dict(finding["facts"][0]["evidence"][0])


@needs_fifo
def test_a_fifo_snapshot_is_unverified_and_never_read(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    lay_out(tmp_path, vendor=with_snapshot("terms.md"), org=VERIFIED_ORG)
    os.mkfifo(tmp_path / "vendors" / "terms.md")
    proc = run_cli("check", "--format", "json", cwd=tmp_path)
    assert_not_approved(proc)
    evidence = evidence_of(proc)
    assert evidence["status"] == "unverified"
    assert "named pipe" in evidence["detail"]


def test_a_snapshot_above_the_size_cap_is_unverified_and_never_read(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    lay_out(tmp_path, vendor=with_snapshot("terms.md"), org=VERIFIED_ORG)
    with (tmp_path / "vendors" / "terms.md").open("wb") as handle:
        handle.truncate(64 * 1024 * 1024)  # sparse: costs no disk, and is never read
    proc = run_cli("check", "--format", "json", cwd=tmp_path)
    assert_not_approved(proc)
    evidence = evidence_of(proc)
    assert evidence["status"] == "unverified"
    assert "the limit is" in evidence["detail"]


# ---------------------------------------------------------------- options and records


@pytest.mark.parametrize("day", ["2026-02-30", "2026-1-1", "yesterday", "2026-01-01T00:00"])
def test_a_bad_as_of_is_a_usage_error(tmp_path: Path, day: str) -> None:
    lay_out(tmp_path)
    proc = run_cli("gate", "vendors/acme.yaml", "--as-of", day, cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert_clean(proc)
    assert "--as-of" in proc.stderr


def recorded(tmp_path: Path) -> dict[str, object]:
    lay_out(tmp_path)
    proc = run_cli("gate", "vendors/acme.yaml", "--record", "record.json", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    data: dict[str, object] = json.loads((tmp_path / "record.json").read_text())
    return data


def odd_shapes(data: dict[str, object]) -> dict[str, object]:
    request = dict(data["request"])  # type: ignore[call-overload]
    inputs = list(data["inputs"])  # type: ignore[call-overload]
    return {
        "a-list": [data],
        "a-string": "approved",
        "generator-a-string": {**data, "generator": "vendorgate"},
        "rules-not-strings": {**data, "request": {**request, "rules": [5]}},
        "plan-a-list": {**data, "request": {**request, "plan": ["team"]}},
        "classes-a-string": {**data, "request": {**request, "dataClasses": "phi"}},
        "input-path-a-number": {**data, "inputs": [{**inputs[0], "path": 7}]},
        "vendor-path-with-nul": {**data, "request": {**request, "vendor": "vendors/\u0000.yaml"}},
        "plans-not-objects": {**data, "result": {"plans": ["approved"]}},
    }


SHAPES = [
    "a-list",
    "a-string",
    "generator-a-string",
    "rules-not-strings",
    "plan-a-list",
    "classes-a-string",
    "input-path-a-number",
    "vendor-path-with-nul",
    "plans-not-objects",
]


@pytest.mark.parametrize("shape", SHAPES)
def test_a_record_of_odd_shape_is_refused(tmp_path: Path, shape: str) -> None:
    (tmp_path / "odd.json").write_text(json.dumps(odd_shapes(recorded(tmp_path))[shape]))
    proc = run_cli("gate", "--verify-record", "odd.json", cwd=tmp_path)
    assert_refused(proc, "odd.json", "not a usable decision record")


@needs_fifo
def test_a_record_that_is_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    lay_out(tmp_path)
    os.mkfifo(tmp_path / "record.json")
    proc = run_cli("gate", "--verify-record", "record.json", cwd=tmp_path)
    assert_refused(proc, "record.json", "not a regular file")


def test_a_closed_stdout_pipe_ends_quietly(tmp_path: Path) -> None:
    lay_out(tmp_path)
    env = {**os.environ, "NO_COLOR": "1"}
    reader = subprocess.Popen(
        [sys.executable, "-m", "vendorgate", "check", "--format", "json"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert reader.stdout is not None and reader.stderr is not None
    reader.stdout.read(10)
    reader.stdout.close()  # as `| head -c 10` does
    stderr = reader.stderr.read().decode()
    code = reader.wait(timeout=120)
    assert code in (0, 1, 141)
    assert stderr == "", stderr


# ---------------------------------------------------------------- Rego modules


REGO = """\
package {package}

import rego.v1

# METADATA
# title: Never trains on customer content
# custom:
#   id: rego-no-training
#   severity: high
#   citations:
#     - citation: "GDPR Art. 5(1)(b)"
#       url: "https://eur-lex.europa.eu/eli/reg/2016/679/oj"
#   remediation: Forbid training in the contract.
deny contains "trains" if {{
	input.vendor.facts.ai_training_customer_content.value == "always"
}}
{extra}"""


def rego_layout(tmp_path: Path, package: str, extra: str = "") -> None:
    lay_out(tmp_path)
    (tmp_path / "rules" / "extra.rego").write_text(REGO.format(package=package, extra=extra))


@pytest.mark.parametrize("package", ["system.authz", "data_leak", "vendorgate.lib"])
def test_a_rego_package_outside_vendorgate_packs_is_refused(tmp_path: Path, package: str) -> None:
    rego_layout(tmp_path, package)
    proc = run_cli("bundle", "-o", "bundle.tar.gz", cwd=tmp_path)
    assert_refused(proc, "rules/extra.rego:1:", f"package `{package}`")
    assert not (tmp_path / "bundle.tar.gz").exists()


def test_an_indented_deny_rule_is_refused_not_dropped(tmp_path: Path) -> None:
    hidden = '\n  deny contains "hidden" if {\n\tinput.vendor.id == "acme"\n}\n'
    rego_layout(tmp_path, "vendorgate.packs.extra", hidden)
    proc = run_cli("check", "--format", "json", cwd=tmp_path)
    assert_refused(proc, "rules/extra.rego:18:3", "`deny` must start its line")


def test_rego_modules_are_read_from_their_pack_whatever_the_working_directory(
    tmp_path: Path,
) -> None:
    rego_layout(tmp_path, "vendorgate.packs.extra")
    from_root = run_cli("check", "--format", "json", "--no-cache", cwd=tmp_path)
    inside = run_cli(
        "check",
        "--org",
        "../org.yaml",
        "--format",
        "json",
        "--no-cache",
        ".",
        cwd=tmp_path / "vendors",
    )
    assert from_root.returncode == 1, from_root.stderr
    assert inside.returncode == 1, inside.stderr
    assert "rego-no-training" in inside.stdout
    assert json.loads(inside.stdout)["vendors"] == json.loads(from_root.stdout)["vendors"]


# ---------------------------------------------------------------- diff reads what is committed


def git(root: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_export_ignore_does_not_hide_a_vendor_from_diff(tmp_path: Path) -> None:
    lay_out(tmp_path, vendor=VENDOR)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")
    (tmp_path / "vendors" / "acme.yaml").write_text(TRAINS)
    (tmp_path / ".gitattributes").write_text("vendors/** export-ignore\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "head: the vendor now trains, and is export-ignored")
    proc = run_cli("diff", "HEAD~1", "HEAD", "--format", "json", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert_clean(proc)
    assert "acme" in proc.stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_committed_symbolic_link_to_a_profile_is_compared(tmp_path: Path) -> None:
    lay_out(tmp_path, vendor=VENDOR)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "acme.yaml").write_text(TRAINS)
    (tmp_path / "vendors" / "acme.yaml").unlink()
    os.symlink("../shared/acme.yaml", tmp_path / "vendors" / "acme.yaml")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "head: the profile is now a link to one that trains")
    proc = run_cli("diff", "HEAD~1", "HEAD", "--format", "json", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert_clean(proc)
    assert "acme" in proc.stdout
