"""Every format ``check`` streams gives, a vendor at a time through the pipeline (and through a
warm cache), exactly the bytes its renderer writes from the whole CheckResult."""

from __future__ import annotations

import dataclasses
import importlib.util
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.support.cli import REPO
from vendorgate.app import pipeline, run
from vendorgate.cache.store import Cache
from vendorgate.ci import baseline
from vendorgate.core.errors import InputError
from vendorgate.report import RenderOptions, fragments, render

DAY = date(2026, 1, 15)
STREAMED = (
    *("text", "json", "sarif", "junit", "github", "gitlab", "markdown", "html"),
    *("oscal", "oscal-ap"),
)
AS_OF = tuple(f for f in STREAMED if f not in ("gitlab", "oscal-ap"))
"""Which versions are in force is the pipeline's choice, not a format's: the other formats
prove it, and CI time is spent on them once."""


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


def test_oscal_pieces_take_the_instant_of_each_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """OSCAL's times are the run's instant (``SOURCE_DATE_EPOCH``): a piece cached by a run at
    one instant gives, in a run at another, that run's times, byte for byte as rendered whole
    (the instant does not key the cache: the second run takes every piece from the pack)."""
    root = project(tmp_path)
    monkeypatch.chdir(root)
    cache = Cache(tmp_path / "cache")
    result = run.check(today=DAY)
    files: list[int] = []
    for epoch, instant in (
        (1768469400, "2026-01-15T09:30:00+00:00"),
        (1768476600, "2026-01-15T11:30:00+00:00"),
    ):
        options = RenderOptions(root=str(root), base=str(root), epoch=epoch)
        expected = render("oscal", result, options)
        assert streamed("oscal", options, DAY, cache) == expected
        assert f'"collected": "{instant}"' in expected
        assert "vendorgate-oscal" not in expected  # no stand-in left
        files.append(len([f for f in (tmp_path / "cache").rglob("*") if f.is_file()]))
    assert files[0] > 0 and files[1] == files[0]  # no second pack for the second instant


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


@pytest.mark.parametrize("fmt", AS_OF)
def test_as_of_streams_only_the_versions_in_force(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """``--as-of``: of each lineage (the shipped Zoom versions) only the version in force."""
    root = project(tmp_path)
    monkeypatch.chdir(root)
    options = RenderOptions(root=str(root), base=str(root))
    for day in (date(2023, 5, 1), date(2023, 9, 1), DAY):
        whole = run.check(today=day, versions_on=day)
        out = pipeline.check(
            (), None, (), fmt, options, fragments, day, cache=Cache(tmp_path / "c"), versions_on=day
        )
        assert out is not None
        assert b"".join(out.parts).decode("utf-8") == render(fmt, whole, options)
        assert len(out.pieces) == len(whole.results) < len(run.check(today=day).results)


def test_as_of_a_day_before_every_version_is_a_located_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only dated lineages are named, and none had terms on record that day: both paths refuse
    with the same located error."""
    root = project(tmp_path)
    monkeypatch.chdir(root)
    day = date(2001, 1, 1)
    dated = sorted(str(p) for p in Path("vendors").glob("zoom-*.yaml"))
    with pytest.raises(InputError) as whole:
        run.check(dated, today=day, versions_on=day)
    with pytest.raises(InputError) as streamed_error:
        pipeline.check(dated, None, (), "text", RenderOptions(), fragments, day, versions_on=day)
    assert str(streamed_error.value) == str(whole.value)
    assert "no version of `zoom` was in force on 2001-01-01" in str(whole.value)
    assert streamed_error.value.problems[0].line > 0


def test_as_of_a_day_before_a_lineage_began_leaves_that_lineage_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A vendor whose first archived terms took effect later had no terms on record that day:
    it is not evaluated (by either path), while the others are."""
    root = project(tmp_path)
    monkeypatch.chdir(root)
    day = date(2023, 5, 1)
    whole = run.check(today=day, versions_on=day)
    ids = {r.vendor.id for r in whole.results}
    assert "zoom-2023-03" in ids
    assert not any(i.startswith("stack-overflow") for i in ids)
    options = RenderOptions(root=str(root), base=str(root))
    out = pipeline.check((), None, (), "json", options, fragments, day, versions_on=day)
    assert out is not None
    assert b"".join(out.parts).decode("utf-8") == render("json", whole, options)


@pytest.mark.parametrize("fmt", STREAMED)
def test_baseline_streams_accepted_findings_as_not_blocking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """``--baseline`` written from half the blocking findings: those stop blocking, the others
    still block; the stderr line is the one the whole result gives."""
    root = project(tmp_path)
    monkeypatch.chdir(root)
    options = RenderOptions(root=str(root), base=str(root))
    result = run.check(today=DAY)
    blocking = [vr for vr in result.results if any(f.blocking for f in vr.findings)]
    assert len(blocking) >= 2
    partial = dataclasses.replace(result, results=tuple(blocking[: len(blocking) // 2]))
    file = tmp_path / "baseline.json"
    file.write_text(baseline.record(partial), encoding="utf-8")
    accepted = baseline.load(file)
    expected = baseline.apply(result, accepted)
    accepting = fragments.Accepting(accepted)
    for _ in range(2):  # cold, then from the pack
        out = pipeline.check(
            (), None, (), fmt, options, fragments, DAY, cache=Cache(tmp_path / "c"),
            accepted=accepting,
        )  # fmt: skip
        assert out is not None
        assert b"".join(out.parts).decode("utf-8") == render(fmt, expected, options)
        assert out.blocking == run.has_blocking(expected)
        assert fragments.accepted_summary(accepting, out.pieces) == baseline.summary(
            expected, accepted
        )


def test_every_format_from_one_evaluation_gives_each_renderers_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``check -o a.sarif -o b.json ...``: one pass renders each vendor in every format (a
    format asked twice included, text in colour); each report is its renderer's bytes, cold
    and warm, and the one evaluation leaves one pack."""
    root = project(tmp_path)
    monkeypatch.chdir(root)
    options = RenderOptions(root=str(root), base=str(root), color=True, width=120)
    whole = run.check(today=DAY)
    formats = (*STREAMED, "json")
    request = pipeline.Request(
        (), None, (), formats, options, fragments, DAY, cache=Cache(tmp_path / "c")
    )
    for _ in range(2):  # the second run takes every vendor's pieces from the pack
        out = pipeline.check_formats(request)
        assert out is not None
        assert len(out.reports) == len(formats)
        for fmt, report in zip(formats, out.reports, strict=True):
            assert b"".join(report).decode("utf-8") == render(fmt, whole, options), fmt
    assert len(list((tmp_path / "c" / "packs").glob("*.pack"))) == 1
