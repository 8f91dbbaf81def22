"""`vendorgate diff BASE [HEAD]` on a real temporary git repository and on folders."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tests.support.ci_fixture import ORG_NAME, git, make_repo, zoom_august, zoom_march
from tests.support.cli import run_cli

FLIP_LINE = f"zoom: approved -> rejected for {ORG_NAME}: hipaa-no-ai-training-on-phi now fails"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Two commits: Zoom approved, then Zoom under the March 2023 clauses."""
    repo = make_repo(tmp_path)
    (repo / "vendors" / "zoom.yaml").write_text(zoom_august(), encoding="utf-8")
    git(repo, "add", "vendors")
    git(repo, "commit", "-q", "-m", "add Zoom (August 2023 terms)")
    (repo / "vendors" / "zoom.yaml").write_text(zoom_march(), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Zoom: March 2023 terms")
    return repo


def diff(cwd: Path, *args: str, tmp: Path | None = None) -> tuple[int, str, str]:
    env = {"TMPDIR": str(tmp)} if tmp else None
    done = run_cli("diff", *args, cwd=cwd, env=env)
    return done.returncode, done.stdout, done.stderr


def test_diff_between_two_commits_reports_the_flipped_verdict_in_one_line(
    repo: Path, tmp_path: Path
) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    status_before = git(repo, "status", "--porcelain").stdout
    code, out, err = diff(repo, "HEAD~1", "HEAD", tmp=scratch)
    assert code == 1, err
    assert FLIP_LINE in out.splitlines()
    assert "new: hipaa-no-ai-training-on-phi [critical] pass -> fail (blocking) *" in out
    assert "1 new blocking finding(s)" in out
    # Nothing of the user's repository changed, and the temporary exports are gone.
    assert git(repo, "status", "--porcelain").stdout == status_before
    assert len(git(repo, "worktree", "list").stdout.splitlines()) == 1
    assert list(scratch.iterdir()) == []


def test_diff_the_other_way_resolves_the_finding_and_exits_0(repo: Path) -> None:
    code, out, err = diff(repo, "HEAD", "HEAD~1")
    assert code == 0, err
    assert (
        f"zoom: rejected -> approved for {ORG_NAME}: hipaa-no-ai-training-on-phi now passes"
        in out.splitlines()
    )
    assert "resolved: hipaa-no-ai-training-on-phi" in out


def test_diff_against_the_working_tree_and_as_json(repo: Path) -> None:
    code, out, _ = diff(repo, "HEAD")
    assert code == 0
    assert "No verdict changed (1 vendor(s) compared)." in out
    (repo / "vendors" / "zoom.yaml").write_text(zoom_august(), encoding="utf-8")
    (repo / "vendors" / "zoom-old.yaml").write_text(zoom_march("zoom-old"), encoding="utf-8")
    code, out, err = diff(repo, "HEAD", "--format", "json")
    assert code == 1, err
    report = json.loads(out)
    assert report["head"] == "working tree"
    assert report["base"].startswith("HEAD (")
    assert report["introducesBlocking"] is True
    vendors = {v["id"]: v for v in report["vendors"]}
    assert vendors["zoom"]["baseDecision"] == "rejected"
    assert vendors["zoom"]["headDecision"] == "approved"
    assert vendors["zoom"]["introducesBlocking"] is False
    (flip,) = vendors["zoom"]["flips"]
    assert (flip["kind"], flip["base"], flip["head"]) == ("resolved", "fail", "pass")
    assert vendors["zoom-old"]["status"] == "added"
    assert vendors["zoom-old"]["summary"] == (
        f"zoom-old: new vendor, rejected for {ORG_NAME}: hipaa-no-ai-training-on-phi now fails"
    )
    assert git(repo, "status", "--porcelain").stdout.count("\n") == 2  # our own edits only


def test_diff_between_two_folders_and_from_a_subfolder(repo: Path, tmp_path: Path) -> None:
    before, after = tmp_path / "before", tmp_path / "after"
    for target in (before, after):
        shutil.copytree(repo, target, ignore=shutil.ignore_patterns(".git"))
    (before / "vendors" / "zoom.yaml").write_text(zoom_august(), encoding="utf-8")
    code, out, err = diff(tmp_path, "before", "after")
    assert code == 1, err
    assert FLIP_LINE in out.splitlines()
    code, out, err = diff(repo / "vendors", "HEAD~1", "HEAD")
    assert code == 1, err
    assert FLIP_LINE in out.splitlines()


def test_diff_markdown_is_escaped_and_parses(repo: Path) -> None:
    code, out, _ = diff(repo, "HEAD~1", "HEAD", "--format", "markdown")
    assert code == 1
    page = MarkdownIt("commonmark", {"html": True}).enable("table").render(out)
    assert "<table>" in page
    assert "hipaa-no-ai-training-on-phi" in page
    assert "new blocking" in page


def test_diff_bad_revision_and_broken_base_are_input_errors(repo: Path) -> None:
    code, out, err = diff(repo, "no-such-branch")
    assert code == 2 and out == ""
    assert "no-such-branch: neither a folder nor a git revision" in err
    code, _, err = diff(repo, "--", "--help")
    assert code == 2
    # A profile broken at BASE is reported with git's REV:path notation and its line.
    (repo / "vendors" / "zoom.yaml").write_text(
        zoom_march().replace("value: always", "value: sometimes"), encoding="utf-8"
    )
    git(repo, "commit", "-q", "-am", "broken")
    code, out, err = diff(repo, "HEAD", "HEAD~1")
    assert code == 2 and out == ""
    assert err.startswith("error: HEAD:vendors/zoom.yaml:") or "HEAD:vendors/zoom.yaml:" in err
    assert "Traceback" not in err
