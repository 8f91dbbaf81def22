"""The wheel works outside this repository: built from a copy of the sources, checked with
`twine check --strict`, installed into a fresh virtualenv in a temporary folder, and run there
(`init`, `validate`, `check`) with nothing of the checkout on its path."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.support.cli import REPO

pytestmark = pytest.mark.wheel

SOURCES = ("pyproject.toml", "setup.py", "README.md", "LICENSE", "src", "rules", "ci")
"""What a build reads; copied so that building leaves no build/ or egg-info in the checkout."""


def _run(*args: str | Path, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _clean_env() -> dict[str, str]:
    """The environment less anything that would put the checkout's code on the path."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["NO_COLOR"] = "1"
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        if (REPO / name).is_dir():
            skip = shutil.ignore_patterns("__pycache__")
            shutil.copytree(REPO / name, source / name, ignore=skip)
        else:
            shutil.copy(REPO / name, source / name)
    dist = tmp_path_factory.mktemp("dist")
    built = _run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "--wheel-dir",
        dist,
        source,
        cwd=source,
        env=_clean_env(),
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (found,) = dist.glob("vendorgate-*.whl")
    return found


def test_the_wheel_ships_packs_policies_schemas_and_licence(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for pack in (REPO / "rules").glob("*.yaml"):
        assert f"vendorgate/packs/{pack.name}" in names
    assert "vendorgate/packs/policies/ai-baseline.md" in names
    assert "vendorgate/packs/rego/ai_subprocessors.rego" in names
    for kind in ("vendor", "rules", "org", "report"):
        assert f"vendorgate/schemas/{kind}.schema.json" in names
    assert "vendorgate/templates/github-actions.yml" in names
    assert "vendorgate/data/finder.json" in names  # the clause finder's model
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)


def test_twine_check_strict_passes(wheel: Path) -> None:
    twine = (sys.executable, "-m", "twine", "check", "--strict", wheel)
    done = _run(*twine, cwd=wheel.parent, env=_clean_env())
    assert done.returncode == 0, done.stdout + done.stderr
    assert "PASSED" in done.stdout


def test_installed_in_a_fresh_virtualenv_it_sets_up_and_checks(wheel: Path, tmp_path: Path) -> None:
    env = _clean_env()
    venv = tmp_path / "venv"
    made = _run(sys.executable, "-m", "venv", venv, cwd=tmp_path, env=env)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    installed = _run(python, "-m", "pip", "install", "--quiet", wheel, cwd=tmp_path, env=env)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    vendorgate = venv / "bin" / "vendorgate"

    show_file = "import vendorgate; print(vendorgate.__file__)"
    where = _run(python, "-c", show_file, cwd=tmp_path, env=env)
    assert Path(where.stdout.strip()).is_relative_to(venv), where.stdout

    work = tmp_path / "acme"
    init = _run(vendorgate, "init", work, "--sector", "healthcare", cwd=tmp_path, env=env)
    assert init.returncode == 0, init.stderr
    shutil.copy(REPO / "vendors/zoom.yaml", work / "vendors/zoom.yaml")
    for folder in ("terms-of-service", "privacy-policy"):
        shutil.copytree(REPO / "snapshots/zoom" / folder, work / "snapshots/zoom" / folder)
    org = work / "vendorgate.yaml"
    org.write_text(
        org.read_text("utf-8").replace(
            "usage: {}", "usage:\n  zoom: {status: active, data_classes: [phi]}"
        ),
        "utf-8",
    )

    validated = _run(vendorgate, "validate", cwd=work, env=env)
    assert validated.returncode == 0, validated.stderr

    checked = _run(vendorgate, "check", "--format", "json", cwd=work, env=env)
    assert checked.returncode == 1, checked.stderr
    report = json.loads(checked.stdout)
    (zoom,) = report["vendors"]
    assert zoom["decision"] == "rejected"
    rules = {f["rule"] for f in zoom["findings"]}
    assert {"hipaa-no-product-development-on-phi", "ai-no-any-purpose-content-licence"} <= rules
