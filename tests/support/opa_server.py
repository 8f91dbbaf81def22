"""A real HTTP server on 127.0.0.1 that serves OPA's Data API for vendorgate's bundle, evaluated
by the real OPA engine.

The engine is OPA itself (Go, v1.20.2) compiled into the c-shared library of the
``opa-golib-python-bindings`` wheel, which ``make opa-golib`` fetches (pinned, hash-checked) and
unpacks into ``.tools/opa-golib/``; it is a test tool, never a dependency of vendorgate. The
server loads the bundle's modules and ``data.json`` as an OPA server activates a bundle (every
module compiled before the first request), and answers each ``POST /v1/data/<path>`` as OPA
does: ``{"result": ...}``, ``{}`` when the document is undefined, and OPA's error shape
``{"code", "message", "errors": [...]}`` with HTTP 500 when evaluation fails. The bridge always
evaluates with strict built-in errors, which is what vendorgate's client asks for
(``?strict-builtin-errors=true``).

A test can switch the server into a failure mode (slow answers, 4xx, 5xx, no result, not JSON)
to see the client's error handling; in mode ``serve`` every answer is OPA's own.
"""

from __future__ import annotations

import importlib
import json
import re
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from tests.support.cli import REPO
from vendorgate.rego import bundle

DATA_API = "/v1/data/"
DECISION = "vendorgate.decision"
TOOLS = REPO / ".tools" / "opa-golib"
"""Where ``make opa-golib`` unpacks the wheel."""
OPA_VERSION = "v1.20.2"
"""The OPA release the pinned wheel embeds (its Go module path names it)."""


class RealOpaMissing(RuntimeError):
    """The real OPA engine is not installed: a test that needs it fails, it is never skipped."""


@cache
def bindings() -> Any:
    """The ``opa_bindings`` module from ``.tools/opa-golib`` (the wheel's ctypes bridge)."""
    if not (TOOLS / "opa_bindings" / "libopabridge.so").is_file():
        raise RealOpaMissing(
            f"the real OPA engine is not installed in {TOOLS}: run `make opa-golib` "
            "(it downloads the pinned opa-golib-python-bindings wheel and checks its sha256)"
        )
    if str(TOOLS) not in sys.path:
        sys.path.insert(0, str(TOOLS))
    return importlib.import_module("opa_bindings")


class RealOpa:
    """One OPA engine holding a bundle's modules and data, as a server holds an active bundle."""

    def __init__(self, contents: Mapping[str, bytes]) -> None:
        opa = bindings()
        self.errors: tuple[type[Exception], type[Exception]] = (
            opa.OpaUndefinedError,
            opa.OpaError,
        )
        self.manifest = json.loads(contents.get(bundle.MANIFEST, b"{}"))
        modules, data = bundle.modules_and_data(contents)
        self.engine = opa.OpaEngine()
        for path, text in modules:
            self.engine.add_policy(path, text)
        self.engine.add_data(data)
        # OPA compiles every module when it activates a bundle; a query over the root does the
        # same here, so a bundle OPA would refuse fails the server's start, not a request.
        self.engine.eval_query("data.vendorgate.revision = _")

    @classmethod
    def from_bundle(cls, path: Path) -> RealOpa:
        return cls(bundle.read(path))

    def evaluate(self, path: str, document: Any) -> tuple[int, dict[str, Any]]:
        """HTTP status and OPA's answer for ``POST /v1/data/<path>`` with this input."""
        undefined, failed = self.errors
        try:
            return 200, {"result": self.engine.eval_document(path, document)}
        except undefined:
            return 200, {}
        except failed as exc:
            return 500, _eval_error(str(getattr(exc, "message", exc)))

    def decide(self, document: Any) -> Any:
        """``data.vendorgate.decision`` for one input, as the server would answer it."""
        status, answer = self.evaluate(DECISION, document)
        if status != 200 or "result" not in answer:
            raise AssertionError(f"real OPA gave no decision: HTTP {status} {answer}")
        return answer["result"]

    def close(self) -> None:
        self.engine.close()


_LOCATED = re.compile(r"^[^:\s]+:\d+: (?P<code>[a-z_]+): (?P<message>.*)$", re.S)


def _eval_error(message: str) -> dict[str, Any]:
    """OPA's 500 answer for an evaluation error. The engine gives ``file:row: code: message``;
    the column OPA's server would add is not in it, so the detail carries no location rather
    than an invented one (the file and row stay in the top-level message)."""
    located = _LOCATED.match(message)
    detail: dict[str, Any] = {"code": "internal_error", "message": message}
    if located:
        detail = {"code": located["code"], "message": located["message"]}
    return _error("internal_error", f"1 error occurred: {message}", [detail])


@dataclass
class Behaviour:
    """What the server does with the next requests."""

    mode: str = "serve"
    """serve | slow | bad-request | server-error | flaky | undefined | not-json."""
    delay: float = 0.0
    token: str | None = None
    """When set, requests must carry ``Authorization: Bearer <token>``."""
    requests: list[dict[str, Any]] = field(default_factory=list)
    """Every request seen: path, headers, body."""
    failures_left: int = 0
    """For ``flaky``: how many 503 answers before serving."""


def _error(code: str, message: str, errors: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"code": code, "message": message}
    if errors is not None:
        body["errors"] = errors
    return body


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: tests read the recorded requests instead."""

    def _send(self, status: int, payload: Any, raw: bytes | None = None) -> None:
        data = raw if raw is not None else json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self) -> None:
        behaviour = self.server.behaviour
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        behaviour.requests.append(
            {"path": self.path, "headers": dict(self.headers), "body": body.decode()}
        )
        path = self.path.split("?", 1)[0]
        if behaviour.token and self.headers.get("Authorization") != f"Bearer {behaviour.token}":
            self._send(401, _error("unauthorized", "missing or invalid bearer token"))
            return
        if not path.startswith(DATA_API):
            self._send(404, _error("resource_not_found", f"{path} not found"))
            return
        if self._misbehave(behaviour):
            return
        try:
            request = json.loads(body)
        except ValueError:
            self._send(400, _error("invalid_parameter", "body is not JSON"))
            return
        if "input" not in request:
            warning = {
                "code": "api_usage_warning",
                "message": "'input' key missing from the request",
            }
            self._send(200, {"warning": warning})
            return
        document = path[len(DATA_API) :].strip("/").replace("/", ".")
        self._send(*self.server.opa.evaluate(document, request["input"]))

    def _misbehave(self, behaviour: Behaviour) -> bool:
        """Answer as the failure mode says; False in mode ``serve`` (OPA answers)."""
        if behaviour.mode == "slow":
            time.sleep(behaviour.delay)
            return False
        if behaviour.mode == "bad-request":
            detail = [{"code": "invalid_parameter", "message": "input must be an object"}]
            self._send(
                400,
                _error("invalid_parameter", "error(s) occurred while parsing input", detail),
            )
            return True
        if behaviour.mode == "server-error" or (
            behaviour.mode == "flaky" and behaviour.failures_left > 0
        ):
            behaviour.failures_left -= 1
            self._send(503, _error("internal_error", "bundle activation in progress"))
            return True
        if behaviour.mode == "undefined":
            self._send(200, {})
            return True
        if behaviour.mode == "not-json":
            self._send(200, None, raw=b"<html>proxy error</html>")
            return True
        return False


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, opa: RealOpa, behaviour: Behaviour) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.opa = opa
        self.behaviour = behaviour


@contextmanager
def serving(
    bundle_path: Path, behaviour: Behaviour | None = None
) -> Iterator[tuple[str, Behaviour]]:
    """Serve a bundle tarball with real OPA on 127.0.0.1; yields the base URL and the live
    behaviour."""
    opa = RealOpa.from_bundle(bundle_path)
    state = behaviour or Behaviour()
    server = _Server(opa, state)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", state
    finally:
        server.shutdown()
        server.server_close()
        opa.close()
