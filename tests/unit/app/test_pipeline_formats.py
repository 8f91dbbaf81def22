"""Every format ``check`` streams gives, a vendor at a time through the pipeline (and through a
warm cache), exactly the bytes its renderer writes from the whole CheckResult."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.support.cli import REPO
from vendorgate.app import pipeline, run
from vendorgate.cache.store import Cache
from vendorgate.report import RenderOptions, fragments, render

DAY = date(2026, 1, 15)
STREAMED = ("text", "json", "sarif", "junit", "github", "markdown")


def project(tmp_path: Path) -> Path:
    """A copy of the repository's catalogue: organisation, rules, snapshots, vendors."""
    root = tmp_path / "project"
    (root / ".git").mkdir(parents=True)
    for folder in ("rules", "snapshots", "vendors"):
        shutil.copytree(REPO / folder, root / folder)
    shutil.copy(REPO / "vendorgate.yaml", root / "vendorgate.yaml")
    return root


def generated(tmp_path: Path, vendors: int) -> Path:
    spec = importlib.util.spec_from_file_location("bench_generate", REPO / "bench/generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_generate", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    out = tmp_path / "generated"
    module.generate(out, vendors)
    (out / ".git").mkdir(exist_ok=True)
    return out


def streamed(fmt: str, options: RenderOptions, day: date, cache: Cache | None) -> str:
    out = pipeline.check((), None, (), fmt, options, fragments, day, cache=cache)
    assert out is not None
    return b"".join(out.parts).decode("utf-8")


@pytest.mark.parametrize("fmt", STREAMED)
def test_shipped_catalogue_streams_the_renderers_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """With waivers, expired waivers and old evidence among the findings (a later date), cold
    and warm (pieces taken from the pack), plain and in colour (text)."""
    root = project(tmp_path)
    monkeypatch.chdir(root)
    for day in (DAY, date(2031, 6, 1)):
        for color in (False, True):
            options = RenderOptions(root=str(root), base=str(root), color=color, width=120)
            expected = render(fmt, run.check(today=day), options)
            cache = Cache(tmp_path / f"cache-{day}-{color}")
            assert streamed(fmt, options, day, cache) == expected
            assert streamed(fmt, options, day, cache) == expected  # from the pack


@pytest.mark.parametrize("fmt", STREAMED)
def test_generated_catalogue_streams_the_renderers_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """Enough vendors for worker processes, GitHub's annotation cap and Markdown's budget."""
    root = generated(tmp_path, pipeline.PARALLEL_MIN + 20)
    monkeypatch.chdir(root)
    options = RenderOptions(root=str(root), base=str(root))
    expected = render(fmt, run.check(today=DAY), options)
    assert streamed(fmt, options, DAY, None) == expected
