"""A careful HTTP GET for ``vendorgate watch``: bounded in time and size, polite, honest.

* every attempt has a deadline for the whole exchange, not only each socket read
  (:mod:`vendorgate.evidence.bounded`): a server trickling bytes cannot hold a run;
* the body is read up to a size cap and never further;
* connection failures, timeouts, 429 and 5xx are retried with exponential backoff; other
  client errors (404, 403...) are not, since asking again will not help;
* redirects are followed by hand, at most :data:`MAX_REDIRECTS`, only to http(s), and a loop is
  reported as such; a redirect from https down to plain http (on any host) is refused, since
  anyone on the way could rewrite a page that was asked for authenticated; a redirect to
  another host on this machine or on a private or link-local network (a cloud's metadata
  service, say) is refused, so a public page cannot make the fetcher pin an internal
  service's answer. The name of such a host is resolved once, and the
  connection goes to the addresses checked (:class:`vendorgate.evidence.bounded.Pin`), so a
  name cannot answer one address to the check and another to the connection;
* ``If-None-Match`` / ``If-Modified-Since`` are sent when a previous response gave an ETag or
  a Last-Modified date, so an unchanged page costs the vendor a 304;
* the User-Agent says who is asking and why.

Only the standard library is used (``urllib``); it honours the usual proxy variables. Through a
proxy, the proxy resolves the names and connects: a redirect is still checked against this
machine's answer, but where the proxy connects is the proxy's to decide.
"""

from __future__ import annotations

import email.message
import http.client
import ipaddress
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass

from vendorgate.core.version import __version__
from vendorgate.evidence import bounded

USER_AGENT = f"vendorgate/{__version__} (+terms drift check)"
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_MAX_RETRY_AFTER = 30.0


@dataclass(frozen=True)
class Response:
    """A complete response (or a 304) to a GET."""

    url: str
    """The URL finally answered, after redirects."""
    status: int
    """200-299, or 304 when the page is unchanged since the validators sent."""
    body: bytes
    """The body; empty for a 304."""
    media_type: str
    """Content type without parameters, lower case (``text/html``)."""
    charset: str
    """The declared charset, or empty."""
    etag: str = ""
    last_modified: str = ""
    attempts: int = 1
    """How many attempts it took."""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchError(Exception):
    """The page could not be fetched; the message says why, for a person."""


class _Retryable(FetchError):
    """A failure worth another attempt."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass(frozen=True)
class Limits:
    """How far a fetch may go."""

    timeout: float = 20.0
    """Seconds for one attempt, from connecting to the last byte."""
    max_bytes: int = 5_000_000
    """Largest body read; a larger one is refused, not truncated silently."""
    retries: int = 2
    """Further attempts after a retryable failure."""
    backoff: float = 1.0
    """Seconds before the first retry; doubled for each further one."""


def fetch(
    url: str,
    limits: Limits,
    *,
    etag: str = "",
    last_modified: str = "",
    sleep: Callable[[float], None] = time.sleep,
) -> Response:
    """GET ``url`` within ``limits``; raises FetchError with a reason a person understands."""
    attempt = 0
    while True:
        attempt += 1
        try:
            response = _follow(url, limits, etag, last_modified)
        except _Retryable as exc:
            if attempt > limits.retries:
                suffix = f" (after {attempt} attempts)" if attempt > 1 else ""
                raise FetchError(f"{exc}{suffix}") from None
            delay = limits.backoff * (2 ** (attempt - 1))
            if exc.retry_after is not None:
                delay = max(delay, min(exc.retry_after, _MAX_RETRY_AFTER))
            sleep(delay)
            continue
        return Response(
            response.url,
            response.status,
            response.body,
            response.media_type,
            response.charset,
            response.etag,
            response.last_modified,
            attempt,
        )


def _follow(url: str, limits: Limits, etag: str, last_modified: str) -> Response:
    seen = [url]
    current = url
    pin: bounded.Pin | None = None
    for _ in range(MAX_REDIRECTS + 1):
        _check_scheme(current)
        outcome = _attempt(current, limits, etag, last_modified, pin)
        if isinstance(outcome, Response):
            return outcome
        target = urllib.parse.urljoin(current, outcome)
        if target in seen:
            chain = " -> ".join([*seen[seen.index(target) :], target])
            raise FetchError(f"redirect loop: {chain}")
        _refuse_downgrade(current, target)
        pin = _check_redirect(url, current, target)
        seen.append(target)
        current = target
    raise FetchError(f"more than {MAX_REDIRECTS} redirects, last to {current}")


def _refuse_downgrade(current: str, target: str) -> None:
    """Refuse a redirect from an https answer to a plain http URL, on any host: the page was
    asked for over an authenticated connection, and whatever answers the http hop (anyone on
    the way) could put words in it that the vendor never published. http to https, and http to
    http, are no worse than what was asked for."""
    if _scheme(current) == "https" and _scheme(target) == "http":
        raise FetchError(
            f"redirect from {current} to {target} refused: a page asked for over https is "
            "not read over plain http, where anyone on the way can rewrite it; give the http "
            "URL itself if that is really meant"
        )


def _scheme(url: str) -> str:
    return urllib.parse.urlsplit(url).scheme.lower()


def _check_redirect(first: str, current: str, target: str) -> bounded.Pin | None:
    """Refuse a redirect that moves off the first URL's host to a non-public address; the
    pin the next request must connect through, or None on the first URL's own host.

    The host of the first URL was chosen by the user (an intranet page, a test server on this
    machine), so it is reached as named. Where a redirect points was chosen by whoever
    answered: that host's name is resolved here, once, every address it gives must be a public
    one, and the request connects to those addresses and no others (a second lookup could
    answer differently: DNS rebinding)."""
    home, there = _host(first), _host(target)
    if there == home:
        return None
    addresses = _addresses(there)
    inner = next((a for a in addresses if not a.is_global), None)
    if inner is not None:
        raise FetchError(
            f"redirect from {current} to {target} refused: {there} is a non-public address "
            f"({inner}); give that URL itself if it is meant"
        )
    return bounded.Pin(there, tuple(dict.fromkeys(str(a) for a in addresses)))


def _host(url: str) -> str:
    return (urllib.parse.urlsplit(url).hostname or "").lower()


def _addresses(host: str) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    """The host as an address, or the addresses its name resolves to; a retryable failure
    when it resolves to none (nothing unchecked is ever connected to in its place)."""
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        found = resolve(host)
    except (OSError, UnicodeError) as exc:
        raise _Retryable(f"cannot connect: {host} does not resolve ({_reason(exc)})") from None
    if not found:
        raise _Retryable(f"cannot connect: {host} resolves to no address")
    return found


def resolve(host: str) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    """Every address ``host`` resolves to, through the system's resolver (the one place the
    fetcher looks a name up itself)."""
    found = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in found]


def _check_scheme(url: str) -> None:
    scheme = _scheme(url)
    if scheme not in ("http", "https"):
        raise FetchError(f"only http and https URLs are fetched, not `{scheme}:`")


def _attempt(
    url: str, limits: Limits, etag: str, modified: str, pin: bounded.Pin | None
) -> Response | str:
    """One request, all of it (connection, headers, body) within ``limits.timeout``: a
    Response, or the Location of a redirect. With ``pin``, a direct connection to its host
    goes to its addresses only."""
    request = urllib.request.Request(url, headers=_headers(etag, modified))
    timed_out = _Retryable(f"no complete response within {limits.timeout:g} s")
    with bounded.Deadline(limits.timeout) as deadline:
        try:
            with bounded.opener(deadline, pin).open(request, timeout=limits.timeout) as raw:
                body = _read(raw, limits, deadline)
                return _response(raw.geturl(), raw.status, body, raw.headers)
        except urllib.error.HTTPError as exc:
            return _http_error(exc, url)
        except TimeoutError:
            raise timed_out from None
        except urllib.error.URLError as exc:
            if deadline.expired:
                raise timed_out from None
            raise _Retryable(f"cannot connect: {_reason(exc.reason)}") from None
        except (http.client.HTTPException, ConnectionError) as exc:
            if deadline.expired:
                raise timed_out from None
            raise _Retryable(f"connection failed: {type(exc).__name__} {exc}".rstrip()) from None


def _headers(etag: str, modified: str) -> dict[str, str]:
    headers = {
        "User-Agent": USER_AGENT,
        "Accept": "text/html, text/plain;q=0.9, text/markdown;q=0.9, */*;q=0.1",
        "Accept-Encoding": "identity",
    }
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    return headers


def _read(raw: http.client.HTTPResponse, limits: Limits, deadline: bounded.Deadline) -> bytes:
    try:
        return bounded.read_capped(raw, limits.max_bytes, deadline)
    except bounded.TooLarge as exc:
        if exc.declared is not None:
            raise FetchError(
                f"the page is {exc.declared} bytes, over the {limits.max_bytes}-byte limit "
                "(raise --max-bytes to allow it)"
            ) from None
        raise FetchError(
            f"the page is larger than the {limits.max_bytes}-byte limit; reading stopped "
            "there (raise --max-bytes to allow it)"
        ) from None


def _response(url: str, status: int, body: bytes, headers: email.message.Message) -> Response:
    content_type = headers.get_content_type().lower() if headers.get("Content-Type") else ""
    return Response(
        url,
        status,
        body,
        content_type,
        (headers.get_content_charset() or "").lower(),
        headers.get("ETag", ""),
        headers.get("Last-Modified", ""),
    )


def _http_error(exc: urllib.error.HTTPError, url: str) -> Response | str:
    try:
        if exc.code == 304:
            return _response(url, 304, b"", exc.headers)
        if exc.code in (301, 302, 303, 307, 308):
            location = exc.headers.get("Location", "")
            if not location:
                raise FetchError(f"HTTP {exc.code} redirect without a Location")
            return location
        reason = f"HTTP {exc.code} {exc.reason}".rstrip()
        if exc.code in _RETRY_STATUSES:
            raise _Retryable(reason, _retry_after(exc.headers.get("Retry-After", "")))
        raise FetchError(reason)
    finally:
        exc.close()


def _retry_after(value: str) -> float | None:
    return float(value) if value.strip().isdigit() else None


def _reason(reason: object) -> str:
    if isinstance(reason, TimeoutError):
        return "timed out"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return str(reason)
