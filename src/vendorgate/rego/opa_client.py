"""A client for OPA's REST Data API: ``POST /v1/data/vendorgate/decision`` with ``{"input": ...}``.

Every failure is an error with exit code 2, never a pass: an unreachable server, a timeout, a
4xx or 5xx answer (OPA's ``{"code", "message", "errors": [...]}`` is quoted), an answer that is
not JSON, and an undefined decision (OPA answers ``{}`` without ``result`` when the bundle is
not loaded or the input does not fit). Connection errors and 5xx answers are retried with a
short backoff; a timeout is not (the server had its chance).

The server's answer is untrusted: each request has a deadline for the whole exchange and a
size cap on the body (:mod:`vendorgate.evidence.bounded`), a redirect is refused, never
followed (so the token goes to the origin of ``--opa-url`` and nowhere else), and the findings
it returns are checked and judged again in Python (:mod:`vendorgate.rego.adapter`).
"""

from __future__ import annotations

import http.client
import json
import time
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from vendorgate.core.errors import EXIT_INPUT, VendorgateError

DEFAULT_TIMEOUT = 10.0
"""Seconds for each request, from connecting to the last byte of the answer."""
MAX_ANSWER_BYTES = 16_000_000
"""Largest answer read; a larger one is an error, never truncated."""
RETRIES = 2
"""Further attempts after a connection error or a transient answer (see ``TRANSIENT``)."""
TRANSIENT = frozenset({502, 503, 504})
"""Statuses worth retrying: a proxy without a backend, OPA not ready, a gateway timeout.
OPA answers 500 when evaluating the policy fails, which the same input repeats."""
BACKOFF = 0.25
"""Seconds before the first retry; doubled for each further one."""
DECISION = "/v1/data/vendorgate/decision"
TOKEN_ENV = "VENDORGATE_OPA_TOKEN"


class OpaError(VendorgateError):
    """The OPA server could not give a decision. Exit 2."""

    exit_code = EXIT_INPUT


def endpoint(url: str) -> str:
    """The decision URL for a server's base URL (``http://opa:8181``)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise OpaError(f"--opa-url `{url}` is not an http(s) URL such as http://127.0.0.1:8181")
    # strict-builtin-errors: a built-in error in the policy is an error, never an undefined
    # rule that could make a deny rule silently pass.
    return url.rstrip("/") + DECISION + "?strict-builtin-errors=true"


def _opa_message(status: int, body: bytes) -> str:
    """OPA's error shape, ``{"code", "message", "errors": [{"code", "message", "location"}]}``,
    as one line."""
    try:
        payload = json.loads(body)
    except ValueError:
        text = body.decode("utf-8", "replace").strip().splitlines()
        return f"HTTP {status}" + (f": {text[0][:200]}" if text else "")
    if not isinstance(payload, dict):
        return f"HTTP {status}"
    head = f"HTTP {status} {payload.get('code', '')}".rstrip()
    parts = [f"{head}: {payload.get('message', '(no message)')}"]
    for item in payload.get("errors") or []:
        if isinstance(item, dict):
            where = item.get("location") or {}
            at = (
                f"{where.get('file', '')}:{where.get('row', '')}:{where.get('col', '')}: "
                if isinstance(where, dict) and where
                else ""
            )
            parts.append(f"{at}{item.get('message', '')} ({item.get('code', '')})")
    return "; ".join(parts)


def _post(url: str, body: bytes, token: str | None, timeout: float) -> tuple[int, bytes]:
    """One POST within ``timeout`` seconds in all; raises TimeoutError past it."""
    import urllib.error
    import urllib.request

    from vendorgate.evidence import bounded

    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    with bounded.Deadline(timeout) as deadline:
        try:
            with bounded.opener(deadline).open(request, timeout=timeout) as answer:
                return int(answer.status), _body(answer, deadline, url)
        except urllib.error.HTTPError as exc:
            with exc:
                if 300 <= exc.code < 400:
                    raise OpaError(
                        f"OPA at {_origin(url)} answered with a redirect (HTTP {exc.code} to "
                        f"{exc.headers.get('Location', '(no Location)')!s:.200}); redirects are "
                        "never followed: give the server's own URL with --opa-url"
                    ) from None
                return int(exc.code), _body(exc, deadline, url)
        except (OSError, http.client.HTTPException) as exc:
            if deadline.expired:
                raise TimeoutError from exc
            raise


def _body(answer: Any, deadline: Any, url: str) -> bytes:
    from vendorgate.evidence import bounded

    try:
        return bounded.read_capped(answer, MAX_ANSWER_BYTES, deadline)
    except bounded.TooLarge:
        raise OpaError(
            f"OPA at {_origin(url)} answered with more than {MAX_ANSWER_BYTES} bytes; "
            "the answer was not read"
        ) from None


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def decide(document: Any, url: str, token: str | None, timeout: float) -> Any:
    """The decision for one input, from the server at ``url``."""
    import urllib.error

    target = endpoint(url)
    body = json.dumps({"input": document}).encode("utf-8")
    last = ""
    for attempt in range(RETRIES + 1):
        if attempt:
            time.sleep(BACKOFF * 2 ** (attempt - 1))
        try:
            status, raw = _post(target, body, token, timeout)
        except TimeoutError as exc:
            raise OpaError(f"OPA at {url} did not answer within {timeout:g} s") from exc
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError):
                raise OpaError(f"OPA at {url} did not answer within {timeout:g} s") from exc
            last = f"cannot reach OPA at {url}: {exc.reason}"
            continue
        except (OSError, http.client.HTTPException) as exc:
            last = f"cannot reach OPA at {url}: {getattr(exc, 'strerror', None) or exc}"
            continue
        if status in TRANSIENT:
            last = f"OPA at {url} failed: {_opa_message(status, raw)}"
            continue
        if status >= 500:
            raise OpaError(f"OPA at {url} failed: {_opa_message(status, raw)}")
        if status == 401:
            raise OpaError(
                f"OPA at {url} refused the request: {_opa_message(status, raw)} (give a token "
                f"with --opa-token or {TOKEN_ENV})"
            )
        if status >= 400:
            raise OpaError(f"OPA at {url} rejected the request: {_opa_message(status, raw)}")
        return _result(raw, url)
    raise OpaError(f"{last} (after {RETRIES + 1} attempts)")


def _result(raw: bytes, url: str) -> Any:
    try:
        payload = json.loads(raw)
    except ValueError as exc:
        raise OpaError(f"OPA at {url} answered with something else than JSON") from exc
    if not isinstance(payload, dict) or "result" not in payload:
        raise OpaError(
            f"OPA at {url} has no decision: `vendorgate.decision` is undefined for this input "
            "(is vendorgate's bundle loaded? see docs/opa.md)"
        )
    return payload["result"]


def decide_all(documents: Sequence[Any], url: str, token: str | None, timeout: float) -> list[Any]:
    """The decision for each input, in order."""
    return [decide(doc, url, token, timeout) for doc in documents]


def check_revision(answers: Sequence[Any], revision: str, url: str) -> None:
    """Every decision must come from the policy these packs and this organisation compile to."""
    for answer in answers:
        served = answer.get("revision") if isinstance(answer, dict) else None
        if served != revision:
            raise OpaError(
                f"OPA at {url} serves another policy (revision {str(served)[:12]}...), not the "
                f"one these rule packs and this organisation profile compile to "
                f"({revision[:12]}...); build it with `vendorgate bundle` and deploy it"
            )
