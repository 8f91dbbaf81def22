"""The command-line conventions CI users expect from policy checkers: several outputs from one
evaluation, the format named by the file's extension, --quiet, colour switches, --soft-fail,
shell completion, a progress bar on terminals only, and a cache folder git ignores."""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.cli import GOLDEN, run_cli

AS_OF = ("--as-of", "2026-01-15")


def test_several_outputs_come_from_one_evaluation(tmp_path: Path) -> None:
    # Each evaluation leaves one pack of records in the cache: one pack, one evaluation.
    cache = tmp_path / "cache"
    env = {"VENDORGATE_CACHE_DIR": str(cache)}
    files = {"sarif": "r.sarif", "json": "r.json", "junit": "r.report", "text": "r.txt"}
    named = {fmt: str(tmp_path / name) for fmt, name in files.items()}
    named["junit"] = f"junit={named['junit']}"  # no extension says junit: the format is named
    args = [a for value in named.values() for a in ("-o", value)]
    done = run_cli("check", *AS_OF, *args, cwd=GOLDEN, env=env)
    assert done.returncode == 1, done.stderr
    assert done.stdout == ""
    assert len(list((cache / "packs").glob("*.pack"))) == 1
    assert json.loads((tmp_path / "r.sarif").read_text())["version"] == "2.1.0"
    for fmt, name in files.items():
        alone = run_cli("check", *AS_OF, "--format", fmt, "--no-cache", cwd=GOLDEN)
        assert (tmp_path / name).read_text(encoding="utf-8") == alone.stdout, fmt


def test_report_writes_several_formats_from_one_evaluation(tmp_path: Path) -> None:
    done = run_cli(
        "report",
        *AS_OF,
        "-o",
        str(tmp_path / "r.html"),
        "-o",
        f"json={tmp_path / 'r.data'}",
        cwd=GOLDEN,
    )
    assert done.returncode == 1, done.stderr
    assert (tmp_path / "r.html").read_text().startswith("<!DOCTYPE html>")
    alone = run_cli("report", *AS_OF, "--format", "json", cwd=GOLDEN)
    assert (tmp_path / "r.data").read_text() == alone.stdout


@pytest.mark.parametrize(
    ("value", "message"),
    [("out.yaml", "--format FORMAT"), ("yml=out.txt", "no `yml` format"), ("r.html", ".sarif")],
)
def test_an_output_of_unknown_format_is_refused(tmp_path: Path, value: str, message: str) -> None:
    done = run_cli("check", *AS_OF, "-o", str(tmp_path / "ok.json"), "-o", value, cwd=tmp_path)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_one_output_that_cannot_be_written_leaves_none(tmp_path: Path) -> None:
    ok, missing = tmp_path / "ok.json", tmp_path / "missing" / "r.sarif"
    done = run_cli("check", *AS_OF, "-o", str(ok), "-o", str(missing), cwd=GOLDEN)
    assert done.returncode == 2
    assert "no folder" in done.stderr  # said before evaluating
    assert list(tmp_path.iterdir()) == []
    (tmp_path / "taken.sarif").mkdir()  # found only once both outputs are rendered
    done = run_cli("check", *AS_OF, "-o", str(ok), "-o", str(tmp_path / "taken.sarif"), cwd=GOLDEN)
    assert done.returncode == 2
    assert "cannot write output" in done.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["taken.sarif"]  # no ok.json, no temporary


def test_quiet_prints_nothing_and_still_writes_and_exits(tmp_path: Path) -> None:
    quiet = run_cli("check", *AS_OF, "--quiet", cwd=GOLDEN)
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (1, "", "")
    to_file = run_cli("check", *AS_OF, "-q", "-o", str(tmp_path / "r.json"), cwd=GOLDEN)
    assert to_file.returncode == 1
    assert json.loads((tmp_path / "r.json").read_text())["vendors"]


def test_soft_fail_softens_findings_never_bad_input(tmp_path: Path) -> None:
    soft = run_cli("check", *AS_OF, "--soft-fail", "-o", str(tmp_path / "r.sarif"), cwd=GOLDEN)
    assert soft.returncode == 0, soft.stderr
    assert json.loads((tmp_path / "r.sarif").read_text())["runs"][0]["results"]
    (tmp_path / "bad.yaml").write_text("apiVersion: vendorgate/v1\nkind: VendorProfile\n")
    bad = run_cli("check", "--soft-fail", str(tmp_path / "bad.yaml"), cwd=GOLDEN)
    assert bad.returncode == 2
    assert "bad.yaml:" in bad.stderr


@pytest.mark.parametrize(
    ("env", "flag", "coloured"),
    [
        ({"FORCE_COLOR": "1", "NO_COLOR": ""}, (), True),
        ({"FORCE_COLOR": "1", "NO_COLOR": ""}, ("--no-color",), False),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, (), False),
        ({"FORCE_COLOR": "0", "NO_COLOR": ""}, (), False),
        ({"NO_COLOR": "1"}, ("--color",), True),
    ],
)
def test_colour_switches_in_their_order(
    env: dict[str, str], flag: tuple[str, ...], coloured: bool
) -> None:
    done = run_cli("check", *AS_OF, *flag, cwd=GOLDEN, env=env)
    assert done.returncode == 1, done.stderr
    assert ("\x1b[" in done.stdout) is coloured


def test_shell_completion_script_is_produced() -> None:
    for shell, marker in (("bash", "complete -o"), ("zsh", "compdef"), ("fish", "complete")):
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; sys.argv[0] = 'vendorgate'; from vendorgate.cli import main; main()",
            ],
            env={**os.environ, "_VENDORGATE_COMPLETE": f"{shell}_source"},
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert marker in done.stdout and "_VENDORGATE_COMPLETE" in done.stdout, shell


def _on_a_terminal(after: str) -> tuple[bytes, bytes, int]:
    """``check`` with stderr on a pseudo-terminal: what stderr showed, stdout, the exit code."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "vendorgate", "check", *AS_OF, "--format", "json", "--no-cache"],
        cwd=GOLDEN,
        stdout=subprocess.PIPE,
        stderr=follower,
        env={**os.environ, "TERM": "xterm", "NO_COLOR": "1", "VENDORGATE_PROGRESS_AFTER": after},
    )
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    stdout, _ = proc.communicate(timeout=120)
    return seen, stdout, proc.returncode


def test_check_progress_bar_on_a_terminal_only_for_a_run_that_lasts() -> None:
    piped = run_cli(
        "check", *AS_OF, "--format", "json", cwd=GOLDEN, env={"VENDORGATE_PROGRESS_AFTER": "0"}
    )
    assert piped.stderr == ""
    seen, stdout, code = _on_a_terminal("0")
    assert code == 1
    assert b"evaluating" in seen
    assert json.loads(stdout) == json.loads(piped.stdout)
    short, _, code = _on_a_terminal("600")  # the run ends long before the bar's delay
    assert code == 1
    assert b"evaluating" not in short


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_cache_inside_the_work_tree_stays_out_of_git_status(tmp_path: Path) -> None:
    work = tmp_path / "work"
    shutil.copytree(GOLDEN, work)
    subprocess.run(["git", "init", "-q"], cwd=work, check=True)
    env = {"VENDORGATE_CACHE_DIR": str(work / ".vendorgate-cache")}
    assert run_cli("check", *AS_OF, "-q", cwd=work, env=env).returncode == 1
    assert (work / ".vendorgate-cache" / "packs").is_dir()
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    )
    assert status.stdout.strip()  # the copied catalogue is untracked, so status lists files
    assert ".vendorgate-cache" not in status.stdout


def test_one_profile_from_stdin(tmp_path: Path) -> None:
    vendors = GOLDEN / "vendors"
    profile = (vendors / "quiet-vendor.yaml").read_text(encoding="utf-8")
    args = ("check", *AS_OF, "--org", "../org.yaml", "--format", "json", "--no-cache")
    # From the profile's folder, its snapshot paths resolve as they do for the file itself.
    piped = run_cli(*args, "-", cwd=vendors, input_text=profile)
    named = run_cli(*args, "quiet-vendor.yaml", cwd=vendors)
    assert piped.returncode == named.returncode == 1, piped.stderr
    [from_stdin], [from_file] = (json.loads(p.stdout)["vendors"] for p in (piped, named))
    assert from_stdin["decision"] == from_file["decision"]
    assert "<stdin>" in piped.stdout
    broken = profile.replace("\nname:", "\n  name: [", 1)
    bad = run_cli("check", "-", cwd=vendors, input_text=broken)
    assert bad.returncode == 2
    assert bad.stderr.removeprefix("error: ").startswith("<stdin>:"), bad.stderr
    assert "Traceback" not in bad.stderr


def test_a_file_named_dash_is_read_as_that_file_when_named_dot_slash_dash(tmp_path: Path) -> None:
    vendors = tmp_path / "vendors"
    shutil.copytree(GOLDEN / "vendors", vendors)
    shutil.copy(vendors / "quiet-vendor.yaml", vendors / "-")
    args = ("check", *AS_OF, "--org", str(GOLDEN / "org.yaml"), "--format", "json", "--no-cache")
    named = run_cli(*args, "./-", cwd=vendors, input_text="")
    original = run_cli(*args, "quiet-vendor.yaml", cwd=vendors)
    assert named.returncode == original.returncode == 1, named.stderr
    [from_dash], [from_file] = (json.loads(p.stdout)["vendors"] for p in (named, original))
    assert from_dash["decision"] == from_file["decision"]
    assert "<stdin>" not in named.stdout + named.stderr
