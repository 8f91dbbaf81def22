"""Artefacts read back, network answers and output sinks are untrusted: a forged cache entry or
pack, an edited decision record, a tampering, redirecting or trickling server, and hostile
characters in a profile never turn a blocked vendor into an approved one, never hold a run,
and never reach a terminal or a CI log raw. Every case runs the real CLI in a subprocess and
asserts the exit code, that the vendor is not approved, and that nothing crashed."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sqlite3
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.support.cli import run_cli
from tests.support.minimal import ORG, PACK
from vendorgate.cache import keys, store
from vendorgate.cache.store import DATABASE, PROFILES, encode_document, parse_vendor

VENDOR = """\
apiVersion: vendorgate/v1
kind: VendorProfile
id: acme
name: NAME
category: messaging
reviewed: 2026-01-01
documents:
  - id: terms
    title: Acme Terms
    type: terms_of_service
    url: URL
facts:
  ai_training_customer_content:
    value: VALUE
usage:
  status: active
  data_classes: [phi]
"""


def vendor_text(
    value: str = "always", name: str = "Acme Chat", url: str = "https://example.org/terms"
) -> str:
    return VENDOR.replace("NAME", name).replace("URL", url).replace("VALUE", value)


def project(root: Path, value: str = "always", **vendor: str) -> Path:
    """A repository whose only vendor trains on customer content: it must be rejected."""
    (root / "rules").mkdir(parents=True)
    (root / "vendors").mkdir()
    (root / "org.yaml").write_text(ORG, encoding="utf-8")
    (root / "rules" / "mini.yaml").write_text(PACK, encoding="utf-8")
    (root / "vendors" / "acme.yaml").write_text(vendor_text(value, **vendor), encoding="utf-8")
    return root


def user(base: Path, name: str) -> dict[str, str]:
    """The environment of a user with their own cache and configuration folders."""
    return {"XDG_CACHE_HOME": str(base / name / "cache"), "XDG_CONFIG_HOME": str(base / name)}


def clean(proc: Any) -> None:
    assert "Traceback" not in proc.stderr
    assert "internal error" not in (proc.stderr + proc.stdout).lower()


def check_json(root: Path, *extra: str, env: dict[str, str] | None = None) -> tuple[int, Any]:
    proc = run_cli("check", "--format", "json", *extra, cwd=root, env=env)
    clean(proc)
    assert proc.returncode in (0, 1), proc.stderr
    return proc.returncode, json.loads(proc.stdout)


def rejected(report: Any) -> None:
    (vendor,) = report["vendors"]
    assert vendor["decision"] == "rejected", vendor["decision"]


def forge_profile_entry(folder: Path, root: Path, magic_and_mac: Callable[[bytes], bytes]) -> None:
    """Write, under the key of the rejected vendor file, the parsed profile of a vendor that
    never trains: the entry a hostile cache would hold."""
    raw = (root / "vendors" / "acme.yaml").read_bytes()
    display = "vendors/acme.yaml"
    key = keys.vendor_key(hashlib.sha256(raw).hexdigest(), display)
    payload = encode_document(parse_vendor(vendor_text("never").encode(), display))
    folder.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(folder / DATABASE)) as db:
        db.execute(
            "CREATE TABLE IF NOT EXISTS entries "
            "(kind TEXT, key TEXT, value BLOB, PRIMARY KEY (kind, key)) WITHOUT ROWID"
        )
        db.execute(
            "INSERT OR REPLACE INTO entries VALUES (?, ?, ?)",
            (PROFILES, key, magic_and_mac(payload) + b"\n" + payload),
        )
        db.commit()


def old_checksum(payload: bytes) -> bytes:
    return b"vendorgate-cache/1 " + hashlib.sha256(payload).hexdigest().encode()


def attacker_signature(payload: bytes) -> bytes:
    mac = keys.sign(b"k" * 64, PROFILES, "whatever", payload)
    return b"vendorgate-cache/2 " + mac.encode()


# ---------------------------------------------------------------- the cache


@pytest.mark.parametrize("forge", [old_checksum, attacker_signature], ids=["sha256", "hmac"])
def test_a_forged_entry_in_the_cache_dir_changes_nothing(
    tmp_path: Path, forge: Callable[[bytes], bytes]
) -> None:
    root = project(tmp_path / "repo")
    folder = tmp_path / "shared-cache"
    forge_profile_entry(folder, root, forge)
    code, report = check_json(root, env={"VENDORGATE_CACHE_DIR": str(folder)})
    assert code == 1
    rejected(report)


def test_a_cache_committed_to_the_checkout_is_not_read(tmp_path: Path) -> None:
    root = project(tmp_path / "repo")
    forge_profile_entry(root / ".vendorgate-cache", root, old_checksum)
    code, report = check_json(root)
    assert code == 1
    rejected(report)
    # Nor is the work tree where the cache goes: the checkout holds only what was committed.
    assert sorted(p.name for p in (root / ".vendorgate-cache").iterdir()) == [DATABASE]


def test_the_default_cache_is_outside_the_work_tree(tmp_path: Path) -> None:
    root = project(tmp_path / "repo")
    env = user(tmp_path, "alice")
    assert check_json(root, env=env)[0] == 1
    assert not (root / ".vendorgate-cache").exists()
    assert list((tmp_path / "alice" / "cache" / "vendorgate").iterdir())
    key = tmp_path / "alice" / "vendorgate" / keys.KEY_FILE
    assert key.stat().st_mode & 0o777 == 0o600


def test_a_pack_signed_by_another_key_is_ignored(tmp_path: Path) -> None:
    root = project(tmp_path / "repo")
    folder = tmp_path / "cache"
    alice = {**user(tmp_path, "alice"), "VENDORGATE_CACHE_DIR": str(folder)}
    assert check_json(root, env=alice)[0] == 1
    (pack,) = (folder / "packs").glob("*.pack")
    first, rest = pack.read_bytes().split(b"\n", 1)
    magic, _, size = first.split(b" ")
    forged = rest.replace(b"rejected", b"approved").replace(b'"blocking":true', b'"blocking":0')
    mallory = keys.sign(b"m" * 64, pack.stem, size, forged).encode()
    pack.write_bytes(b" ".join((magic, mallory, size)) + b"\n" + forged)
    code, report = check_json(root, env=alice)
    assert code == 1
    rejected(report)


@pytest.mark.parametrize("problem", ["readable by others", "a symlink"])
def test_an_untrustworthy_key_means_no_cache_at_all(tmp_path: Path, problem: str) -> None:
    root = project(tmp_path / "repo")
    env = user(tmp_path, "bob")
    key = tmp_path / "bob" / "vendorgate" / keys.KEY_FILE
    key.parent.mkdir(parents=True)
    if problem == "a symlink":
        target = root / "committed-key"
        target.write_text("k" * 64 + "\n", encoding="utf-8")
        target.chmod(0o600)
        key.symlink_to(target)
    else:
        key.write_text("k" * 64 + "\n", encoding="utf-8")
        key.chmod(0o644)
    folder = tmp_path / "cache"
    forge_profile_entry(
        folder,
        root,
        lambda p: b"vendorgate-cache/2 " + keys.sign(b"k" * 64, PROFILES, "x", p).encode(),
    )
    code, report = check_json(root, env={**env, "VENDORGATE_CACHE_DIR": str(folder)})
    assert code == 1
    rejected(report)


# ---------------------------------------------------------------- decision records


def recorded(tmp_path: Path) -> tuple[Path, Path, dict[str, Any]]:
    root = project(tmp_path / "repo")
    record = root / "record.json"
    proc = run_cli("gate", "vendors/acme.yaml", "--record", str(record), cwd=root)
    clean(proc)
    assert proc.returncode == 1, proc.stderr
    data = json.loads(record.read_text(encoding="utf-8"))
    assert data["decision"] == "rejected"
    return root, record, data


def verify(root: Path, record: Path) -> Any:
    proc = run_cli("gate", "--verify-record", str(record), "--format", "json", cwd=root)
    clean(proc)
    return proc


def test_an_untouched_record_verifies(tmp_path: Path) -> None:
    root, record, _ = recorded(tmp_path)
    proc = verify(root, record)
    assert proc.returncode == 0, proc.stdout
    assert json.loads(proc.stdout)["holds"] is True


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(lambda d: d.update(decision="approved"), id="top-level-decision"),
        pytest.param(lambda d: d["result"].update(decision="approved"), id="result-decision"),
        pytest.param(
            lambda d: [p.update(decision="approved") for p in d["result"]["plans"]],
            id="plan-decisions",
        ),
        pytest.param(
            lambda d: [
                f.update(blocking=1)
                for p in d["result"]["plans"]
                for f in p["findings"]
                if f["blocking"] is True
            ],
            id="blocking-as-integer",
        ),
        pytest.param(
            lambda d: [
                f.update(message="fine") for p in d["result"]["plans"] for f in p["findings"]
            ],
            id="finding-message",
        ),
    ],
)
def test_an_edited_record_does_not_verify(tmp_path: Path, edit: Callable[[Any], Any]) -> None:
    root, record, data = recorded(tmp_path)
    edit(data)
    record.write_text(json.dumps(data, indent=2), encoding="utf-8")
    proc = verify(root, record)
    assert proc.returncode == 1, proc.stdout
    assert json.loads(proc.stdout)["holds"] is False


def test_a_record_of_the_wrong_shape_is_refused_clearly(tmp_path: Path) -> None:
    root, record, data = recorded(tmp_path)
    data["result"] = ["approved"]
    record.write_text(json.dumps(data), encoding="utf-8")
    proc = verify(root, record)
    assert proc.returncode == 2
    assert "not a usable decision record" in proc.stderr


# ---------------------------------------------------------------- servers


class _Quiet(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Tests read what they need from the handler's server."""


@contextmanager
def serve(handler: type[BaseHTTPRequestHandler]) -> Iterator[tuple[str, ThreadingHTTPServer]]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    server.seen = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", server
    finally:
        server.shutdown()
        server.server_close()


class Trickle(_Quiet):
    """Headers at once, then a body of one byte a second: never idle long enough for a
    socket timeout."""

    def _trickle(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        try:
            for _ in range(60):
                self.wfile.write(b"a")
                self.wfile.flush()
                time.sleep(0.5)
        except OSError:
            return

    do_GET = _trickle

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self._trickle()


def test_watch_a_trickling_server_cannot_hold_the_run(tmp_path: Path) -> None:
    with serve(Trickle) as (url, _):
        root = project(tmp_path / "repo", url=url + "/terms")
        started = time.monotonic()
        proc = run_cli("watch", "--timeout", "2", "--retries", "0", cwd=root)
        elapsed = time.monotonic() - started
    clean(proc)
    assert proc.returncode == 1
    assert "no complete response within 2 s" in proc.stdout + proc.stderr
    assert elapsed < 15


def test_the_opa_client_gives_up_on_a_trickling_server(tmp_path: Path) -> None:
    root = project(tmp_path / "repo")
    with serve(Trickle) as (url, _):
        started = time.monotonic()
        proc = run_cli(
            "check",
            "--engine",
            "opa",
            "--opa-url",
            url,
            "--engine-timeout",
            "2",
            "--format",
            "json",
            cwd=root,
        )
        elapsed = time.monotonic() - started
    clean(proc)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "did not answer within 2 s" in proc.stderr
    assert elapsed < 15


class Elsewhere(_Quiet):
    """Where a redirect points: records every request, and would approve anything."""

    def _record(self) -> None:
        self.server.seen.append(dict(self.headers))  # type: ignore[attr-defined]
        data = b'{"result": {"decision": "approved"}}'
        self.send_response(200)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = _record


def test_the_opa_client_never_follows_a_redirect_nor_sends_the_token_on(tmp_path: Path) -> None:
    root = project(tmp_path / "repo")
    with serve(Elsewhere) as (other, elsewhere):

        class Redirect(_Quiet):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length", "0")))
                self.send_response(302)
                self.send_header("Location", other + "/v1/data/vendorgate/decision")
                self.send_header("Content-Length", "0")
                self.end_headers()

        with serve(Redirect) as (url, _):
            proc = run_cli(
                "check",
                "--engine",
                "opa",
                "--opa-url",
                url,
                "--format",
                "json",
                cwd=root,
                env={"VENDORGATE_OPA_TOKEN": "s3cret"},
            )
    clean(proc)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "redirects are never followed" in proc.stderr
    assert elsewhere.seen == []  # type: ignore[attr-defined]


class Huge(_Quiet):
    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.send_response(200)
        self.send_header("Content-Length", str(10**9))
        self.end_headers()


def test_the_opa_client_refuses_an_oversized_answer(tmp_path: Path) -> None:
    root = project(tmp_path / "repo")
    with serve(Huge) as (url, _):
        proc = run_cli("check", "--engine", "opa", "--opa-url", url, cwd=root)
    clean(proc)
    assert proc.returncode == 2
    assert "more than" in proc.stderr
    assert "bytes" in proc.stderr


def tampering(upstream: str, change: Callable[[dict[str, Any]], None]) -> type[_Quiet]:
    """A server that asks the real one (the bundle in regopy) and alters its answer."""

    class Tamper(_Quiet):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            request = urllib.request.Request(
                upstream + self.path, data=body, headers={"Content-Type": "application/json"}
            )
            with urllib.request.urlopen(request, timeout=30) as answer:
                payload = json.loads(answer.read())
            change(payload["result"])
            data = json.dumps(payload).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return Tamper


def _approve(result: dict[str, Any]) -> None:
    result["decision"] = "approved"
    result["reasons"] = []
    for finding in result["findings"]:
        finding["blocking"] = False


def _drop_findings(result: dict[str, Any]) -> None:
    _approve(result)
    result["findings"] = []


@pytest.mark.parametrize(
    ("change", "decision"),
    [(_approve, "rejected"), (_drop_findings, "needs_review")],
    ids=["says-approved", "drops-findings"],
)
def test_the_opa_answer_is_judged_again(
    tmp_path: Path, change: Callable[[dict[str, Any]], None], decision: str
) -> None:
    pytest.importorskip("regopy")
    from tests.support.opa_server import serving

    root = project(tmp_path / "repo")
    bundle = tmp_path / "bundle.tar.gz"
    built = run_cli("bundle", "-o", str(bundle), cwd=root)
    assert built.returncode == 0, built.stderr
    with serving(bundle) as (real, _), serve(tampering(real, change)) as (url, _):
        proc = run_cli("check", "--engine", "opa", "--opa-url", url, "--format", "json", cwd=root)
    clean(proc)
    assert proc.returncode == 1, proc.stderr
    (vendor,) = json.loads(proc.stdout)["vendors"]
    assert vendor["decision"] == decision
    (finding,) = [f for f in vendor["findings"] if f["rule"] == "mini-ai"]
    assert finding["blocking"] is True


# ---------------------------------------------------------------- output sinks

HOSTILE_NAME = r'"Acme\u202e Chat\e[2J\n::error file=x.yaml::pwned\u2028::warning::again"'


@pytest.mark.parametrize(
    "command",
    [
        ("check", "--no-cache", "--format", "text"),
        ("check", "--no-cache", "--format", "markdown"),
        ("check", "--no-cache", "--format", "github"),
        ("check", "--no-cache", "--format", "junit"),
        ("report", "--format", "html"),
        ("report", "--format", "markdown"),
    ],
    ids=lambda c: f"{c[0]}-{c[-1]}",
)
def test_hostile_characters_never_reach_an_output(tmp_path: Path, command: tuple[str, ...]) -> None:
    root = project(tmp_path / "repo", name=HOSTILE_NAME)
    fmt = command[-1]
    proc = run_cli(*command, cwd=root)
    clean(proc)
    if proc.returncode == 2:  # refused at load: located, and nothing written
        assert "vendors/acme.yaml:" in proc.stderr
        assert proc.stdout == ""
        return
    assert proc.returncode == 1, proc.stderr
    out = proc.stdout
    assert "\x1b" not in out
    assert "\u202e" not in out
    assert "\u2028" not in out
    lines = out.splitlines()
    assert not [line for line in lines if re.match(r"\s*::(error file=x|warning::again)", line)]
    if fmt == "github":
        commands = [line for line in lines if line.startswith("::")]
        assert commands
        assert all("file=vendors/acme.yaml," in line for line in commands)
    assert "pwned" in out  # shown, as text


def strings(data: Any, key: str = "") -> Iterator[tuple[str, str]]:
    """Every (key, string) of a JSON document, mapping keys included."""
    if isinstance(data, str):
        yield key, data
    elif isinstance(data, dict):
        for name, item in data.items():
            yield "", name
            yield from strings(item, name)
    elif isinstance(data, list):
        for item in data:
            yield from strings(item, key)


@pytest.mark.parametrize(
    ("command", "multiline"),
    [
        (("check", "--no-cache", "--format", "sarif"), {"text", "markdown"}),
        (("report", "--format", "oscal"), {"description", "remarks"}),
    ],
    ids=["sarif", "oscal"],
)
def test_hostile_characters_never_reach_a_json_sink(
    tmp_path: Path, command: tuple[str, ...], multiline: set[str]
) -> None:
    # JSON encodes a control character, but a viewer of SARIF or OSCAL shows the decoded text;
    # the loader refuses controls and odd line breaks, so these are what a profile can carry
    root = project(tmp_path / "repo", name=r'"Acme\u202e Chat\u2066\r\n::error file=x::pwned"')
    first, second = (run_cli(*command, cwd=root) for _ in "ab")
    clean(first)
    assert first.returncode == 1, first.stderr
    assert first.stdout == second.stdout  # deterministic
    found = list(strings(json.loads(first.stdout)))
    shown = [text for _, text in found if "pwned" in text]
    assert shown  # the name is there, as text
    for key, text in found:
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", text)
        assert "\u2028" not in text and "\u2029" not in text
        if key not in multiline:
            assert "\n" not in text and "\r" not in text, (key, text)
        assert not [line for line in text.splitlines() if line.lstrip().startswith("::")]


def test_no_line_of_the_text_report_starts_a_workflow_command(tmp_path: Path) -> None:
    root = project(tmp_path / "repo", name='"::error::Acme"')
    proc = run_cli("check", "--format", "markdown", "--no-cache", cwd=root)
    clean(proc)
    assert proc.returncode == 1
    assert not [line for line in proc.stdout.splitlines() if line.lstrip().startswith("::")]


# ---------------------------------------------------------------- watch state


class Page(_Quiet):
    """A page with an ETag, answering 304 to a client that sends it back."""

    def do_GET(self) -> None:
        self.server.seen.append(self.headers.get("If-None-Match"))  # type: ignore[attr-defined]
        if self.headers.get("If-None-Match") == '"v1"':
            self.send_response(304)
            self.send_header("ETag", '"v1"')
            self.end_headers()
            return
        data = b"We never train models on customer content.\n"
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("ETag", '"v1"')
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def watch_folder(root: Path) -> Path:
    """Where ``watch`` keeps its state for the project at ``root``: the user's cache folder."""
    return store.folder_for(root) / "watch"


def sign_state(folder: Path, urls: dict[str, dict[str, str]]) -> None:
    """Write a state signed with this user's key, as a run of watch would."""
    key = keys.secret()
    assert key is not None
    body = json.dumps(urls, sort_keys=True)
    data = {"version": 2, "state": body, "mac": keys.sign(key, "watch-state/2", body)}
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "watch-state.json").write_text(json.dumps(data), encoding="utf-8")


def watch_json(root: Path) -> tuple[Any, dict[str, Any]]:
    proc = run_cli("watch", "--format", "json", cwd=root)
    clean(proc)
    (document,) = json.loads(proc.stdout)["documents"]
    return proc, document


def test_watch_state_is_kept_outside_the_work_tree_and_used_when_signed(tmp_path: Path) -> None:
    with serve(Page) as (url, server):
        root = project(tmp_path / "repo", url=url + "/terms")
        before = sorted(p.relative_to(root) for p in root.rglob("*"))
        first, _ = watch_json(root)
        second, document = watch_json(root)
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before  # nothing written
    assert (watch_folder(root) / "watch-state.json").is_file()
    assert first.stderr == second.stderr == ""
    assert document["notModified"] is True  # the signed state was used
    assert server.seen == [None, '"v1"']  # type: ignore[attr-defined]


@pytest.mark.parametrize("forgery", ["unsigned", "edited-state", "edited-text", "in-checkout"])
def test_a_forged_watch_state_is_ignored_with_a_warning(tmp_path: Path, forgery: str) -> None:
    with serve(Page) as (url, server):
        page = url + "/terms"
        root = project(tmp_path / "repo", url=page)
        watch_json(root)  # a genuine state and text
        folder = watch_folder(root)
        state = folder / "watch-state.json"
        if forgery == "unsigned":
            data = json.loads(state.read_text(encoding="utf-8"))
            state.write_text(json.dumps({"version": 1, "urls": json.loads(data["state"])}))
        elif forgery == "edited-state":
            state.write_text(state.read_text(encoding="utf-8").replace("v1", "v2"))
        elif forgery == "edited-text":
            (text,) = (folder / "texts").iterdir()
            text.write_text("Anything an attacker wants compared.\n", encoding="utf-8")
        else:  # the old place, in the checkout: never read
            shutil.move(str(folder), str(root / ".vendorgate-cache"))
        proc, document = watch_json(root)
    assert proc.returncode == 1  # the page is not the (absent) snapshot
    assert document["notModified"] is False
    assert server.seen[-1] is None  # type: ignore[attr-defined]  # fetched in full
    if forgery in ("unsigned", "edited-state"):
        assert "warning: the watch state" in proc.stderr
        assert "not signed by this user's key" in proc.stderr


@pytest.mark.parametrize("forgery", ["path-outside", "symlink"])
def test_watch_state_can_only_name_its_own_files(tmp_path: Path, forgery: str) -> None:
    # even a state signed with this user's key names only its own file for each URL
    outside = tmp_path / "outside.txt"
    outside.write_text("Anything an attacker wants compared.\n", encoding="utf-8")
    digest = hashlib.sha256(outside.read_bytes()).hexdigest()
    with serve(Page) as (url, server):
        page = url + "/terms"
        root = project(tmp_path / "repo", url=page)
        folder = watch_folder(root)
        (folder / "texts").mkdir(parents=True)
        own = hashlib.sha256(page.encode()).hexdigest()[:32] + ".txt"
        if forgery == "symlink":
            (folder / "texts" / own).symlink_to(outside)
            name = own
        else:
            name = "../../../outside.txt"
        entry = {
            "etag": '"v1"',
            "lastModified": "",
            "text": name,
            "sha256": digest,
            "media": "text/plain",
        }
        sign_state(folder, {page: entry})
        proc, document = watch_json(root)
    assert proc.returncode == 1
    assert document["notModified"] is False
    assert document["status"] != "unchanged"
    assert server.seen == [None]  # type: ignore[attr-defined]  # fetched in full: no validator
