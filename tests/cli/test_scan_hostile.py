"""``vendorgate scan`` on a hostile document, through the real command line: what the text
format prints of the vendor's words passes the one escaping policy every output shares."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.cli import run_cli

HOSTILE = (
    "# Acme Terms of Service\n\nLast updated: March 1, 2026\n\n## 1. Content\u202e\n\n"
    "\x1b]0;owned\x07\x1b[2J Acme will never use your content to train artificial "
    "intelligence models.\n\n## 2. Security\n\n"
    "We will notify you of a security breach\u2028::error::x within 72 hours of becoming aware."
)
UNSAFE = ("\x1b", "\x07", "\u202e", "\u2028")


@pytest.mark.parametrize("compare", [False, True])
def test_the_text_format_prints_no_control_of_the_document(tmp_path: Path, compare: bool) -> None:
    (tmp_path / "terms.md").write_text(HOSTILE, encoding="utf-8")
    (tmp_path / "older.md").write_text("# Acme Terms of Service\n\nNothing yet.\n", "utf-8")
    args = ("--compare", "older.md", "terms.md") if compare else ("terms.md",)
    done = run_cli("scan", *args, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "never use your content" in done.stdout
    assert not any(ch in done.stdout for ch in UNSAFE), repr(done.stdout)
    assert not any(line.lstrip().startswith("::") for line in done.stdout.splitlines())


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("scan", "terms.md", "--vendor", "vendors"), "--vendor vendors: is a folder"),
        (("scan", "terms.md", "--vendor", "nope.yaml"), "--vendor nope.yaml: no such file"),
        (("review", "vendors"), "vendors: is a folder"),
        (("review", "nope.yaml"), "nope.yaml: no such file"),
        (("new", "acme", "terms.md", "--url", "https://acme.example/t", "--from", "vendors"),
         "--from vendors: is a folder"),
        (("new", "acme", "terms.md", "--url", "https://acme.example/t", "--from", "nope.yaml"),
         "--from nope.yaml: no such file"),
        (("new", "acme", "vendors", "--url", "https://acme.example/t"), "vendors: is a folder"),
        (("scan", "vendors"), "vendors: is a folder"),
        (("scan", "--compare", "vendors", "terms.md"), "vendors: is a folder"),
        (("new", "acme", "terms.md", "--url", "https://acme.example/t", "--vendors-dir",
          "terms.md"), "is a file"),
    ],
)  # fmt: skip
def test_a_folder_where_a_file_is_expected_is_named_as_one(
    tmp_path: Path, args: tuple[str, ...], said: str
) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "vendors").mkdir()
    (tmp_path / "terms.md").write_text(HOSTILE, encoding="utf-8")
    before = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    done = run_cli(*args, cwd=tmp_path)
    assert done.returncode == 2, done.stdout + done.stderr
    assert said in done.stderr and "Traceback" not in done.stderr, done.stderr
    if "--vendor " in said or "--from " in said or args[0] == "review":
        assert "a vendor profile file was expected" in done.stderr
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == before
