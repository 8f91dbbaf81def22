"""`check --engine opa` with the real OPA engine answering (tests/support/opa_server.py): for every
example organisation, on the shipped vendors, the JSON and SARIF reports are byte for byte the
native engine's, with the same exit code and the same stderr, through the real command line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.cli import REPO, run_cli
from tests.support.opa_server import Behaviour, serving

ORGS = sorted(str(p.relative_to(REPO)) for p in (REPO / "examples" / "orgs").glob("*.yaml"))


@pytest.fixture(scope="module", params=ORGS)
def opa_for(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str, Behaviour]]:
    """The organisation, and a real-OPA server serving the bundle `vendorgate bundle` built
    for it."""
    org = str(request.param)
    out = tmp_path_factory.mktemp("bundle") / "bundle.tar.gz"
    built = run_cli("bundle", "-o", str(out), "--org", org)
    assert built.returncode == 0, built.stderr
    with serving(out) as (url, behaviour):
        yield org, url, behaviour


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_real_opa_gives_the_native_output(opa_for: tuple[str, str, Behaviour], fmt: str) -> None:
    org, url, behaviour = opa_for
    args = ["check", "--org", org, "--format", fmt]
    native = run_cli(*args)
    seen = len(behaviour.requests)
    opa = run_cli(*args, "--engine", "opa", "--opa-url", url)
    assert native.returncode in (0, 1), native.stderr
    assert (opa.returncode, opa.stderr) == (native.returncode, native.stderr)
    assert opa.stdout == native.stdout
    asked = behaviour.requests[seen:]
    if fmt == "json":
        vendors = json.loads(opa.stdout)["vendors"]
        assert len(asked) == len(vendors) > 1
        assert sum(len(v["findings"]) for v in vendors) > len(vendors)
    else:
        assert json.loads(opa.stdout)["runs"][0]["results"]
    for sent in asked:
        assert sent["path"] == "/v1/data/vendorgate/decision?strict-builtin-errors=true"
        assert "vendor" in json.loads(sent["body"])["input"]


def test_real_opa_refuses_a_bundle_that_does_not_compile(tmp_path: Path) -> None:
    """The server is OPA: a module OPA rejects stops it at start, as OPA refuses to activate it."""
    from vendorgate.rego import bundle as bundles

    broken = tmp_path / "broken.tar.gz"
    broken.write_bytes(bundles.tarball({"vendorgate/x.rego": b"package vendorgate\n\nx := 1 +\n"}))
    with pytest.raises(Exception, match="rego_parse_error"), serving(broken):
        pass


def test_a_builtin_error_in_real_opa_is_an_error_never_a_pass(tmp_path: Path) -> None:
    """OPA's own evaluation error (a strict built-in error in a rule written in Rego) reaches
    the user as exit 2 with OPA's message, and no report is written."""
    import shutil

    from tests.unit.rego.test_rego_network import ORG, VENDOR

    (tmp_path / ".git").mkdir()
    (tmp_path / "vendors").mkdir()
    (tmp_path / "rules" / "rego").mkdir(parents=True)
    (tmp_path / "vendorgate.yaml").write_text(ORG)
    (tmp_path / "vendors" / "acme.yaml").write_text(VENDOR)
    source = (REPO / "rules" / "rego" / "ai_subprocessors.rego").read_text()
    assert "\tnot region_stated(provider)\n" in source
    failing = source.replace("\tnot region_stated(provider)\n", "\tto_number(provider.name) > 0\n")
    (tmp_path / "rules" / "rego" / "ai_subprocessors.rego").write_text(failing)
    shutil.copy(REPO / "rules" / "healthcare-hipaa.yaml", tmp_path / "rules")
    built = run_cli("bundle", "-o", "bundle.tar.gz", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    with serving(tmp_path / "bundle.tar.gz") as (url, behaviour):
        proc = run_cli(
            "check",
            "--engine",
            "opa",
            "--opa-url",
            url,
            "--format",
            "json",
            "-o",
            "out.json",
            cwd=tmp_path,
        )
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "HTTP 500 internal_error" in proc.stderr
    assert 'eval_builtin_error: to_number: strconv.ParseFloat: parsing "Model Co"' in proc.stderr
    # named by the file the user wrote, at the row of the failing call, not the bundle's path
    row = failing.splitlines().index("\tto_number(provider.name) > 0") + 1
    assert f"rules/rego/ai_subprocessors.rego:{row}: eval_builtin_error" in proc.stderr
    assert "vendorgate/packs/" not in proc.stderr
    # an evaluation error repeats for the same input, so it is not retried
    assert "attempts" not in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "out.json").exists()
    assert len(behaviour.requests) == 1
