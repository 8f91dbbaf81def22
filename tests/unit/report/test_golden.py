"""Every (result kind, format) pair of the registry, rendered from deterministic fixtures and
compared with exact expected output in ``tests/golden/expected/``.

Regenerate after an intended change with
``VENDORGATE_UPDATE_GOLDEN=1 pytest tests/unit/report/test_golden.py`` (``UPDATE_GOLDEN=1``
works too) and review the diff like code. The fixtures: the project in ``tests/golden/`` on a
fixed date; the repository's Zoom snapshots for evidence diff, scan and review; a temporary git
repository for diff; a real HTTP server on 127.0.0.1 for watch (its port is written as PORT).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.support.ci_fixture import git, make_repo, zoom_august, zoom_march
from tests.support.cli import GOLDEN, REPO
from tests.unit.evidence.test_watch import server, watched_repo
from vendorgate.app import run
from vendorgate.core.model import CheckResult
from vendorgate.report import FORMATS, VIEWS, RenderOptions, render, render_view

__all__ = ["server"]  # the watch page server, a fixture of this module too

EVALUATED_ON = date(2026, 1, 15)
OPTIONS = RenderOptions(color=False, width=100)
EXTENSIONS = {
    "json": "json",
    "sarif": "sarif.json",
    "junit": "xml",
    "html": "html",
    "markdown": "md",
    "oscal": "oscal.json",
    "oscal-ap": "oscal-ap.json",
    "github": "github.txt",
    "gitlab": "gitlab.json",
    "text": "txt",
    "yaml": "yaml",
}
ZOOM = Path("snapshots") / "zoom" / "terms-of-service"


def _updating() -> bool:
    return bool(os.environ.get("VENDORGATE_UPDATE_GOLDEN") or os.environ.get("UPDATE_GOLDEN"))


@contextlib.contextmanager
def _inside(folder: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def golden_result() -> CheckResult:
    return run.check(org_path="org.yaml", today=EVALUATED_ON)


def expected_path(name: str, kind: str = "check") -> Path:
    return GOLDEN / "expected" / f"{kind}.{EXTENSIONS.get(name, 'out')}"


def _compare(actual: str, path: Path) -> None:
    if _updating():
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"no golden output {path.name}; run with VENDORGATE_UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_format_matches_golden_output(name: str, in_golden: Path) -> None:
    _compare(render(name, golden_result(), OPTIONS), expected_path(name))


def test_golden_fixture_covers_every_verdict_a_format_must_show(in_golden: Path) -> None:
    verdicts = {f.verdict.value for f in golden_result().findings}
    assert {"pass", "fail", "undetermined", "waived", "not_applicable"} <= verdicts


# ------------------------------------------------ every other kind of result


def _report(tmp: Path, base: str) -> Any:
    with _inside(GOLDEN):
        return run.check(org_path="org.yaml", today=EVALUATED_ON, versions_on=EVALUATED_ON)


def _validate(tmp: Path, base: str) -> Any:
    with _inside(GOLDEN):
        return run.validate(["org.yaml", "rules", "vendors"], EVALUATED_ON)


def _gate_request(root: Path) -> Any:
    from vendorgate.gate import decisions

    return decisions.GateRequest(
        vendor=Path("vendors/zoom-march.yaml"), org=Path("org.yaml"), as_of=EVALUATED_ON
    )


def _gate(tmp: Path, base: str) -> Any:
    from vendorgate.gate import decisions

    with _inside(GOLDEN):
        return decisions.evaluate(_gate_request(GOLDEN))


def _verification(tmp: Path, base: str) -> Any:
    from vendorgate.gate import decisions, records

    project = tmp / "project"
    shutil.copytree(GOLDEN, project, ignore=shutil.ignore_patterns("expected"))
    (project / "records").mkdir()
    with _inside(project):
        records.write(decisions.evaluate(_gate_request(project)), Path("records/zoom.json"))
        # A changed vendor file: the record no longer holds, and says which input changed.
        vendor = Path("vendors/zoom-march.yaml")
        vendor.write_text(vendor.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
        return records.verify(Path("records/zoom.json"))


def _diff(tmp: Path, base: str) -> Any:
    from vendorgate.ci import revdiff

    repo = make_repo(tmp)
    (repo / "vendors" / "zoom.yaml").write_text(zoom_august(), encoding="utf-8")
    git(repo, "add", "vendors")
    git(repo, "commit", "-q", "-m", "add Zoom")
    (repo / "vendors" / "zoom.yaml").write_text(zoom_march(), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Zoom: March 2023 terms")
    return revdiff.compare("HEAD~1", "HEAD", None, EVALUATED_ON, cwd=repo)


def _evidence_verify(tmp: Path, base: str) -> Any:
    from vendorgate.evidence import verify

    with _inside(GOLDEN):
        return verify.verify(["vendors"])


def _evidence_diff(tmp: Path, base: str) -> Any:
    from vendorgate.evidence import docdiff

    with _inside(REPO):
        old, new = ZOOM / "2023-07-28.md", ZOOM / "2023-08-07.md"
        return docdiff.diff_files(old, new, ["vendors/zoom-2023-03.yaml"])


def _watch(tmp: Path, base: str) -> Any:
    from vendorgate.evidence import watch
    from vendorgate.evidence.fetch import Limits

    repo = watched_repo(tmp, base, {"same": "/same.html", "changed": "/changed.html"})
    limits = Limits(timeout=5, max_bytes=100_000, retries=0)
    with _inside(repo):
        return watch.watch(["vendors"], limits, use_cache=False)


def _scan(tmp: Path, base: str) -> Any:
    from vendorgate.scan import scanner

    with _inside(REPO):
        return scanner.scan_document(str(ZOOM / "2023-08-11.md"), None, 0.5)


def _scan_comparison(tmp: Path, base: str) -> Any:
    from vendorgate.scan import scanner

    with _inside(REPO):
        return scanner.scan_pair(str(ZOOM / "2023-04-01.md"), str(ZOOM / "2023-08-11.md"), 0.5)


def _explain(tmp: Path, base: str) -> Any:
    from vendorgate.app import explain

    with _inside(GOLDEN):
        return explain.explain(
            "vendors/zoom-march.yaml",
            "golden-no-ai-training",
            org_path="org.yaml",
            as_of=EVALUATED_ON,
        )


def _test(tmp: Path, base: str) -> Any:
    from vendorgate.app import ruletest

    with _inside(REPO):
        return ruletest.run_tests(["rules/ai-baseline.yaml"], None, EVALUATED_ON)


def _review(tmp: Path, base: str) -> Any:
    from vendorgate.evidence import review

    with _inside(REPO):
        return review.review(GOLDEN / "review" / "zoom-unreviewed.yaml")


RESULTS: dict[str, Callable[[Path, str], Any]] = {
    "report": _report,
    "validate": _validate,
    "gate": _gate,
    "gate-record-verification": _verification,
    "diff": _diff,
    "evidence-verify": _evidence_verify,
    "evidence-diff": _evidence_diff,
    "watch": _watch,
    "scan": _scan,
    "scan-comparison": _scan_comparison,
    "explain": _explain,
    "review": _review,
    "test": _test,
}
"""How each kind of result is made from the fixtures (``check`` is above)."""


def _stable(text: str, base: str) -> str:
    """The output with what differs between runs written as a constant: the watch server's
    port, commit ids of the temporary repository, temporary folders."""
    text = text.replace(base, "http://127.0.0.1:PORT")
    return re.sub(r"\b[0-9a-f]{40}\b|(?<!-)\b[0-9a-f]{12}\b", "COMMIT", text)


@pytest.mark.parametrize(("kind", "fmt"), sorted(key for key in VIEWS if key[0] != "check"))
def test_every_kind_and_format_matches_golden_output(
    kind: str, fmt: str, tmp_path: Path, server: str
) -> None:
    result = RESULTS[kind](tmp_path, server)
    actual = _stable(render_view(kind, fmt, result, OPTIONS), server)
    assert str(tmp_path) not in actual  # a temporary path would make the output vary
    _compare(actual, expected_path(fmt, kind))


REVIEW_FIXTURE = Path("tests") / "golden" / "review" / "zoom-unreviewed.yaml"


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_accepting_facts_matches_golden_output(fmt: str, tmp_path: Path) -> None:
    """``review --accept`` on a copy of the review fixture (its two snapshots copied beside it
    at the same relative place): the accepted lines, then what is still marked."""
    from vendorgate.evidence import review

    (tmp_path / ".git").mkdir()  # the copy's repository, so its snapshots stay inside it
    shutil.copytree(REPO / ZOOM, tmp_path / ZOOM)
    (tmp_path / REVIEW_FIXTURE).parent.mkdir(parents=True)
    shutil.copyfile(REPO / REVIEW_FIXTURE, tmp_path / REVIEW_FIXTURE)
    with _inside(tmp_path):
        result = review.accept(REVIEW_FIXTURE, ["dpa_available", "ai_training_customer_content"])
    actual = render_view("review", fmt, result, OPTIONS)
    assert str(tmp_path) not in actual
    _compare(actual, GOLDEN / "expected" / f"review-accepted.{EXTENSIONS[fmt]}")


def test_every_kind_of_the_registry_has_a_golden_fixture() -> None:
    assert {kind for kind, _ in VIEWS} == {"check", *RESULTS}


def test_a_changed_output_fails_the_comparison(tmp_path: Path) -> None:
    path = tmp_path / "expected.txt"
    path.write_text("before\n", encoding="utf-8")
    if _updating():
        pytest.skip("updating golden files")
    with pytest.raises(AssertionError):
        _compare("after\n", path)
