"""A real HTTP server on 127.0.0.1 that serves OPA's Data API for vendorgate's bundle.

No OPA binary can be installed here, so ``POST /v1/data/vendorgate/decision`` is implemented by
evaluating the bundle in regopy, answering as OPA does: ``{"result": ...}``, ``{}`` when the
decision is undefined, and OPA's error shape ``{"code", "message", "errors": [...]}``. A test can
switch the server into a failure mode (slow answers, 4xx, 5xx, no result) to see the client's
error handling.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from vendorgate.rego import bundle
from vendorgate.rego.runtime import Evaluator, RegoEvaluationError

DECISION = "/v1/data/vendorgate/decision"


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
        if path != DECISION:
            self._send(404, _error("resource_not_found", f"{path} not found"))
            return
        if behaviour.mode == "slow":
            time.sleep(behaviour.delay)
        if behaviour.mode == "bad-request":
            self._send(
                400,
                _error(
                    "invalid_parameter",
                    "error(s) occurred while parsing input",
                    [{"code": "invalid_parameter", "message": "input must be an object"}],
                ),
            )
            return
        if behaviour.mode == "server-error" or (
            behaviour.mode == "flaky" and behaviour.failures_left > 0
        ):
            behaviour.failures_left -= 1
            self._send(503, _error("internal_error", "bundle activation in progress"))
            return
        if behaviour.mode == "undefined":
            self._send(200, {})
            return
        if behaviour.mode == "not-json":
            self._send(200, None, raw=b"<html>proxy error</html>")
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
        try:
            with self.server.lock:  # one regopy interpreter: one evaluation at a time
                result = self.server.evaluator.decide(request["input"])
        except RegoEvaluationError as exc:
            if "is undefined" in exc.message:
                self._send(200, {})
                return
            self._send(
                500,
                _error(
                    "internal_error",
                    "1 error occurred: policy evaluation failed",
                    [{"code": "eval_builtin_error", "message": exc.message}],
                ),
            )
            return
        self._send(200, {"result": result})


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, evaluator: Evaluator, behaviour: Behaviour) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.evaluator = evaluator
        self.behaviour = behaviour
        self.lock = threading.Lock()


@contextmanager
def serving(
    bundle_path: Path, behaviour: Behaviour | None = None
) -> Iterator[tuple[str, Behaviour]]:
    """Serve a bundle tarball on 127.0.0.1; yields the base URL and the live behaviour."""
    modules, data = bundle.modules_and_data(bundle.read(bundle_path))
    evaluator = Evaluator(modules, data)
    state = behaviour or Behaviour()
    server = _Server(evaluator, state)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", state
    finally:
        server.shutdown()
        server.server_close()
