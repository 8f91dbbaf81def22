"""`check --engine rego` gives exactly the native engine's output for every shipped vendor under
every example organisation (every output byte of the JSON report, and the exit code), also with
the organisation's settings overridden from the command line."""

from __future__ import annotations

import json

import pytest

from tests.support.cli import REPO, run_cli

pytest.importorskip("regopy")

ORGS = sorted(str(p.relative_to(REPO)) for p in (REPO / "examples" / "orgs").glob("*.yaml"))


@pytest.mark.parametrize("org", ORGS)
@pytest.mark.parametrize(
    "extra",
    [(), ("--fail-on", "low", "--as-of", "2026-01-15"), ("--fail-on-undetermined",)],
    ids=["defaults", "fail-on-low", "fail-on-undetermined"],
)
def test_rego_engine_output_equals_native(org: str, extra: tuple[str, ...]) -> None:
    args = ["check", "--org", org, "--format", "json", *extra]
    native = run_cli(*args)
    rego = run_cli(*args, "--engine", "rego")
    assert native.returncode in (0, 1), native.stderr
    assert (rego.returncode, rego.stderr) == (native.returncode, native.stderr)
    assert rego.stdout == native.stdout
    report = json.loads(rego.stdout)
    assert report["vendors"], "the organisation evaluates no vendor"
    assert sum(len(v["findings"]) for v in report["vendors"]) > len(report["vendors"])


def test_native_is_the_default_and_rego_gives_the_same_text() -> None:
    native = run_cli("check", "--org", ORGS[0])
    rego = run_cli("check", "--org", ORGS[0], "--engine", "rego")
    assert rego.stdout == native.stdout
    assert rego.returncode == native.returncode


def test_opa_url_without_opa_engine_is_a_usage_error() -> None:
    proc = run_cli("check", "--org", ORGS[0], "--opa-url", "http://127.0.0.1:8181")
    assert proc.returncode == 2
    assert "--opa-url needs --engine opa" in proc.stderr
