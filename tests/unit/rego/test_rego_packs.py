"""Rule packs with Rego: the shipped example rule, metadata from `# METADATA` annotations, and
every way a module can be wrong (syntax, annotations, runtime errors, a policy that does not
stop, a missing regopy) giving a located exit-2 error, never a crash and never a pass."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from tests.support.cli import REPO, run_cli

pytest.importorskip("regopy")

EXAMPLE = REPO / "rules" / "rego" / "ai_subprocessors.rego"
ORG = """\
apiVersion: vendorgate/v1
kind: OrgProfile
name: Example Credit Union
sectors: [finance]
jurisdictions: [us-ny]
packs: [ai-subprocessors]
rules_paths: [rules]
vendors_paths: [vendors]
"""
VENDOR = """\
apiVersion: vendorgate/v1
kind: VendorProfile
id: {id}
name: {name}
category: messaging
documents: []
facts:
  subprocessors:
    value: {subprocessors}
usage:
  status: active
  data_classes: [npi]
"""
HEADER = """\
# METADATA
# title: Test rules
# custom:
#   pack: ai-subprocessors
package vendorgate.packs.test

import rego.v1

import data.vendorgate.lib

"""
ANNOTATION = """\
# METADATA
# title: A test rule
# custom:
#   id: test-rule
#   severity: {severity}
#   citations:
#     - citation: "Organisation policy, section 1"
#       url: "https://example.com/policy"
#   remediation: Fix it.
"""


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "org.yaml").write_text(ORG, encoding="utf-8")
    (tmp_path / "rules").mkdir()
    (tmp_path / "vendors").mkdir()
    vendors = {
        "acme": ("Acme Chat", "[{name: Model Co, category: ai_model_provider}, "
                 "{name: Cloud Co, category: hosting, region: us}]"),
        "beta": ('Beta "Notes"', "undisclosed"),
        "gamma": ("Gamma", "[{name: Model Co, category: ai_model_provider, region: eu}]"),
    }  # fmt: skip
    for vendor_id, (name, subs) in vendors.items():
        text = VENDOR.format(id=vendor_id, name=json.dumps(name), subprocessors=subs)
        (tmp_path / "vendors" / f"{vendor_id}.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def check(repo: Path, *extra: str) -> tuple[int, str, str]:
    proc = run_cli("check", "--format", "json", *extra, cwd=repo)
    return proc.returncode, proc.stdout, proc.stderr


def write_module(repo: Path, body: str, severity: str = "high") -> Path:
    path = repo / "rules" / "test.rego"
    path.write_text(HEADER + ANNOTATION.format(severity=severity) + body, encoding="utf-8")
    return path


def test_the_example_rule_fails_passes_and_cannot_tell(repo: Path) -> None:
    shutil.copy(EXAMPLE, repo / "rules" / EXAMPLE.name)
    code, out, err = check(repo)
    assert code == 1, err
    by_vendor = {v["id"]: v for v in json.loads(out)["vendors"]}
    acme = by_vendor["acme"]["findings"][0]
    assert acme["rule"] == "ai-subprocessor-region-stated"
    assert acme["verdict"] == "fail"
    assert acme["blocking"] is True
    assert acme["severity"] == "high"
    assert acme["pack"] == "ai-subprocessors"
    assert acme["title"].startswith("Every AI model provider among the sub-processors")
    assert acme["message"].endswith("AI model provider Model Co is listed without a region.")
    assert acme["location"] == {"path": "vendors/acme.yaml", "line": 8, "column": 3}
    assert [c["citation"] for c in acme["citations"]] == ["23 NYCRR 500.11", "16 CFR 314.4(f)"]
    assert {c["verified"] for c in acme["citations"]} == {False}
    assert acme["remediation"].startswith("Have the vendor name")
    assert [f["fact"] for f in acme["facts"]] == ["subprocessors"]
    assert by_vendor["acme"]["decision"] == "rejected"
    beta = by_vendor["beta"]["findings"][0]
    assert beta["verdict"] == "undetermined"
    assert "the vendor does not disclose its sub-processors" in beta["message"]
    assert by_vendor["beta"]["decision"] == "needs_review"
    assert by_vendor["gamma"]["findings"][0]["verdict"] == "pass"
    assert by_vendor["gamma"]["decision"] == "approved"
    # The Rego engine gives the same report.
    assert check(repo, "--engine", "rego") == (code, out, err)


def test_the_example_rule_does_not_apply_outside_its_scope(repo: Path) -> None:
    shutil.copy(EXAMPLE, repo / "rules" / EXAMPLE.name)
    org = repo / "org.yaml"
    org.write_text(ORG.replace("sectors: [finance]", "sectors: [legal]"), encoding="utf-8")
    code, out, _ = check(repo)
    assert code == 0
    verdicts = {v["id"]: v["findings"][0]["verdict"] for v in json.loads(out)["vendors"]}
    assert set(verdicts.values()) == {"not_applicable"}


def test_warn_rules_and_several_bodies_join_one_rule(repo: Path) -> None:
    write_module(
        repo,
        'deny contains "first reason" if input.vendor.id == "acme"\n\n'
        'deny contains "second reason" if input.vendor.id == "acme"\n',
    )
    code, out, err = check(repo)
    assert code == 1, err
    acme = next(v for v in json.loads(out)["vendors"] if v["id"] == "acme")
    assert acme["findings"][0]["message"].endswith(": first reason; second reason.")
    (repo / "rules" / "test.rego").write_text(
        HEADER
        + ANNOTATION.format(severity="low").replace("custom:", "custom:\n#   x: 1", 0)
        + 'warn contains "advice" if input.vendor.id == "acme"\n',
        encoding="utf-8",
    )
    code, out, err = check(repo)
    assert code == 0, err  # a low-severity failure does not block at the default threshold
    acme = next(v for v in json.loads(out)["vendors"] if v["id"] == "acme")
    assert acme["findings"][0]["verdict"] == "fail"
    assert acme["findings"][0]["blocking"] is False
    assert acme["decision"] == "approved_with_conditions"


@pytest.mark.parametrize(
    ("body", "where", "message"),
    [
        ("deny contains msg if {\n  msg := \n}\n", ":21:7", "Rego: Invalid assignment operator"),
        (
            'deny contains "x" if input.vendor.id\n\ndeny[x] := 1 if true\n',
            ":22:6",
            "multi-value rule",
        ),
    ],
)
def test_syntax_errors_are_located(repo: Path, body: str, where: str, message: str) -> None:
    path = write_module(repo, body)
    code, out, err = check(repo)
    assert code == 2
    assert out == ""
    assert (
        err.startswith(f"error: {path.relative_to(repo)}{where}")
        or f"rules/test.rego{where}" in err
    )
    assert message in err
    assert "Traceback" not in err


def test_annotation_errors_are_located(repo: Path) -> None:
    write_module(repo, 'deny contains "x" if true\n', severity="severe")
    code, _, err = check(repo)
    assert code == 2
    assert "rules/test.rego:15:" in err
    assert "`severe` is not allowed" in err or "'severe' is not allowed" in err
    (repo / "rules" / "test.rego").write_text(HEADER + 'deny contains "x" if true\n', "utf-8")
    code, _, err = check(repo)
    assert code == 2
    assert "rules/test.rego:11:1: `deny` rule without a `# METADATA` annotation" in err


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (HEADER.replace("import rego.v1\n", ""), "add `import rego.v1`"),
        (HEADER.replace("package vendorgate.packs.test", "package vendorgate.lib"), "is reserved"),
    ],
)
def test_module_shape_errors(repo: Path, text: str, message: str) -> None:
    (repo / "rules" / "test.rego").write_text(
        text + ANNOTATION.format(severity="high") + 'deny contains "x" if true\n', "utf-8"
    )
    code, _, err = check(repo)
    assert code == 2
    assert message in err
    assert "rules/test.rego:" in err


@pytest.mark.parametrize("engine", ["native", "rego"])
def test_runtime_errors_name_the_rule(repo: Path, engine: str) -> None:
    path = write_module(
        repo,
        'deny contains msg if {\n  n := to_number("not a number")\n  msg := format_int(n, 10)\n}\n',
    )
    code, out, err = check(repo, "--engine", engine)
    assert code == 2
    assert out == ""
    assert f"{path.relative_to(repo)}:20:1: Rego:" in err
    assert "Traceback" not in err


def test_a_policy_that_does_not_stop_is_stopped(repo: Path) -> None:
    write_module(
        repo,
        'deny contains "never" if {\n'
        "  count([i | some i in numbers.range(1, 1000000000); i < 0]) > 0\n"
        "}\n",
    )
    code, out, err = check(repo, "--engine-timeout", "3")
    assert code == 2
    assert out == ""
    assert "did not finish within 3 s and was stopped" in err or "MiB and was stopped" in err


def test_a_missing_regopy_is_a_clear_error(repo: Path) -> None:
    shutil.copy(EXAMPLE, repo / "rules" / EXAMPLE.name)
    script = (
        "import sys; sys.modules['regopy'] = None\n"
        "from vendorgate.cli import main\n"
        "sys.argv = ['vendorgate', 'check', '--engine', 'rego']\n"
        "main()\n"
    )
    import subprocess

    proc = subprocess.run(
        [sys.executable, "-c", script], cwd=repo, capture_output=True, text=True, check=False
    )
    assert proc.returncode == 2
    assert "pip install 'vendorgate[rego]'" in proc.stderr
    assert "Traceback" not in proc.stderr


# ---------------------------------------------------------------- finding the heads

HIDDEN_HEADS = (
    'deny contains msg if {\n  input.vendor.id == "acme"\n  msg := concat(" ", [raw, note])\n}\n\n'
    '# deny contains "from a comment" if true\n'
    'note := "deny contains \\"from a string\\" if true"\n'
    "raw := `\n"
    'deny contains "from a raw string" if true\n'
    "`\n"
)


def test_heads_in_comments_and_strings_are_not_rules(repo: Path) -> None:
    # the only rule is the real head; the strings reach the message exactly as written
    write_module(repo, HIDDEN_HEADS)
    code, out, err = check(repo)
    assert code == 1, err
    vendors = {v["id"]: v for v in json.loads(out)["vendors"]}
    assert [f["rule"] for f in vendors["acme"]["findings"]] == ["test-rule"]
    message = vendors["acme"]["findings"][0]["message"]
    assert 'deny contains "from a raw string" if true' in message
    assert 'deny contains "from a string" if true' in message
    assert "vendorgate_" not in message  # nothing inside a string was renamed
    assert vendors["gamma"]["findings"][0]["verdict"] == "pass"
    assert check(repo, "--engine", "rego")[:2] == (code, out)


@pytest.mark.parametrize(
    ("body", "where", "message"),
    [
        ('deny[msg] if {\n  msg := "old syntax"\n}\n', ":20:6", "must be a multi-value rule"),
        (
            'deny contains "x" if true\n\ndefault deny := set()\n',
            ":22:9",
            "`deny` must start its line",
        ),
        ('deny contains "x" if true\n\n  warn contains "y" if true\n', ":22:3", "must start"),
    ],
    ids=["deny[msg]", "default-deny", "indented-warn"],
)
def test_heads_vendorgate_cannot_rename_are_refused(
    repo: Path, body: str, where: str, message: str
) -> None:
    write_module(repo, body)
    code, out, err = check(repo)
    assert (code, out) == (2, "")
    assert f"rules/test.rego{where}" in err, err
    assert message in err
    assert "Traceback" not in err


def test_the_compiled_policy_is_checked_against_the_heads_found() -> None:
    # a module whose `deny` is defined before the lines vendorgate adds (a head the scan would
    # have missed): the compiled plan shows it, and the module is refused at that row
    from vendorgate.rego.runtime import Evaluator, RegoEvaluationError

    text = (
        "package vendorgate.packs.test\n\nimport rego.v1\n\n"
        'vendorgate_a contains "a" if true\n\n'
        'deny contains "missed" if true\n\n'
        "deny contains m if some m in vendorgate_a\n"
    )
    path = "vendorgate/packs/test/test.rego"
    Evaluator([(path, text)], {}, heads=[(path, 7)])  # from row 7 on: accepted
    with pytest.raises(RegoEvaluationError) as caught:
        Evaluator([(path, text)], {}, heads=[(path, 9)])
    assert caught.value.module == path
    assert caught.value.offset == text.index('deny contains "missed"')
    assert "did not find as a rule head" in caught.value.message
    with pytest.raises(RegoEvaluationError, match="cannot check"):
        Evaluator([(path, text.replace("deny contains", "other contains"))], {}, heads=[(path, 9)])
