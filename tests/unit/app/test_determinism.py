"""Same inputs, byte-identical machine output: whatever the file order, hash seed or working
directory. Also: one vendor failing to evaluate never stops the others (fail closed)."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from tests.support.cli import REPO, run_cli
from vendorgate.report import FORMATS

MACHINE_FORMATS = [name for name in ("json", "sarif", "junit", "gitlab") if name in FORMATS]


def catalogue_copy(tmp_path: Path, order_seed: int) -> Path:
    """A copy of the repository's inputs whose vendor files are created in a shuffled order."""
    root = tmp_path / f"copy{order_seed}"
    (root / ".git").mkdir(parents=True)
    shutil.copytree(REPO / "rules", root / "rules")
    shutil.copytree(REPO / "snapshots", root / "snapshots")
    shutil.copy(REPO / "vendorgate.yaml", root / "vendorgate.yaml")
    vendors = sorted((REPO / "vendors").glob("*.yaml"))
    random.Random(order_seed).shuffle(vendors)
    (root / "vendors").mkdir()
    for path in vendors:
        shutil.copy(path, root / "vendors" / path.name)
    return root


@pytest.mark.parametrize("fmt", MACHINE_FORMATS)
def test_output_is_identical_across_order_seed_and_working_directory(
    tmp_path: Path, fmt: str
) -> None:
    outputs = set()
    for seed, hash_seed, subdir in ((1, "0", ""), (2, "4242", "vendors"), (3, "random", "rules")):
        root = catalogue_copy(tmp_path, seed)
        cwd = root / subdir if subdir else root
        args = ["check", "--org", str(root / "vendorgate.yaml"), "--format", fmt]
        if subdir:
            args = ["check", "--format", fmt]  # found by walking up from a subfolder
        proc = run_cli(*args, cwd=cwd, env={"PYTHONHASHSEED": hash_seed})
        assert proc.returncode in (0, 1), proc.stderr
        outputs.add(proc.stdout.replace(str(root), "<root>"))
    assert len(outputs) == 1


def test_a_crashing_vendor_is_an_error_and_the_others_are_still_reported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from vendorgate.app import run
    from vendorgate.engine import conditions as engine

    original = engine.evaluate

    def flaky(rule, ctx):  # type: ignore[no-untyped-def]
        if ctx.vendor.id == "zoom-2023-03":
            raise RuntimeError("simulated defect")
        return original(rule, ctx)

    monkeypatch.setattr(engine, "evaluate", flaky)
    result = run.check(
        [REPO / "vendors/zoom-2023-03.yaml", REPO / "vendors/zoom-2023-08.yaml"],
        org_path=REPO / "vendorgate.yaml",
    )
    by_vendor = {r.vendor.id: r for r in result.results}
    broken = by_vendor["zoom-2023-03"]
    assert [f.verdict.value for f in broken.findings] == ["error"]
    assert broken.decision.kind.value == "needs_review"
    assert run.has_blocking(result)
    assert all(f.verdict.value != "error" for f in by_vendor["zoom-2023-08"].findings)
