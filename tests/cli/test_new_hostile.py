"""``vendorgate new`` at its input boundaries, through the real command line: paths that
climb out of the repository through symlinks or options, files that appear while it runs,
documents that are empty, binary or dated implausibly, and a ``--from`` of another vendor.
Each must exit 2 with a message naming the input, write nothing and lose nothing; the
documents are written by the tests (no vendor's words)."""

from __future__ import annotations

import hashlib
import http.server
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import ClassVar

import pytest
import yaml

from tests.support.cli import REPO, empty_catalogue, run_cli
from tests.support.local_http import LOCAL_ONLY, serving

URL = "https://acme.example/terms"
TERMS = """# Acme Terms of Service

Last updated: March 1, 2026

## 1. Content

Acme will never use your content to train artificial intelligence models.

## 2. Security

We will notify you of a security breach within 72 hours of becoming aware of it.
"""
NO_LINKS = """import errno, os

def refuse(*args: object, **kwargs: object) -> None:
    raise OSError(errno.EPERM, "Operation not permitted")

os.link = refuse  # as on a file system without hard links
from vendorgate.cli import main

main(prog_name="vendorgate")
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project (organisation file, rules, empty ``vendors/``) holding ``terms.md``."""
    root = tmp_path / "project"
    root.mkdir()
    empty_catalogue(root)
    (root / "terms.md").write_text(TERMS, encoding="utf-8")
    return root


def _files(folder: Path) -> dict[str, bytes | str]:
    """Every entry under ``folder``: a file's bytes, a symlink's target."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        key = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[key] = os.readlink(path)
        elif path.is_file():
            found[key] = path.read_bytes()
    return found


def _refused(project: Path, *args: str, said: str, env: dict[str, str] | None = None) -> str:
    """Run ``new``; it must exit 2 saying ``said``, with no traceback."""
    done = run_cli("new", *args, "--as-of", "2026-12-02", cwd=project, env=env)
    assert done.returncode == 2, done.stdout + done.stderr
    assert said in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    return done.stderr


@pytest.mark.parametrize("link", ["snapshots", "snapshots/acme/terms-of-service"])
def test_a_symlinked_snapshot_folder_cannot_carry_the_copy_out(
    project: Path, tmp_path: Path, link: str
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (project / link).parent.mkdir(parents=True, exist_ok=True)
    os.symlink(outside, project / link)
    before = _files(project)
    _refused(project, "acme", "terms.md", "--url", URL, said="symlink")
    assert list(outside.iterdir()) == []
    assert _files(project) == before


def test_a_symlink_where_a_file_would_go_is_kept(project: Path, tmp_path: Path) -> None:
    snapshot = project / "snapshots" / "acme" / "terms-of-service" / "2026-03-01.md"
    snapshot.parent.mkdir(parents=True)
    os.symlink(tmp_path / "nowhere.md", snapshot)
    before = _files(project)
    _refused(project, "acme", "terms.md", "--url", URL, said="2026-03-01.md")
    assert _files(project) == before
    snapshot.unlink()
    os.symlink(tmp_path / "nowhere.yaml", project / "vendors" / "acme.yaml")
    before = _files(project)
    _refused(project, "acme", "terms.md", "--url", URL, said="refusing to overwrite")
    assert _files(project) == before
    assert not (tmp_path / "nowhere.yaml").exists() and not (tmp_path / "nowhere.md").exists()


def test_a_vendors_dir_outside_the_repository_is_refused(project: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.symlink(elsewhere, project / "linked")
    before = _files(tmp_path)
    for vendors_dir in (str(elsewhere), "../elsewhere", "linked"):
        _refused(
            project,
            "acme",
            "terms.md",
            "--url",
            URL,
            "--vendors-dir",
            vendors_dir,
            said="outside the repository",
        )
        assert _files(tmp_path) == before, vendors_dir


def test_outside_any_project_new_says_so_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "terms.md").write_text(TERMS, encoding="utf-8")
    _refused(tmp_path, "acme", "terms.md", "--url", URL, said="vendorgate init")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["terms.md"]


def test_two_documents_of_one_type_and_day_get_a_snapshot_each(project: Path) -> None:
    (project / "a.md").write_text("Notes on hosting.\n", encoding="utf-8")
    (project / "b.md").write_text("Notes on support.\n", encoding="utf-8")
    done = run_cli(
        "new", "acme", "a.md", "b.md", "--url", URL, "--url", URL, "--as-of", "2026-12-02",
        cwd=project,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    folder = project / "snapshots" / "acme" / "other"
    assert sorted(p.name for p in folder.iterdir()) == ["2026-12-02-2.md", "2026-12-02.md"]
    assert (folder / "2026-12-02-2.md").read_text(encoding="utf-8") == "Notes on support.\n"
    assert run_cli("evidence", "verify", "--strict", cwd=project).returncode == 0


def test_the_same_document_named_twice_is_refused_before_writing(project: Path) -> None:
    before = _files(project)
    _refused(
        project, "acme", "terms.md", "terms.md", "--url", URL, "--url", URL, said="named twice"
    )
    assert _files(project) == before


@pytest.mark.parametrize("content", [b"", b"  \n\n\t\r\n", b"\xef\xbb\xbf\n"])
def test_an_empty_document_is_refused(project: Path, content: bytes) -> None:
    (project / "empty.md").write_bytes(content)
    before = _files(project)
    _refused(project, "acme", "empty.md", "--url", URL, said="empty.md: no text")
    assert _files(project) == before


@pytest.mark.parametrize("said", ["December 31, 9999", "January 1, 1001", "2028-01-01"])
def test_an_implausible_effective_date_is_not_believed(project: Path, said: str) -> None:
    (project / "terms.md").write_text(TERMS.replace("March 1, 2026", said), encoding="utf-8")
    done = run_cli("new", "acme", "terms.md", "--url", URL, "--as-of", "2026-12-02", cwd=project)
    assert done.returncode == 0, done.stderr
    assert "not believed" in done.stderr
    profile = yaml.safe_load((project / "vendors" / "acme.yaml").read_text(encoding="utf-8"))
    assert str(profile["in_force"]["from"]) == "2026-12-02"
    assert "effective" not in profile["documents"][0]
    assert (project / "snapshots" / "acme" / "terms-of-service" / "2026-12-02.md").is_file()


def test_the_title_is_read_behind_a_byte_order_mark(project: Path) -> None:
    (project / "terms.md").write_bytes(b"\xef\xbb\xbf" + TERMS.encode())
    done = run_cli("new", "acme", "terms.md", "--url", URL, "--as-of", "2026-12-02", cwd=project)
    assert done.returncode == 0, done.stderr
    profile = yaml.safe_load((project / "vendors" / "acme.yaml").read_text(encoding="utf-8"))
    assert profile["documents"][0]["title"] == "Acme Terms of Service"


def test_from_a_profile_of_another_vendor_is_refused(project: Path) -> None:
    made = run_cli("new", "other", "terms.md", "--url", URL, "--as-of", "2026-12-02", cwd=project)
    assert made.returncode == 0, made.stderr
    profile = project / "vendors" / "other.yaml"
    profile.write_text(profile.read_text("utf-8").replace("    unreviewed: true\n", ""), "utf-8")
    before = _files(project)
    _refused(
        project, "acme", "terms.md", "--url", URL, "--from", "vendors/other.yaml",
        said="vendors/other.yaml: describes `other`, not `acme`",
    )  # fmt: skip
    # a lineage named after the other's is another vendor too (google and google-cloud)
    _refused(
        project, "other-cloud", "terms.md", "--url", URL, "--from", "vendors/other.yaml",
        said="vendors/other.yaml: describes `other`, not `other-cloud`",
    )  # fmt: skip
    assert _files(project) == before


PAGE_DATE = "<p>Last updated: March 1, 2026</p>"
PAGE = f"""<!doctype html>
<html><head><title>Acme Terms of Service</title><style>p {{ color: red }}</style></head>
<body><h1>Acme Terms of Service</h1>
{PAGE_DATE}
<h2>1. Content</h2>
<p>Acme will <strong>never</strong> use your content to train artificial intelligence models.</p>
<h2>2. Security</h2>
<p>We will notify you of a security breach within 72 hours of becoming aware of it &amp; we&rsquo;ll
say so.</p>
</body></html>
"""
LATIN = TERMS.replace("train artificial", "train the artificial intelligence of the caf\xe9 or any")
"""The terms with an "é" in a quoted sentence, served as one Latin-1 byte (0xE9)."""
CURLY_PAGE = PAGE.replace("we&rsquo;ll", "we\u2019ll")
"""The page with a typographic apostrophe written as the character: served in windows-1252
under a label that names ASCII, as careless servers do, it is the one byte 0x92."""
NEIGHBOUR = "vendors/acme-2025-01.yaml"
MY_NOTE = "# my note, written while `new` ran\n"


class _Pages(http.server.BaseHTTPRequestHandler):
    """Bodies a careless or hostile server answers with; ``/race`` also writes the profile
    ``new`` is about to write, as a second user would while the document downloads, and
    ``/edit`` edits the earlier profile ``new`` closes the lineage chain in."""

    project: Path = Path()

    BODIES: ClassVar[dict[str, tuple[str, bytes]]] = {
        "/pdf": ("application/pdf", b"%PDF-1.4\n\x00\x01\x02"),
        "/latin": ("text/markdown; charset=iso-8859-1", LATIN.encode("latin-1")),
        "/mislabelled": ("text/markdown; charset=utf-8", LATIN.encode("latin-1")),
        "/undeclared": ("text/markdown", LATIN.encode("latin-1")),
        "/latin-nul": ("text/plain; charset=iso-8859-1", b"# Terms\n\x00caf\xe9\n"),
        "/empty": ("text/plain", b""),
        "/race": ("text/markdown", TERMS.encode()),
        "/edit": ("text/markdown", TERMS.encode()),
        "/html": ("text/html; charset=utf-8", PAGE.encode()),
        "/html-edited": ("text/html; charset=utf-8", PAGE.replace(PAGE_DATE, "").encode()),
        "/html-ascii": ("text/html; charset=us-ascii", CURLY_PAGE.encode("cp1252")),
        "/html-undefined": ("text/html; charset=latin1", CURLY_PAGE.encode("cp1252") + b"\x81"),
    }

    def do_GET(self) -> None:
        kind, body = self.BODIES[self.path]
        if self.path == "/race":
            (self.project / "vendors" / "acme.yaml").write_text("mine\n", encoding="utf-8")
        if self.path == "/edit":  # a person editing the profile `new` closes the chain in
            with (self.project / NEIGHBOUR).open("a", encoding="utf-8") as handle:
                handle.write(MY_NOTE)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def server(project: Path) -> Iterator[str]:
    with serving(type("Pages", (_Pages,), {"project": project})) as url:
        yield url


class _Recording(http.server.BaseHTTPRequestHandler):
    """Answers every request with the terms, noting each path asked for in ``seen``."""

    seen: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.seen.append(self.path)
        body = TERMS.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/markdown; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (
            ("--type", "terms_of_servce"),
            "--type 'terms_of_servce': not a document type (did you mean `terms_of_service`?); "
            "expected one of terms_of_service, privacy_policy,",
        ),
        (("--type", "other", "--type", "dpa"), "--type given 2 times for 1 document(s)"),
        (("--url", URL, "--url", URL), "--url given 2 times for 1 document(s)"),
        (("--category", "sass"), "--category 'sass': expected one of"),
        (("--lineage", "../up"), "--lineage '../up'"),
    ],
)
def test_an_option_is_checked_before_any_document_is_fetched(
    project: Path, options: tuple[str, ...], said: str
) -> None:
    before = _files(project)
    handler = type("Recording", (_Recording,), {"seen": []})
    with serving(handler) as server:
        _refused(project, "acme", f"{server}/terms", *options, said=said, env=LOCAL_ONLY)
    assert handler.seen == []
    assert _files(project) == before


def test_a_later_document_missing_its_url_is_refused_before_the_first_is_fetched(
    project: Path,
) -> None:
    handler = type("Recording", (_Recording,), {"seen": []})
    with serving(handler) as server:
        _refused(project, "acme", f"{server}/terms", "terms.md", said="terms.md: a document "
                 "given as a file needs --url", env=LOCAL_ONLY)  # fmt: skip
    assert handler.seen == []
    assert not (project / "snapshots").exists()


def test_a_url_given_for_a_fetched_document_is_checked_too(project: Path, server: str) -> None:
    before = _files(project)
    bad = "https://acme.example/t\nreviewed: 2026-12-01"
    _refused(project, "acme", f"{server}/race", "--url", bad, said="--url", env=LOCAL_ONLY)
    assert _files(project) == before  # refused before the fetch, which would write acme.yaml


@pytest.mark.parametrize(
    ("page", "said"),
    [
        ("/pdf", "binary data"),
        ("/mislabelled", ":7:81: not valid UTF-8 (byte 0xe9)"),
        ("/undeclared", ":7:81: not valid UTF-8 (byte 0xe9)"),
        ("/latin-nul", "binary data"),
        ("/empty", "no text"),
    ],
)
def test_a_fetched_body_is_held_to_what_a_file_is(
    project: Path, server: str, page: str, said: str
) -> None:
    before = _files(project)
    stderr = _refused(project, "acme", f"{server}{page}", said=said, env=LOCAL_ONLY)
    assert f"{server}{page}" in stderr
    assert _files(project) == before


def test_a_profile_that_appears_while_new_runs_is_kept(project: Path, server: str) -> None:
    _refused(project, "acme", f"{server}/race", said="refusing to overwrite", env=LOCAL_ONLY)
    assert (project / "vendors" / "acme.yaml").read_text(encoding="utf-8") == "mine\n"
    assert not (project / "snapshots").exists()
    assert sorted(p.name for p in (project / "vendors").iterdir()) == ["acme.yaml"]


def test_a_neighbour_edited_while_new_runs_keeps_the_edit(project: Path, server: str) -> None:
    older = TERMS.replace("March 1, 2026", "January 1, 2025")
    (project / "older.md").write_text(older, encoding="utf-8")
    made = run_cli("new", "acme-2025-01", "older.md", "--url", URL, cwd=project)
    assert made.returncode == 0, made.stderr
    before = _files(project)
    _refused(project, "acme", f"{server}/edit", said="changed while `new` ran", env=LOCAL_ONLY)
    after = _files(project)
    read = before.pop(NEIGHBOUR)
    assert isinstance(read, bytes)
    assert after.pop(NEIGHBOUR) == read + MY_NOTE.encode()
    assert after == before  # no profile, snapshot or staged file of the run is left


@pytest.mark.parametrize(
    ("option", "value", "said"),
    [
        ("--category", "other\nreviewed: 2026-12-01", "--category"),
        ("--category", "nope", "expected one of"),
        ("--url", 'https://acme.example/t"\nx', "--url"),
        ("--url", "https://acme.example/a b", "--url"),
    ],
)
def test_an_option_cannot_write_yaml_of_its_own(
    project: Path, option: str, value: str, said: str
) -> None:
    before = _files(project)
    args = ["acme", "terms.md", option, value] + (["--url", URL] if option != "--url" else [])
    stderr = _refused(project, *args, said=said)
    assert ".check.yaml" not in stderr
    assert _files(project) == before


def test_files_get_the_mode_a_plain_write_gives_and_an_edit_keeps_its_own(project: Path) -> None:
    older = TERMS.replace("March 1, 2026", "January 1, 2025")
    (project / "older.md").write_text(older, encoding="utf-8")
    made = run_cli("new", "acme-2025-01", "older.md", "--url", URL, cwd=project)
    assert made.returncode == 0, made.stderr
    neighbour = project / "vendors" / "acme-2025-01.yaml"
    neighbour.chmod(0o640)
    done = run_cli("new", "acme", "terms.md", "--url", URL, cwd=project)
    assert done.returncode == 0, done.stderr
    assert "closed the lineage chain" in done.stdout
    umask = os.umask(0)
    os.umask(umask)
    written = project / "snapshots" / "acme" / "terms-of-service" / "2026-03-01.md"
    for path in (project / "vendors" / "acme.yaml", written):
        assert path.stat().st_mode & 0o777 == 0o666 & ~umask, path
    assert neighbour.stat().st_mode & 0o777 == 0o640


def test_a_symlinked_profile_of_the_lineage_is_not_replaced(project: Path, tmp_path: Path) -> None:
    older = TERMS.replace("March 1, 2026", "January 1, 2025")
    (project / "older.md").write_text(older, encoding="utf-8")
    made = run_cli("new", "acme-2025-01", "older.md", "--url", URL, cwd=project)
    assert made.returncode == 0, made.stderr
    kept = project / "kept"
    kept.mkdir()
    neighbour = project / "vendors" / "acme-2025-01.yaml"
    neighbour.rename(kept / neighbour.name)
    os.symlink(f"../kept/{neighbour.name}", neighbour)
    before = _files(project)
    _refused(project, "acme", "terms.md", "--url", URL, said="vendors/acme-2025-01.yaml")
    assert _files(project) == before


@pytest.mark.parametrize(
    ("args", "said"),
    [(("a" * 300,), "VENDOR_ID"), (("acme", "--lineage", "a" * 300), "--lineage")],
)
def test_an_id_too_long_for_a_file_name_is_refused(
    project: Path, args: tuple[str, ...], said: str
) -> None:
    before = _files(project)
    vendor_id, *rest = args
    stderr = _refused(project, vendor_id, "terms.md", "--url", URL, *rest, said=said)
    assert "internal error" not in stderr and "at most 100" in stderr
    assert _files(project) == before


def test_control_characters_of_a_hostile_text_are_written_escaped(project: Path) -> None:
    title = "Acme \x9b\x07 Terms\u2028of\x85Service\ufeff\u200e"
    sentence = "Acme will never use your \x9bcontent\u2029 to train artificial intelligence models."
    text = TERMS.replace("Acme Terms of Service", title).replace(
        "Acme will never use your content to train artificial intelligence models.", sentence
    )
    (project / "terms.md").write_text(text, encoding="utf-8")
    done = run_cli("new", "acme", "terms.md", "--url", URL, "--as-of", "2026-12-02", cwd=project)
    assert done.returncode == 0, done.stderr
    written = (project / "vendors" / "acme.yaml").read_text(encoding="utf-8")
    assert all(ch.isprintable() or ch == "\n" for ch in written)
    profile = yaml.safe_load(written)
    # Controls and separators, which no profile may hold, become spaces; the rest is escaped.
    assert profile["documents"][0]["title"] == "Acme    Terms of Service\ufeff\u200e"
    # A quote that would need a control character is left out: its fact stays undisclosed.
    assert profile["facts"]["ai_training_customer_content"]["value"] == "undisclosed"
    assert profile["facts"]["breach_notification_hours"]["unreviewed"] is True
    verified = run_cli("evidence", "verify", "--strict", cwd=project)
    assert verified.returncode == 0, verified.stdout + verified.stderr


def test_from_carries_no_value_that_has_no_quote_to_check(project: Path) -> None:
    older = TERMS.replace("March 1, 2026", "January 1, 2025")
    (project / "older.md").write_text(older, encoding="utf-8")
    made = run_cli("new", "acme-2025-01", "older.md", "--url", URL, cwd=project)
    assert made.returncode == 0, made.stderr
    old = project / "vendors" / "acme-2025-01.yaml"
    text = old.read_text(encoding="utf-8").replace("    unreviewed: true\n", "")
    stated = text.replace(
        '  dpa_available:\n    value: "undisclosed"', "  dpa_available:\n    value: available"
    )
    assert stated != text
    old.write_text(stated, encoding="utf-8")
    done = run_cli(
        "new", "acme", "terms.md", "--url", URL, "--from", "vendors/acme-2025-01.yaml",
        cwd=project,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    facts = yaml.safe_load((project / "vendors" / "acme.yaml").read_text("utf-8"))["facts"]
    assert facts["dpa_available"]["value"] == "undisclosed"
    assert "`available`" in facts["dpa_available"]["note"]
    assert facts["breach_notification_hours"]["value"] == 72  # its quote still verifies
    assert "unreviewed" not in facts["breach_notification_hours"]
    assert "dpa_available" in done.stderr


def test_a_file_named_like_the_check_copy_is_kept(project: Path) -> None:
    mine = project / "vendors" / ".acme.check.yaml"
    mine.write_text("my notes\n", encoding="utf-8")
    done = run_cli("new", "acme", "terms.md", "--url", URL, cwd=project)
    assert done.returncode == 0, done.stderr
    assert mine.read_text(encoding="utf-8") == "my notes\n"
    assert sorted(p.name for p in mine.parent.iterdir()) == [".acme.check.yaml", "acme.yaml"]


def test_output_never_replaces_a_file_the_command_reads_or_writes(project: Path) -> None:
    made = run_cli("new", "acme", "terms.md", "--url", URL, cwd=project)
    assert made.returncode == 0, made.stderr
    before = _files(project)
    runs = [
        ("scan", "terms.md", "-o", "terms.md"),
        ("scan", "--compare", "terms.md", "./terms.md", "-o", "terms.md"),
        ("scan", "terms.md", "--vendor", "vendors/acme.yaml", "-o", "vendors/acme.yaml"),
        ("review", "vendors/acme.yaml", "-o", "vendors/acme.yaml"),
        ("review", "vendors/acme.yaml", "--accept", "breach_notification_hours", "-o",
         "vendors/../vendors/acme.yaml"),
        ("new", "acme2", "terms.md", "--url", URL, "-o", "terms.md"),
        ("new", "acme2", "terms.md", "--url", URL, "-o", "vendors/acme2.yaml"),
        ("new", "acme2", "terms.md", "--url", URL, "--from", "vendors/acme.yaml", "-o",
         "vendors/acme.yaml"),
    ]  # fmt: skip
    for args in runs:
        done = run_cli(*args, cwd=project)
        assert done.returncode == 2, (args, done.stdout, done.stderr)
        assert "-o " in done.stderr and "Traceback" not in done.stderr, done.stderr
        assert _files(project) == before, args


def test_a_plain_http_document_is_fetched_only_from_this_machine(project: Path) -> None:
    before = _files(project)
    stderr = _refused(project, "acme", "http://acme.example/terms", said="https://")
    assert "could not be fetched" not in stderr  # refused before any connection
    assert _files(project) == before


def _run_without_links(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The real entry point, in a process where ``os.link`` fails as it does on a file
    system without hard links."""
    script = project.parent / "no_links.py"
    script.write_text(NO_LINKS, encoding="utf-8")
    env = {**os.environ, **LOCAL_ONLY, "NO_COLOR": "1"}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO / "src"), env.get("PYTHONPATH", "")])
    return subprocess.run(
        [sys.executable, str(script), "new", *args, "--as-of", "2026-12-02"],
        cwd=project, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


def test_without_hard_links_the_profile_is_still_written(project: Path) -> None:
    done = _run_without_links(project, "acme", "terms.md", "--url", URL)
    assert done.returncode == 0, done.stderr
    profile = yaml.safe_load((project / "vendors" / "acme.yaml").read_text(encoding="utf-8"))
    assert profile["id"] == "acme"
    written = project / "snapshots" / "acme" / "terms-of-service" / "2026-03-01.md"
    assert written.read_text(encoding="utf-8") == TERMS
    assert sorted(p.name for p in (project / "vendors").iterdir()) == ["acme.yaml"]
    verified = run_cli("evidence", "verify", "--strict", cwd=project)
    assert verified.returncode == 0, verified.stdout + verified.stderr


def test_without_hard_links_a_file_that_appears_is_still_kept(project: Path, server: str) -> None:
    done = _run_without_links(project, "acme", f"{server}/race")
    assert done.returncode == 2, done.stdout + done.stderr
    assert "refusing to overwrite" in done.stderr and "Traceback" not in done.stderr
    assert (project / "vendors" / "acme.yaml").read_text(encoding="utf-8") == "mine\n"
    assert not (project / "snapshots").exists()
    assert sorted(p.name for p in (project / "vendors").iterdir()) == ["acme.yaml"]


def test_a_retrieval_date_after_today_is_refused(project: Path) -> None:
    before = _files(project)
    # Two days ahead, and either calendar day accepted as "today": a run across midnight
    # still asks for a day after the one the command reads.
    first_day = date.today()
    ahead = (first_day + timedelta(days=2)).isoformat()
    done = run_cli("new", "acme", "terms.md", "--url", URL, "--as-of", ahead, cwd=project)
    days = {first_day.isoformat(), date.today().isoformat()}
    assert done.returncode == 2, done.stdout + done.stderr
    assert any(f"--as-of {ahead}: later than today ({d})" in done.stderr for d in days)
    assert "Traceback" not in done.stderr
    assert _files(project) == before
    today = run_cli("new", "acme", "terms.md", "--url", URL, "--as-of", date.today().isoformat(),
                    cwd=project)  # fmt: skip
    assert today.returncode == 0, today.stderr


def test_a_fetched_html_page_is_pinned_as_served_and_watched_as_read(
    project: Path, server: str
) -> None:
    done = run_cli("new", "acme", f"{server}/html", "--as-of", "2026-12-02", cwd=project,
                   env=LOCAL_ONLY)  # fmt: skip
    assert done.returncode == 0, done.stderr
    snapshot = project / "snapshots" / "acme" / "terms-of-service" / "2026-03-01.md"
    assert snapshot.read_text(encoding="utf-8") == PAGE  # the bytes served, markup and all
    profile = project / "vendors" / "acme.yaml"
    facts = yaml.safe_load(profile.read_text(encoding="utf-8"))["facts"]
    # the quote as the page shows it, not cut with its markup
    quote = facts["ai_training_customer_content"]["evidence"][0]["quote"]
    assert "<strong>never</strong>" in PAGE
    assert quote == "Acme will never use your content to train artificial intelligence models."
    verified = run_cli("evidence", "verify", "--strict", cwd=project)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "2 verified" in verified.stdout
    same = run_cli("watch", cwd=project, env=LOCAL_ONLY)
    assert same.stdout.startswith("unchanged"), same.stdout + same.stderr
    text = profile.read_text(encoding="utf-8")
    profile.write_text(text.replace(f"{server}/html", f"{server}/html-edited"), encoding="utf-8")
    edited = run_cli("watch", cwd=project, env=LOCAL_ONLY)
    assert edited.stdout.startswith("changed"), edited.stdout + edited.stderr
    assert "GONE" not in edited.stdout  # the quotes, read without their tags, are still there


def test_a_page_in_its_declared_charset_is_pinned_in_utf8(project: Path, server: str) -> None:
    done = run_cli("new", "acme", f"{server}/latin", "--as-of", "2026-12-02", cwd=project,
                   env=LOCAL_ONLY)  # fmt: skip
    assert done.returncode == 0, done.stderr
    snapshot = project / "snapshots" / "acme" / "terms-of-service" / "2026-03-01.md"
    assert snapshot.read_bytes() == LATIN.encode("utf-8")  # "é" as C3 A9, not E9
    # the label iso-8859-1 is read as windows-1252, as browsers read it
    assert "converted to UTF-8 from cp1252" in done.stdout
    assert "served in cp1252, not UTF-8 (which names 'iso-8859-1', read as windows-1252" in (
        done.stderr
    )
    text = (project / "vendors" / "acme.yaml").read_text(encoding="utf-8")
    profile = yaml.safe_load(text)
    assert profile["documents"][0]["sha256"] == hashlib.sha256(LATIN.encode()).hexdigest()
    assert "# served in cp1252: the snapshot is the page in UTF-8" in text
    quote = profile["facts"]["ai_training_customer_content"]["evidence"][0]["quote"]
    assert "caf\xe9" in quote
    for check in (("validate",), ("evidence", "verify", "--strict")):
        checked = run_cli(*check, cwd=project)
        assert checked.returncode == 0, checked.stdout + checked.stderr
    same = run_cli("watch", cwd=project, env=LOCAL_ONLY)  # watch reads the live page alike
    assert same.stdout.startswith("unchanged"), same.stdout + same.stderr


def test_a_file_not_in_utf8_is_refused_with_how_to_convert_it(project: Path) -> None:
    (project / "latin.md").write_bytes(LATIN.encode("latin-1"))
    before = _files(project)
    _refused(project, "acme", "latin.md", "--url", URL,
             said="latin.md:7:81: not valid UTF-8 (byte 0xe9)")  # fmt: skip
    _refused(project, "acme", "latin.md", "--url", URL, said="iconv -f LATIN1 -t UTF-8")
    assert _files(project) == before


# ---------------------------------------------------------------- charsets a page declares itself

META_PAGE = PAGE.replace("<head>", '<head><meta charset="windows-1252">').replace(
    "train artificial", "train the caf\xe9\u2019s artificial"
)
"""The HTML page with an "é" and a "’" in a quoted sentence, declaring windows-1252 in a tag."""
OVERRULED = PAGE.replace("<head>", '<head><meta charset="koi8-r">').replace(
    "train artificial", "train the caf\xe9 artificial"
)
"""An "é" that Latin-1 reads as "é" and KOI8-R as "И": which charset wins shows in the text."""
UTF8_META_PAGE = META_PAGE.replace('charset="windows-1252"', 'charset="utf-8"')


class _Declaring(http.server.BaseHTTPRequestHandler):
    """Pages whose charset only their <meta> declares, or whose header says another; and a
    redirect to one of them."""

    BODIES: ClassVar[dict[str, tuple[str, bytes]]] = {
        "/meta": ("text/html", META_PAGE.encode("cp1252")),
        "/overruled": ("text/html; charset=iso-8859-1", OVERRULED.encode("latin-1")),
        "/meta-not-html": ("text/plain", META_PAGE.encode("cp1252")),
        "/meta-utf8": ("text/html", UTF8_META_PAGE.encode()),
    }

    def do_GET(self) -> None:
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/meta")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        kind, body = self.BODIES[self.path]
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def declaring() -> Iterator[str]:
    with serving(_Declaring) as url:
        yield url


SNAPSHOT = "snapshots/acme/terms-of-service/2026-03-01.md"


def test_a_page_whose_meta_declares_its_charset_is_pinned_in_utf8(
    project: Path, declaring: str
) -> None:
    done = run_cli("new", "acme", f"{declaring}/meta", "--as-of", "2026-12-02", cwd=project,
                   env=LOCAL_ONLY)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (project / SNAPSHOT).read_bytes() == META_PAGE.encode("utf-8")
    assert "converted to UTF-8 from cp1252" in done.stdout
    assert "served in cp1252, not UTF-8, as its <meta> tag declares, and is stored" in done.stderr
    verified = run_cli("evidence", "verify", "--strict", cwd=project)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    same = run_cli("watch", cwd=project, env=LOCAL_ONLY)  # watch reads the live page alike
    assert same.stdout.startswith("unchanged"), same.stdout + same.stderr


def test_a_utf8_page_whose_meta_says_utf8_is_pinned_byte_for_byte(
    project: Path, declaring: str
) -> None:
    # What the prescan adds must change nothing for the commonest page of all.
    done = run_cli("new", "acme", f"{declaring}/meta-utf8", "--as-of", "2026-12-02",
                   cwd=project, env=LOCAL_ONLY)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (project / SNAPSHOT).read_bytes() == UTF8_META_PAGE.encode()
    assert "converted" not in done.stdout and "served in" not in done.stderr, done.stderr
    assert "snapshots/acme" not in done.stderr  # no note on how the page was stored


def test_the_header_charset_wins_over_the_meta_and_new_says_so(
    project: Path, declaring: str
) -> None:
    done = run_cli("new", "acme", f"{declaring}/overruled", "--as-of", "2026-12-02",
                   cwd=project, env=LOCAL_ONLY)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (project / SNAPSHOT).read_bytes() == OVERRULED.encode("utf-8")  # "é", not "И"
    assert "its <meta> tag declares 'koi8-r': the header wins" in done.stderr, done.stderr


def test_a_meta_charset_is_not_read_in_a_page_that_is_not_html(
    project: Path, declaring: str
) -> None:
    before = _files(project)
    _refused(project, "acme", f"{declaring}/meta-not-html", said="not valid UTF-8 (byte 0xe9)",
             env=LOCAL_ONLY)  # fmt: skip
    assert _files(project) == before


def test_a_redirected_page_says_where_its_bytes_came_from(project: Path, declaring: str) -> None:
    done = run_cli("new", "acme", f"{declaring}/moved", "--as-of", "2026-12-02", cwd=project,
                   env=LOCAL_ONLY)  # fmt: skip
    assert done.returncode == 0, done.stderr
    said = f"{declaring}/moved redirected to {declaring}/meta, and the snapshot is the page"
    assert said in done.stderr, done.stderr
    assert "the profile's url names it" in done.stderr
    profile = yaml.safe_load((project / "vendors" / "acme.yaml").read_text(encoding="utf-8"))
    assert profile["documents"][0]["url"] == f"{declaring}/meta"


def test_a_redirected_page_given_a_url_says_both(project: Path, declaring: str) -> None:
    done = run_cli("new", "acme", f"{declaring}/moved", "--url", URL, "--as-of", "2026-12-02",
                   cwd=project, env=LOCAL_ONLY)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert f"redirected to {declaring}/meta" in done.stderr, done.stderr
    assert f"the profile's url is {URL}, as --url gave it" in done.stderr


def test_an_html_file_is_read_in_the_charset_its_meta_declares(project: Path) -> None:
    (project / "terms.html").write_bytes(META_PAGE.encode("cp1252"))
    done = run_cli("new", "acme", "terms.html", "--url", URL, "--as-of", "2026-12-02",
                   cwd=project)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (project / SNAPSHOT).read_bytes() == META_PAGE.encode("utf-8")
    assert "the file is in cp1252, not UTF-8, as its <meta> tag declares" in done.stderr
    assert "not of the file's bytes" in done.stderr


def test_an_html_file_its_meta_charset_does_not_decode_is_refused(project: Path) -> None:
    body = PAGE.replace("<head>", '<head><meta charset="shift_jis">').encode() + b"\x81\xff"
    (project / "terms.html").write_bytes(body)
    (project / "terms.htm.md").write_bytes(META_PAGE.encode("cp1252"))  # not HTML: no prescan
    before = _files(project)
    bad, line = len(body) - 2, body.count(b"\n") + 1  # the bad bytes open the last line
    stderr = _refused(project, "acme", "terms.html", "--url", URL,
                      said=f"terms.html:{line}:1: cannot be pinned as text: it is not text in the "
                      "charset 'shift_jis' its <meta> tag declares (the first undecodable byte is "
                      f"at offset {bad}, line {line}, column 1)")  # fmt: skip
    assert "iconv" in stderr
    _refused(project, "acme", "terms.htm.md", "--url", URL, said="not valid UTF-8 (byte 0xe9)")
    assert _files(project) == before


# ---------------------------------------------------------------- no downgrade to plain http


def test_an_https_page_redirected_to_plain_http_is_refused_even_here(
    project: Path, tmp_path: Path
) -> None:
    # From this machine plain http is allowed when asked for; an https page that redirects to
    # it is not, since the page was asked for authenticated.
    from tests.support.local_tls import (
        make_certificate,
        page,
        redirect_to,
        serve_site,
        server_context,
    )

    certificate = make_certificate(tmp_path, "127.0.0.1", "IP:127.0.0.1,DNS:localhost")
    env = {**LOCAL_ONLY, "SSL_CERT_FILE": str(certificate[0])}
    before = _files(project)
    with serve_site(server_context(*certificate)) as secure, serve_site() as plain:
        plain.routes["/terms"] = page(TERMS.encode())
        secure.routes["/terms"] = redirect_to(f"{plain.url}/terms")
        said = f"redirect from {secure.url}/terms to {plain.url}/terms refused"
        stderr = _refused(project, "acme", f"{secure.url}/terms", env=env, said=said)
    assert "give the http URL itself if that is really meant" in stderr
    assert plain.paths == []
    assert _files(project) == before


def test_a_page_labelled_ascii_is_read_as_windows_1252(project: Path, server: str) -> None:
    done = run_cli("new", "acme", f"{server}/html-ascii", "--as-of", "2026-12-02", cwd=project,
                   env=LOCAL_ONLY)  # fmt: skip
    assert done.returncode == 0, done.stderr
    snapshot = project / "snapshots" / "acme" / "terms-of-service" / "2026-03-01.md"
    assert snapshot.read_text(encoding="utf-8") == CURLY_PAGE  # 0x92 as U+2019, in UTF-8
    assert "served in cp1252, not UTF-8 (which names 'us-ascii'" in done.stderr
    checked = run_cli("evidence", "verify", "--strict", cwd=project)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_a_byte_windows_1252_leaves_undefined_is_refused(project: Path, server: str) -> None:
    before = _files(project)
    stderr = _refused(project, "acme", f"{server}/html-undefined", said="cannot be pinned as text",
                      env=LOCAL_ONLY)  # fmt: skip
    assert "'latin1' (read as windows-1252, as browsers read it)" in stderr
    assert _files(project) == before


def test_a_local_page_its_meta_charset_cannot_read_is_refused_at_the_byte(project: Path) -> None:
    # 0x81 is a byte windows-1252 leaves undefined; CRLF line ends count as one line break.
    page = (
        b'<!doctype html>\r\n<html><head><meta charset="windows-1252"></head>\r\n<body><p>Caf\x81'
    )
    (project / "terms.html").write_bytes(page + b" terms</p></body></html>\r\n")
    before = _files(project)
    done = run_cli("new", "acme", "terms.html", "--url", URL, cwd=project)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "terms.html:3:13: cannot be pinned as text" in done.stderr
    assert "offset 79, line 3, column 13" in done.stderr
    assert "Traceback" not in done.stderr
    assert _files(project) == before
