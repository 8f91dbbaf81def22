"""`vendorgate watch` against a real HTTP server on 127.0.0.1 (no other host is ever contacted).

The server serves pages the tests write: the pinned terms as HTML (unchanged), a rewritten
version (changed), redirects and a redirect loop, 404 / 500 / a flaky 503, a slow response, an
oversized body, plain text, a PDF, and pages with ETag / Last-Modified validators. Every quote in
the profiles below comes from the snapshot the tests write.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.server
import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import ClassVar

import pytest

from tests.support.cli import run_cli
from vendorgate.cache import keys, store
from vendorgate.core.version import __version__
from vendorgate.evidence import watch
from vendorgate.evidence.fetch import Limits
from vendorgate.text.html import html_to_text

SNAPSHOT = """# Acme Terms of Service

## 1\\. Data use

**1.1 Training**. Acme does not use Customer Content to train artificial intelligence models.

**1.2 Retention**. Acme deletes Customer Content within thirty (30) days after termination.
"""
QUOTE_TRAINING = "Acme does not use Customer Content to train artificial intelligence models."
QUOTE_RETENTION = "Acme deletes Customer Content within thirty (30) days after termination."

PAGE = """<!doctype html>
<html lang="en"><head><title>Acme terms</title><style>h1 {{ color: red }}</style>
<script>window.tracking = "Acme does not";</script></head>
<body><nav><a href="/">Home</a> | <a href="/pricing">Pricing</a></nav>
<main><h1>Acme Terms of Service</h1>
<h2>1. Data use</h2>
<p><strong>1.1 Training</strong>. Acme {training} to train artificial intelligence&nbsp;models.</p>
<p><strong>1.2 Retention</strong>. Acme deletes Customer Content within thirty (30) days
after termination.</p></main>
<footer>&copy; Acme Inc.</footer></body></html>
"""
SAME_HTML = PAGE.format(training="does not use Customer Content")
# The training clause rewritten, and the old one kept where no reader sees it; served as plain
# text, so only the page's content says it is HTML.
HIDDEN_HTML = PAGE.format(training="may use Customer Content").replace(
    "</body>", f"<script>/* {QUOTE_TRAINING} */</script><!-- {QUOTE_TRAINING} --></body>"
)
CHANGED_HTML = PAGE.format(training="may use Customer Content")
# The same rewrite in a Markdown page, the old clause kept in a comment no renderer shows.
COMMENTED_MARKDOWN = SNAPSHOT.replace(
    QUOTE_TRAINING, f"Acme may use Customer Content to train models. <!-- {QUOTE_TRAINING} -->"
)
LATIN1_HTML = CHANGED_HTML.replace("Acme Inc.", "Acme S.à r.l.")
# Bodies that cannot be put in their stored form without inventing text: each must be refused.
BAD_UTF8 = SAME_HTML.encode().replace(b"Acme Inc.", b"Acme \xff Inc.")
BAD_AT = BAD_UTF8.index(b"\xff")
NUL_HTML = SAME_HTML.encode().replace(b"<main>", b"\0<main>")
# Not UTF-8 either (a UTF-8 body is kept as served, whatever it declares): the codec would
# turn the escape into a character, and the stray byte into another.
ESCAPED = SAME_HTML.replace("Acme Inc.", "Acme \\u00e0 Inc. \xff").encode("latin-1")
ETAG = '"v1-acme"'
LAST_MODIFIED = "Tue, 01 Aug 2023 10:00:00 GMT"


class _Handler(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[Counter[str]] = Counter()
    agents: ClassVar[set[str]] = set()
    conditional: ClassVar[list[tuple[str, str]]] = []
    changed_html: ClassVar[str] = CHANGED_HTML

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass

    def _send(
        self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8", **headers: str
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if "no_length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            if name != "no_length":
                self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)  # the client may stop reading at its size cap

    def do_GET(self) -> None:
        path = self.path
        type(self).hits[path] += 1
        type(self).agents.add(self.headers.get("User-Agent", ""))
        routes = {
            "/same.html": lambda: self._send(200, SAME_HTML.encode()),
            "/changed.html": lambda: self._send(200, type(self).changed_html.encode()),
            "/redirect": lambda: self._redirect("/same.html"),
            "/hop1": lambda: self._redirect("/redirect"),
            "/loop-a": lambda: self._redirect("/loop-b"),
            "/loop-b": lambda: self._redirect("/loop-a"),
            "/to-metadata": lambda: self._redirect("http://169.254.169.254/latest/meta-data/"),
            "/to-localhost": lambda: self._redirect(
                f"http://localhost:{self.server.server_address[1]}/same.html"
            ),
            "/missing": lambda: self._send(404, b"<p>no such page</p>"),
            "/error": lambda: self._send(500, b"<p>oops</p>"),
            "/flaky": self._flaky,
            "/slow": self._slow,
            "/big": lambda: self._send(200, b"<p>" + b"x" * 300_000 + b"</p>", no_length="1"),
            "/big-declared": lambda: self._send(200, b"<p>" + b"y" * 300_000 + b"</p>"),
            "/plain.txt": lambda: self._send(200, SNAPSHOT.encode(), "text/plain"),
            "/hidden-as-plain.txt": lambda: self._send(200, HIDDEN_HTML.encode(), "text/plain"),
            "/commented.md": lambda: self._send(200, COMMENTED_MARKDOWN.encode(), "text/plain"),
            "/terms.pdf": lambda: self._send(200, b"%PDF-1.4 ...", "application/pdf"),
            "/etag.html": self._etag,
            "/etag-changed.html": self._etag_changed,
            "/modified.html": self._modified,
            "/latin1.html": lambda: self._send(
                200, LATIN1_HTML.encode("latin-1"), "text/html; charset=iso-8859-1"
            ),
            "/bad-utf8.html": lambda: self._send(200, BAD_UTF8),
            "/escape.html": lambda: self._send(200, ESCAPED, "text/html; charset=unicode_escape"),
            "/puny.html": lambda: self._send(
                200, LATIN1_HTML.encode("latin-1"), "text/html; charset=punycode"
            ),
            "/undeclared.html": lambda: self._send(200, LATIN1_HTML.encode("latin-1"), "text/html"),
            "/nul.html": lambda: self._send(200, NUL_HTML),
        }
        routes.get(path, lambda: self._send(404, b"unknown"))()

    def _redirect(self, target: str) -> None:
        self.send_response(302)
        self.send_header("Location", target)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _flaky(self) -> None:
        if type(self).hits["/flaky"] == 1:
            self._send(503, b"busy")
        else:
            self._send(200, SAME_HTML.encode())

    def _slow(self) -> None:
        time.sleep(1.5)
        self._send(200, SAME_HTML.encode())

    def _etag(self) -> None:
        sent = self.headers.get("If-None-Match", "")
        type(self).conditional.append(("etag", sent))
        if sent == ETAG:
            self.send_response(304)
            self.send_header("ETag", ETAG)
            self.end_headers()
            return
        self._send(200, SAME_HTML.encode(), ETag=ETAG)

    def _etag_changed(self) -> None:
        # A page that changed since the version ETAG named; a 304 to ETAG all the same (a
        # server's word is all a 304 is), so only the remembered version can say what it holds.
        if self.headers.get("If-None-Match", "") == ETAG:
            self.send_response(304)
            self.send_header("ETag", ETAG)
            self.end_headers()
            return
        self._send(200, CHANGED_HTML.encode(), ETag='"v2-acme"')

    def _modified(self) -> None:
        sent = self.headers.get("If-Modified-Since", "")
        type(self).conditional.append(("modified", sent))
        if sent == LAST_MODIFIED:
            self.send_response(304)
            self.end_headers()
            return
        self._send(200, CHANGED_HTML.encode(), Last_Modified=LAST_MODIFIED)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(autouse=True)
def _local_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Requests go straight to 127.0.0.1, never through a proxy from the environment."""
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    _Handler.hits.clear()
    _Handler.conditional.clear()
    _Handler.changed_html = CHANGED_HTML


def watched_repo(tmp_path: Path, base: str, pages: dict[str, str]) -> Path:
    """A repository with the pinned snapshot and one profile citing each page as a document."""
    (tmp_path / ".git").mkdir(parents=True)
    snapshot = tmp_path / "snapshots" / "acme" / "terms.md"
    snapshot.parent.mkdir(parents=True)
    snapshot.write_text(SNAPSHOT, encoding="utf-8")
    sha = hashlib.sha256(snapshot.read_bytes()).hexdigest()
    docs = "".join(
        f"  - id: {doc}\n    title: Acme terms ({doc})\n    type: terms_of_service\n"
        f"    url: {base}{path}\n    sha256: {sha}\n    snapshot: ../snapshots/acme/terms.md\n"
        "    shares_snapshot: every page of the test is compared with one pinned text\n"
        for doc, path in pages.items()
    )
    evidence = "".join(
        f"      - doc: {doc}\n        section: '1.1'\n        quote: {QUOTE_TRAINING}\n"
        f"      - doc: {doc}\n        section: '1.2'\n        quote: {QUOTE_RETENTION}\n"
        for doc in pages
    )
    profile = tmp_path / "vendors" / "acme.yaml"
    profile.parent.mkdir()
    profile.write_text(
        "apiVersion: vendorgate/v1\nkind: VendorProfile\nid: acme\nname: Acme\n"
        f"category: other\ndocuments:\n{docs}facts:\n"
        f"  ai_training_customer_content:\n    value: never\n    evidence:\n{evidence}",
        encoding="utf-8",
    )
    return tmp_path


FAST = Limits(timeout=5, max_bytes=100_000, retries=2, backoff=0.01)


def _run(repo: Path, limits: Limits = FAST, **kwargs: object) -> dict[str, watch.DocumentWatch]:
    result = watch.watch([repo / "vendors"], limits, **kwargs)  # type: ignore[arg-type]
    return {item.doc: item for item in result.items}


def test_the_pinned_page_as_html_is_unchanged(server: str, tmp_path: Path) -> None:
    repo = watched_repo(tmp_path, server, {"same": "/same.html", "plain": "/plain.txt"})
    items = _run(repo)
    assert items["same"].status == "unchanged", items["same"].reason
    assert items["plain"].status == "unchanged", items["plain"].reason
    assert _Handler.agents == {f"vendorgate/{__version__} (+terms drift check)"}
    # the script's text is invisible: it must not reach the comparison
    assert "tracking" not in html_to_text(SAME_HTML)


def test_a_rewritten_clause_is_changed_and_its_quote_reported_gone(
    server: str, tmp_path: Path
) -> None:
    repo = watched_repo(tmp_path, server, {"changed": "/changed.html"})
    item = _run(repo)["changed"]
    assert item.status == "changed"
    assert {(q.section, q.present) for q in item.quotes} == {("1.1", False), ("1.2", True)}
    assert "1 of 2 cited quote(s) no longer found" in item.reason
    assert item.quotes[0].location.line > 0


def test_a_quote_kept_only_in_a_page_s_markup_is_gone_whatever_the_content_type(
    server: str, tmp_path: Path
) -> None:
    repo = watched_repo(tmp_path, server, {"hidden": "/hidden-as-plain.txt"})
    item = _run(repo)["hidden"]
    assert item.status == "changed"
    assert {(q.section, q.present) for q in item.quotes} == {("1.1", False), ("1.2", True)}


def test_a_quote_kept_only_in_a_markdown_comment_is_gone(server: str, tmp_path: Path) -> None:
    repo = watched_repo(tmp_path, server, {"commented": "/commented.md"})
    item = _run(repo)["commented"]
    assert item.status == "changed"
    assert {(q.section, q.present) for q in item.quotes} == {("1.1", False), ("1.2", True)}


def test_redirects_are_followed_and_loops_reported(server: str, tmp_path: Path) -> None:
    repo = watched_repo(tmp_path, server, {"moved": "/hop1", "loop": "/loop-a"})
    items = _run(repo)
    assert items["moved"].status == "unchanged"
    assert items["moved"].final_url == f"{server}/same.html"
    assert items["loop"].status == "unreachable"
    assert items["loop"].reason.startswith("redirect loop: ")
    assert "/loop-a -> " in items["loop"].reason


def test_a_redirect_to_another_host_inside_is_refused(server: str, tmp_path: Path) -> None:
    # Where a redirect leads is chosen by whoever answers: it must not reach a cloud's
    # metadata service or another service of this machine. Neither is connected to.
    repo = watched_repo(tmp_path, server, {"meta": "/to-metadata", "local": "/to-localhost"})
    items = _run(repo)
    for name, address in (("meta", "169.254.169.254"), ("local", "")):
        assert items[name].status == "unreachable", items[name]
        assert " refused: " in items[name].reason and "non-public address" in items[name].reason
        assert address in items[name].reason


def test_client_and_server_errors(server: str, tmp_path: Path) -> None:
    repo = watched_repo(
        tmp_path, server, {"missing": "/missing", "error": "/error", "flaky": "/flaky"}
    )
    items = _run(repo)
    assert (items["missing"].status, items["missing"].reason) == (
        "unreachable",
        "HTTP 404 Not Found",
    )
    assert _Handler.hits["/missing"] == 1  # a 404 is not retried
    assert items["error"].status == "unreachable"
    assert items["error"].reason == "HTTP 500 Internal Server Error (after 3 attempts)"
    assert _Handler.hits["/error"] == 3  # 1 attempt + 2 retries
    assert items["flaky"].status == "unchanged"  # the 503 was retried
    assert _Handler.hits["/flaky"] == 2


def test_a_slow_page_times_out(server: str, tmp_path: Path) -> None:
    repo = watched_repo(tmp_path, server, {"slow": "/slow"})
    started = time.monotonic()
    item = _run(repo, Limits(timeout=0.3, max_bytes=100_000, retries=0))["slow"]
    assert time.monotonic() - started < 1.4
    assert (item.status, item.reason) == ("unreachable", "no complete response within 0.3 s")


def test_an_oversized_page_is_cut_at_the_cap(server: str, tmp_path: Path) -> None:
    repo = watched_repo(tmp_path, server, {"big": "/big", "declared": "/big-declared"})
    items = _run(repo)
    assert items["big"].status == "unreachable"
    assert "larger than the 100000-byte limit; reading stopped there" in items["big"].reason
    assert items["declared"].status == "unreachable"
    assert "is 300007 bytes, over the 100000-byte limit" in items["declared"].reason
    assert _Handler.hits["/big"] == 1  # a size refusal is not retried


def test_non_html_content_is_not_compared(server: str, tmp_path: Path) -> None:
    repo = watched_repo(tmp_path, server, {"pdf": "/terms.pdf"})
    item = _run(repo)["pdf"]
    assert item.status == "unreachable"
    assert item.reason == "the page is application/pdf; only HTML and plain text can be compared"


def test_conditional_requests_use_remembered_validators(server: str, tmp_path: Path) -> None:
    repo = watched_repo(tmp_path, server, {"etag": "/etag.html", "dated": "/modified.html"})
    first = _run(repo)
    assert (first["etag"].status, first["etag"].not_modified) == ("unchanged", False)
    assert (first["dated"].status, first["dated"].not_modified) == ("changed", False)
    assert not (repo / ".vendorgate-cache").exists()  # never in the work tree
    saved = store.folder_for(repo) / "watch" / "watch-state.json"
    state = json.loads(json.loads(saved.read_text("utf-8"))["state"])
    assert state[f"{server}/etag.html"]["etag"] == ETAG
    assert state[f"{server}/modified.html"]["lastModified"] == LAST_MODIFIED
    second = _run(repo)
    assert (second["etag"].status, second["etag"].not_modified) == ("unchanged", True)
    # a 304 is compared through the cached text, so the change is still reported
    assert (second["dated"].status, second["dated"].not_modified) == ("changed", True)
    assert [q.present for q in second["dated"].quotes] == [False, True]
    assert _Handler.conditional == [
        ("etag", ""),
        ("modified", ""),
        ("etag", ETAG),
        ("modified", LAST_MODIFIED),
    ]
    third = _run(repo, use_cache=False)
    assert third["etag"].not_modified is False
    assert _Handler.conditional[-2:] == [("etag", ""), ("modified", "")]


def test_save_stores_new_versions_beside_old_ones_and_never_edits_profiles(
    server: str, tmp_path: Path
) -> None:
    repo = watched_repo(tmp_path, server, {"terms": "/changed.html", "same": "/same.html"})
    profile_bytes = (repo / "vendors" / "acme.yaml").read_bytes()
    out = tmp_path / "history"
    day = date(2024, 5, 6)
    first = _run(repo, save_dir=out, today=day)["terms"]
    saved = out / "acme" / "terms" / "2024-05-06.md"
    assert saved.is_file()
    assert hashlib.sha256(saved.read_bytes()).hexdigest() == first.sha256
    assert saved.read_bytes() == CHANGED_HTML.encode()  # as served, as `new` pins a page
    assert not (out / "acme" / "same").exists()  # unchanged pages are not stored
    again = _run(repo, save_dir=out, today=day)["terms"]
    assert again.saved == first.saved  # the same version is not stored twice
    _Handler.changed_html = CHANGED_HTML.replace("thirty (30)", "sixty (60)")
    third = _run(repo, save_dir=out, today=day)["terms"]
    assert third.saved.endswith("2024-05-06-2.md")
    assert "Acme may use Customer Content" in saved.read_text(encoding="utf-8")
    assert "sixty (60)" in (out / "acme" / "terms" / "2024-05-06-2.md").read_text("utf-8")
    assert (repo / "vendors" / "acme.yaml").read_bytes() == profile_bytes


def test_save_after_a_304_stores_the_page_as_it_was_served(server: str, tmp_path: Path) -> None:
    # The remembered version is the page in its stored form, not its text: a page answered
    # by a 304 is saved exactly as the full answer before it would have been.
    repo = watched_repo(tmp_path, server, {"dated": "/modified.html"})
    out = tmp_path / "history"
    day = date(2024, 5, 6)
    saved = out / "acme" / "dated" / "2024-05-06.md"
    assert _run(repo, save_dir=out, today=day)["dated"].not_modified is False
    saved.unlink()
    second = _run(repo, save_dir=out, today=day)["dated"]
    assert (second.status, second.not_modified) == ("changed", True)
    assert saved.read_bytes() == CHANGED_HTML.encode()


def test_save_stores_a_page_in_another_charset_as_utf8(server: str, tmp_path: Path) -> None:
    # `new` refuses a page that is not UTF-8; watch compares it, and saves it in the one
    # encoding snapshots are read in, markup kept.
    repo = watched_repo(tmp_path, server, {"latin": "/latin1.html"})
    out = tmp_path / "history"
    assert _run(repo, save_dir=out, today=date(2024, 5, 6))["latin"].status == "changed"
    saved = out / "acme" / "latin" / "2024-05-06.md"
    assert saved.read_bytes() == LATIN1_HTML.encode("utf-8")


REFUSED = {
    "bad": ("/bad-utf8.html", "'utf-8'", f"offset {BAD_AT}"),
    "escape": ("/escape.html", "'unicode_escape'", "not a charset"),
    "puny": ("/puny.html", "'punycode'", "not a charset"),
    "undeclared": ("/undeclared.html", "declares no charset", "offset"),
    "nul": ("/nul.html", "'utf-8'", f"offset {SAME_HTML.index('<main>')}"),
}


def test_a_page_with_no_strict_stored_form_is_refused_never_saved(
    server: str, tmp_path: Path
) -> None:
    # U+FFFD, or text a non-text codec made up, would stand in a saved version for words the
    # vendor never wrote; such a page is an error, like a failed fetch, and nothing is stored.
    repo = watched_repo(tmp_path, server, {doc: path for doc, (path, _, _) in REFUSED.items()})
    out = tmp_path / "history"
    items = _run(repo, save_dir=out, today=date(2024, 5, 6))
    for doc, (path, charset, where) in REFUSED.items():
        item = items[doc]
        assert (item.status, item.saved, item.quotes) == ("unreachable", "", ()), doc
        for part in (f"{server}{path}", charset, where, "not compared or saved"):
            assert part in item.reason, (doc, item.reason)
    assert not out.exists()


def test_a_refused_page_is_not_compared_either(server: str, tmp_path: Path) -> None:
    # Without --save too: "unchanged" on a page whose bad byte sits in its footer would be a
    # claim about text that is not the page's.
    repo = watched_repo(tmp_path, server, {"bad": "/bad-utf8.html"})
    assert _run(repo)["bad"].status == "unreachable"


def test_cli_exit_codes_and_output(server: str, tmp_path: Path) -> None:
    repo = watched_repo(tmp_path, server, {"same": "/same.html"})
    ok = run_cli("watch", "vendors", "--retries", "0", cwd=repo)
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.startswith(f"unchanged   acme same  {server}/same.html")
    assert "1 document(s) watched: 1 unchanged" in ok.stdout

    repo2 = watched_repo(tmp_path / "two", server, {"changed": "/changed.html", "gone": "/missing"})
    bad = run_cli("watch", "vendors", "--retries", "0", "--format", "json", cwd=repo2)
    assert bad.returncode == 1
    data = json.loads(bad.stdout)
    assert data["summary"] == {"documents": 2, "unchanged": 0, "changed": 1, "unreachable": 1}
    changed = next(d for d in data["documents"] if d["doc"] == "changed")
    assert [q["present"] for q in changed["quotes"]] == [False, True]

    wrong = run_cli("watch", "vendors", "--timeout", "0", cwd=repo)
    assert wrong.returncode == 2 and "--timeout" in wrong.stderr
    missing = run_cli("watch", "nowhere", cwd=repo)
    assert missing.returncode == 2 and "nowhere: no such file or folder" in missing.stderr


def test_comparable_text_of_markdown_and_html_agree() -> None:
    assert watch.comparable(SNAPSHOT) in watch.comparable(html_to_text(SAME_HTML))
    assert watch.comparable(SNAPSHOT) not in watch.comparable(html_to_text(CHANGED_HTML))


def _write_state_of_an_earlier_release(repo: Path, url: str, page: bytes) -> Path:
    """A watch state signed with this user's key, its one entry as the release before strict
    stored forms wrote it: a media type, and the page decoded with bytes replaced."""
    folder = store.folder_for(repo) / "watch"
    (folder / "texts").mkdir(parents=True)
    name = hashlib.sha256(url.encode("utf-8")).hexdigest()[:32] + ".txt"
    (folder / "texts" / name).write_bytes(page)
    entry = {"etag": ETAG, "lastModified": "", "text": name, "media": "text/html"}
    entry["sha256"] = hashlib.sha256(page).hexdigest()
    body = json.dumps({url: entry}, sort_keys=True)
    key = keys.secret()
    assert key is not None
    data = {"version": 2, "state": body, "mac": keys.sign(key, watch.STATE_KIND, body)}
    (folder / watch.STATE_FILE).write_text(json.dumps(data), encoding="utf-8")
    return folder / watch.STATE_FILE


def test_a_version_an_earlier_release_remembered_is_never_a_baseline(
    server: str, tmp_path: Path
) -> None:
    # Its text holds U+FFFD where the page had a byte the old decoding replaced, and it holds
    # every word of the pinned snapshot: compared after the server's 304, it would call the
    # page unchanged. The page has changed; the entry is not used, and the note says so.
    repo = watched_repo(tmp_path, server, {"terms": "/etag-changed.html"})
    url = f"{server}/etag-changed.html"
    replaced = SAME_HTML.replace("Acme Inc.", "Acme \ufffd Inc.").encode()
    state = _write_state_of_an_earlier_release(repo, url, replaced)
    result = watch.watch([repo / "vendors"], FAST)
    (item,) = result.items
    assert (item.status, item.not_modified) == ("changed", False)
    assert _Handler.hits["/etag-changed.html"] == 1  # fetched in full, no validator sent
    (note,) = result.notes
    assert str(state) in note and "earlier release" in note and "fetched in full" in note
    # Remembered anew in the strict form: the next run may use it, and says nothing.
    again = watch.watch([repo / "vendors"], FAST)
    assert again.notes == () and again.items[0].status == "changed"
