"""`watch --save` stores a changed page in the form `new` pins a fetched page in, so that
`evidence diff` between a snapshot `new` made and the version `watch` saved next compares like
with like. Both through the real command line, against a real server on 127.0.0.1."""

from __future__ import annotations

import http.server
from pathlib import Path
from typing import ClassVar

from tests.support.cli import empty_catalogue, run_cli
from tests.support.local_http import LOCAL_ONLY, serving

# CRLF line endings, no final newline, characters outside ASCII, a character reference: any
# conversion or normalisation on one side and not the other shows in the bytes.
PAGE = (
    '<!doctype html>\r\n<html lang="en"><head><meta charset="utf-8">'
    "<title>Acme Terms of Service</title></head>\r\n<body><main>\r\n"
    "<h1>Acme Terms of Service</h1>\r\n<p>Effective date: March 1, 2026</p>\r\n"
    "<h2>1. Customer Content</h2>\r\n"
    "<p>Acme {use} Customer Content to train artificial intelligence models &mdash; "
    "as the customer’s agreement says.</p>\r\n"
    "<h2>2. Retention</h2>\r\n<p>Acme deletes Customer Content within thirty (30) days after "
    "termination of the Service for the customer’s café.</p>\r\n</main></body></html>"
)
FIRST = PAGE.format(use="does not use").encode("utf-8")
SECOND = PAGE.format(use="may use").encode("utf-8")


class _Terms(http.server.BaseHTTPRequestHandler):
    body: ClassVar[bytes] = FIRST
    kind: ClassVar[str] = "text/html; charset=utf-8"

    def do_GET(self) -> None:
        self.send_response(200 if self.path == "/terms" else 404)
        self.send_header("Content-Type", type(self).kind)
        self.send_header("Content-Length", str(len(type(self).body)))
        self.end_headers()
        self.wfile.write(type(self).body)

    def log_message(self, format: str, *args: object) -> None:
        return


def _ok(*args: str, cwd: Path) -> str:
    result = run_cli(*args, cwd=cwd, env=LOCAL_ONLY)
    assert result.returncode in (0, 1), result.stderr  # watch exits 1 for a changed page
    return result.stdout


def _pinned_by_new(root: Path, url: str) -> bytes:
    root.mkdir()
    empty_catalogue(root)
    _ok("new", "acme", url, "--as-of", "2026-12-02", cwd=root)
    (snapshot,) = (root / "snapshots").rglob("*.md")
    return snapshot.read_bytes()


def test_watch_saves_a_changed_page_as_new_pins_the_same_page(tmp_path: Path) -> None:
    with serving(_Terms) as base:
        _Terms.body = FIRST
        first = _pinned_by_new(tmp_path / "one", f"{base}/terms")
        _Terms.body = SECOND
        out = _ok("watch", "vendors", "--retries", "0", "--save", "incoming", cwd=tmp_path / "one")
        assert out.startswith("changed"), out
        (saved,) = (tmp_path / "one" / "incoming").rglob("*.md")
        second = _pinned_by_new(tmp_path / "two", f"{base}/terms")
    assert first == FIRST  # what `new` pins: the page as served
    assert saved.read_bytes() == second == SECOND
    # Like with like: the diff finds the one edit, not markup against text.
    one = tmp_path / "one"
    (snapshot,) = (one / "snapshots").rglob("*.md")
    diff = run_cli("evidence", "diff", str(snapshot), str(saved), cwd=one)
    assert diff.returncode in (0, 1), diff.stderr
    assert "2 words removed, 1 added" in diff.stdout, diff.stdout
    assert "\u201cdoes not\u201d \u2192 \u201cmay\u201d" in diff.stdout


def test_watch_refuses_a_page_not_in_its_declared_charset_as_a_failed_fetch(
    tmp_path: Path,
) -> None:
    # One byte that is not UTF-8 in a page declared utf-8: saving it with U+FFFD in its place
    # would pin a version the vendor never wrote. It is reported as a page that could not be
    # read (the exit code a failed fetch gives), and nothing is saved.
    with serving(_Terms) as base:
        _Terms.body = FIRST
        root = tmp_path / "one"
        _pinned_by_new(root, f"{base}/terms")
        _Terms.body = SECOND.replace(b"may use", b"may \xff use")
        bad = run_cli(
            "watch", "vendors", "--retries", "0", "--save", "incoming", cwd=root, env=LOCAL_ONLY
        )
        _Terms.body = FIRST
    # The server is gone now: a fetch error, whose exit code the refused page must share.
    down = run_cli("watch", "vendors", "--retries", "0", cwd=root, env=LOCAL_ONLY)
    assert down.stdout.startswith("unreachable"), down.stdout
    gone_at = SECOND.index(b"may use") + len(b"may ")
    assert bad.returncode == down.returncode == 1, bad.stderr
    assert bad.stdout.startswith("unreachable"), bad.stdout
    assert f"{base}/terms" in bad.stdout and f"offset {gone_at}" in bad.stdout, bad.stdout
    assert "Traceback" not in bad.stderr
    assert not (root / "incoming").exists()


def test_a_page_whose_meta_declares_its_charset_is_saved_as_new_pins_it(tmp_path: Path) -> None:
    # No charset in the header: the page's <meta> says windows-1252. `new` and watch both read
    # it so, strictly, and store it in UTF-8; the version saved is the one `new` would pin.
    declared = PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    first, second = (declared.format(use=use) for use in ("does not use", "may use"))
    handler = type("Declared", (_Terms,), {"kind": "text/html", "body": first.encode("cp1252")})
    with serving(handler) as base:
        pinned = _pinned_by_new(tmp_path / "one", f"{base}/terms")
        same = _ok("watch", "vendors", "--retries", "0", cwd=tmp_path / "one")
        handler.body = second.encode("cp1252")
        out = _ok("watch", "vendors", "--retries", "0", "--save", "incoming", cwd=tmp_path / "one")
        (saved,) = (tmp_path / "one" / "incoming").rglob("*.md")
        again = _pinned_by_new(tmp_path / "two", f"{base}/terms")
    assert pinned == first.encode("utf-8")
    assert same.startswith("unchanged"), same
    assert out.startswith("changed"), out
    assert saved.read_bytes() == again == second.encode("utf-8")
