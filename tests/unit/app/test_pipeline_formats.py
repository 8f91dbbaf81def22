"""Every format ``check`` streams gives, a vendor at a time through the pipeline (and through a
warm cache), exactly the bytes its renderer writes from the whole CheckResult."""

from __future__ import annotations

import dataclasses
import functools
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
from vendorgate.core.model import CheckResult
from vendorgate.report import RenderOptions, fragments, render

DAY = date(2026, 1, 15)
STREAMED = (
    *("text", "json", "sarif", "junit", "github", "gitlab", "markdown", "html"),
    *("oscal", "oscal-ap"),
)
AS_OF = tuple(f for f in STREAMED if f not in ("gitlab", "oscal-ap"))
"""Which versions are in force is the pipeline's choice, not a format's: the other formats
prove it, and CI time is spent on them once."""


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of the shipped catalogue for the module: the tests only read it."""
    return project(tmp_path_factory.mktemp("shipped"))


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One generated catalogue for the module, large enough for worker processes."""
    return generated(tmp_path_factory.mktemp("many"), pipeline.PARALLEL_MIN + 20)


@functools.cache
def whole(root: Path, day: date, versions_on: date | None = None) -> CheckResult:
    """The whole CheckResult of the catalogue at ``root``, evaluated once per day for every
    format's comparison (the streamed side is evaluated afresh in each test)."""
    assert Path.cwd() == root
    return run.check(today=day, versions_on=versions_on)


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
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shipped: Path, fmt: str
) -> None:
    """With waivers, expired waivers and old evidence among the findings (a later date), cold
    and warm (pieces taken from the pack), plain and in colour. Only text reads the colour: the
    other formats are asked in colour on one day (the pipeline must drop it) and plain on the
    other, which covers both without evaluating the catalogue twice more."""
    monkeypatch.chdir(shipped)
    days = (DAY, date(2031, 6, 1))
    runs = (
        [(d, c) for d in days for c in (False, True)]
        if fmt == "text"
        else list(zip(days, (True, False), strict=True))
    )
    for day, color in runs:
        options = RenderOptions(root=str(shipped), base=str(shipped), color=color, width=120)
        expected = render(fmt, whole(shipped, day), options)
        cache = Cache(tmp_path / f"cache-{day}-{color}")
        assert streamed(fmt, options, day, cache) == expected
        assert streamed(fmt, options, day, cache) == expected  # from the pack


def test_oscal_pieces_take_the_instant_of_each_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shipped: Path
) -> None:
    """OSCAL's times are the run's instant (``SOURCE_DATE_EPOCH``): a piece cached by a run at
    one instant gives, in a run at another, that run's times, byte for byte as rendered whole
    (the instant does not key the cache: the second run takes every piece from the pack)."""
    root = shipped
    monkeypatch.chdir(root)
    cache = Cache(tmp_path / "cache")
    result = whole(root, DAY)
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
    monkeypatch: pytest.MonkeyPatch, many: Path, fmt: str
) -> None:
    """Enough vendors for worker processes, GitHub's annotation cap and Markdown's budget."""
    monkeypatch.chdir(many)
    options = RenderOptions(root=str(many), base=str(many))
    expected = render(fmt, whole(many, DAY), options)
    assert streamed(fmt, options, DAY, None) == expected


@pytest.mark.parametrize("fmt", AS_OF)
def test_as_of_streams_only_the_versions_in_force(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shipped: Path, fmt: str
) -> None:
    """``--as-of``: of each lineage (the shipped Zoom versions) only the version in force."""
    monkeypatch.chdir(shipped)
    options = RenderOptions(root=str(shipped), base=str(shipped))
    for day in (date(2023, 5, 1), date(2023, 9, 1), DAY):
        in_force = whole(shipped, day, day)
        out = pipeline.check(
            (), None, (), fmt, options, fragments, day, cache=Cache(tmp_path / "c"), versions_on=day
        )
        assert out is not None
        assert b"".join(out.parts).decode("utf-8") == render(fmt, in_force, options)
        assert len(out.pieces) == len(in_force.results) < len(whole(shipped, day).results)


def test_as_of_a_day_before_every_version_is_a_located_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shipped: Path
) -> None:
    """Only dated lineages are named, and none had terms on record that day: both paths refuse
    with the same located error."""
    root = shipped
    monkeypatch.chdir(root)
    day = date(2001, 1, 1)
    dated = sorted(str(p) for p in Path("vendors").glob("zoom-*.yaml"))
    with pytest.raises(InputError) as whole_error:
        run.check(dated, today=day, versions_on=day)
    with pytest.raises(InputError) as streamed_error:
        pipeline.check(dated, None, (), "text", RenderOptions(), fragments, day, versions_on=day)
    assert str(streamed_error.value) == str(whole_error.value)
    assert "no version of `zoom` was in force on 2001-01-01" in str(whole_error.value)
    assert streamed_error.value.problems[0].line > 0


def test_as_of_a_day_before_a_lineage_began_leaves_that_lineage_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shipped: Path
) -> None:
    """A vendor whose first archived terms took effect later had no terms on record that day:
    it is not evaluated (by either path), while the others are."""
    root = shipped
    monkeypatch.chdir(root)
    day = date(2023, 5, 1)
    in_force = whole(root, day, day)
    ids = {r.vendor.id for r in in_force.results}
    assert "zoom-2023-03" in ids
    assert not any(i.startswith("stack-overflow") for i in ids)
    options = RenderOptions(root=str(root), base=str(root))
    out = pipeline.check((), None, (), "json", options, fragments, day, versions_on=day)
    assert out is not None
    assert b"".join(out.parts).decode("utf-8") == render("json", in_force, options)


@pytest.mark.parametrize("fmt", STREAMED)
def test_baseline_streams_accepted_findings_as_not_blocking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shipped: Path, fmt: str
) -> None:
    """``--baseline`` written from half the blocking findings: those stop blocking, the others
    still block; the stderr line is the one the whole result gives."""
    root = shipped
    monkeypatch.chdir(root)
    options = RenderOptions(root=str(root), base=str(root))
    result = whole(root, DAY)
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
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shipped: Path
) -> None:
    """``check -o a.sarif -o b.json ...``: one pass renders each vendor in every format (a
    format asked twice included, text in colour); each report is its renderer's bytes, cold
    and warm, and the one evaluation leaves one pack."""
    root = shipped
    monkeypatch.chdir(root)
    options = RenderOptions(root=str(root), base=str(root), color=True, width=120)
    result = whole(root, DAY)
    formats = (*STREAMED, "json")
    request = pipeline.Request(
        (), None, (), formats, options, fragments, DAY, cache=Cache(tmp_path / "c")
    )
    for _ in range(2):  # the second run takes every vendor's pieces from the pack
        out = pipeline.check_formats(request)
        assert out is not None
        assert len(out.reports) == len(formats)
        for fmt, report in zip(formats, out.reports, strict=True):
            assert b"".join(report).decode("utf-8") == render(fmt, result, options), fmt
    assert len(list((tmp_path / "c" / "packs").glob("*.pack"))) == 1
