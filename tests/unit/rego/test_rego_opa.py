"""`check --engine opa` against a real HTTP server on 127.0.0.1 serving the bundle with the real
OPA engine (see opa_server.py): a clear exit-2 error, never a pass, for every way the server can
fail. That its answers equal the native engine's is test_rego_real_opa.py."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.cli import REPO, run_cli
from tests.support.opa_server import Behaviour, serving

ORG = "examples/orgs/hospital.yaml"


@pytest.fixture(scope="module")
def bundle_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bundle") / "bundle.tar.gz"
    proc = run_cli("bundle", "-o", str(out), "--org", ORG)
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.fixture
def server(bundle_file: Path) -> Iterator[tuple[str, Behaviour]]:
    with serving(bundle_file) as (url, behaviour):
        yield url, behaviour


def check_opa(url: str, *extra: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    proc = run_cli(
        "check",
        "--org",
        ORG,
        "--format",
        "json",
        "--engine",
        "opa",
        "--opa-url",
        url,
        *extra,
        env=env,
    )
    return proc.returncode, proc.stdout, proc.stderr


def test_bearer_token_from_the_environment_is_sent(bundle_file: Path) -> None:
    with serving(bundle_file, Behaviour(token="s3cret")) as (url, behaviour):
        code, _, err = check_opa(url)
        assert code == 2
        assert "refused the request: HTTP 401 unauthorized" in err
        assert "VENDORGATE_OPA_TOKEN" in err
        code, out, err = check_opa(url, env={"VENDORGATE_OPA_TOKEN": "s3cret"})
        assert code in (0, 1), err
        assert json.loads(out)["vendors"]
        assert behaviour.requests[-1]["headers"]["Authorization"] == "Bearer s3cret"


def test_connection_refused_is_an_error_after_retries() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    code, out, err = check_opa(f"http://127.0.0.1:{port}")
    assert code == 2
    assert out == ""
    assert f"cannot reach OPA at http://127.0.0.1:{port}" in err
    assert "after 3 attempts" in err


def test_a_slow_server_times_out(server: tuple[str, Behaviour]) -> None:
    url, behaviour = server
    behaviour.mode, behaviour.delay = "slow", 3.0
    code, out, err = check_opa(url, "--engine-timeout", "0.5")
    assert code == 2
    assert out == ""
    assert "did not answer within 0.5 s" in err


def test_4xx_quotes_opas_error_and_is_not_retried(server: tuple[str, Behaviour]) -> None:
    url, behaviour = server
    behaviour.mode = "bad-request"
    code, out, err = check_opa(url)
    assert code == 2
    assert out == ""
    assert "rejected the request: HTTP 400 invalid_parameter" in err
    assert "input must be an object (invalid_parameter)" in err
    assert len(behaviour.requests) == 1


def test_5xx_is_retried_then_an_error(server: tuple[str, Behaviour]) -> None:
    url, behaviour = server
    behaviour.mode = "server-error"
    code, out, err = check_opa(url)
    assert code == 2
    assert out == ""
    assert "HTTP 503 internal_error: bundle activation in progress" in err
    assert len(behaviour.requests) == 3


def test_a_transient_5xx_is_retried_and_the_check_succeeds(server: tuple[str, Behaviour]) -> None:
    url, behaviour = server
    behaviour.mode, behaviour.failures_left = "flaky", 2
    native = run_cli("check", "--org", ORG, "--format", "json")
    code, out, _ = check_opa(url)
    assert code == native.returncode
    assert out == native.stdout


@pytest.mark.parametrize(
    ("mode", "message"),
    [
        ("undefined", "has no decision: `vendorgate.decision` is undefined"),
        ("not-json", "answered with something else than JSON"),
    ],
)
def test_no_decision_is_never_a_pass(
    server: tuple[str, Behaviour], mode: str, message: str
) -> None:
    url, behaviour = server
    behaviour.mode = mode
    code, out, err = check_opa(url)
    assert code == 2
    assert out == ""
    assert message in err


def test_a_server_with_another_policy_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "org.yaml"
    other.write_text(
        (REPO / ORG)
        .read_text(encoding="utf-8")
        .replace("name: Riverside Community Hospital (example)", "name: Another Hospital"),
        encoding="utf-8",
    )
    out = tmp_path / "other.tar.gz"
    built = run_cli("bundle", "-o", str(out), "--org", str(other), "--rules", str(REPO / "rules"))
    assert built.returncode == 0, built.stderr
    with serving(out) as (url, _):
        code, stdout, err = check_opa(url)
    assert code == 2
    assert stdout == ""
    assert "serves another policy" in err


def test_opa_url_must_be_http(tmp_path: Path) -> None:
    code, _, err = check_opa("ftp://127.0.0.1:1")
    assert code == 2
    assert "is not an http(s) URL" in err
    proc = run_cli("check", "--org", ORG, "--engine", "opa")
    assert proc.returncode == 2
    assert "--engine opa needs --opa-url" in proc.stderr
