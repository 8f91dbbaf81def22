"""HTTP exchanges bounded in total time and in size, for ``watch`` and the OPA client.

A socket timeout bounds each read, not a response: a server that sends one byte a second
never trips it and can hold a run for as long as it likes. Here every exchange has a
:class:`Deadline` for the whole of it (connecting, the status line and headers, the body): when
it passes, a timer shuts the connection's socket down, so whatever read is blocked returns at
once and the exchange fails as timed out. Bodies are read up to a cap and never further.
Redirects are never followed by the opener (callers decide, or refuse them).

An opener may be given a :class:`Pin`: a host name and the addresses a caller resolved and
checked for it. A connection to that name then goes to exactly those addresses, never through
another lookup, while the request still names the host (the Host header; for https, SNI and the
certificate checked against the name). A direct connection to any other host is refused while
a pin is set; only a connection to a proxy the environment configures resolves as usual (the
proxy then reaches the host by name).
"""

from __future__ import annotations

import contextlib
import email.message
import http.client
import socket
import ssl
import threading
import time
import urllib.request
from dataclasses import dataclass
from typing import Any, Protocol


class Deadline:
    """A total time limit for one exchange; use it as a context manager around the exchange."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._at = time.monotonic() + seconds
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._expired = False
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()

    @property
    def expired(self) -> bool:
        """Whether the deadline has passed (the sockets were shut down, or are being)."""
        return self._expired or time.monotonic() >= self._at

    def remaining(self) -> float:
        """Seconds left, at least a little (a socket timeout of 0 would mean non-blocking)."""
        return max(self._at - time.monotonic(), 0.01)

    def watch(self, sock: socket.socket | None) -> None:
        """Shut ``sock`` down when the deadline passes (at once if it already has)."""
        if sock is None:
            return
        with self._lock:
            self._sockets.append(sock)
            late = self._expired
        if late:
            _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self._expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed: nothing is blocked on it
        sock.shutdown(socket.SHUT_RDWR)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Let 3xx responses surface as errors: the opener itself never follows a redirect."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: object,
        code: int,
        msg: str,
        headers: email.message.Message,
        newurl: str,
    ) -> urllib.request.Request | None:
        return None


@dataclass(frozen=True)
class Pin:
    """Connect to ``host`` only at ``addresses``: the answer a caller checked, used as is."""

    host: str
    """The host name as the URL gives it, lower case."""
    addresses: tuple[str, ...]
    """IP addresses, tried in order; never empty."""


class _Pinned:
    """What both connection classes share: the deadline, and the pin when it applies."""

    deadline: Deadline
    pin: Pin | None = None
    tunnelled = False
    host: str
    port: int
    timeout: float | None
    source_address: tuple[str, int] | None

    def set_tunnel(self, *args: Any, **kwargs: Any) -> None:
        # Set when urllib goes through a proxy's CONNECT: the proxy then reaches the host.
        self.tunnelled = True
        super().set_tunnel(*args, **kwargs)  # type: ignore[misc]

    def _limit_time(self) -> None:
        self.timeout = min(self.deadline.remaining(), self.timeout or self.deadline.seconds)

    def _pinned(self) -> tuple[str, ...] | None:
        """The addresses to connect to, or None to connect as usual (no pin, or a proxy's
        tunnel: the proxy reaches the host). A direct connection while a pin is set goes to the
        pinned addresses or nowhere: one to a host other than the pinned one (a URL spelling
        the name in a way the check read differently) is refused, never looked up afresh."""
        pin = self.pin
        if pin is None or self.tunnelled:
            return None
        if self.host.lower() != pin.host:
            raise OSError(f"the connection is to {self.host}, not the host checked ({pin.host})")
        return pin.addresses

    def _open_pinned(self, addresses: tuple[str, ...]) -> socket.socket:
        """A socket connected to the first of ``addresses`` that answers; no name is looked up
        (each is an IP address), so what the caller checked is what is reached."""
        failure: OSError = OSError(f"no address to connect to for {self.host}")
        for address in addresses:
            try:
                sock = socket.create_connection(
                    (address, self.port), self.timeout, self.source_address
                )
            except OSError as exc:
                failure = exc
                continue
            with contextlib.suppress(OSError):  # as http.client does; not every OS has it
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self.deadline.watch(sock)
            return sock
        raise failure


class _Watched(_Pinned, http.client.HTTPConnection):
    def connect(self) -> None:
        self._limit_time()
        addresses = self._pinned()
        if addresses is not None:
            self.sock = self._open_pinned(addresses)
        else:
            super().connect()
        self.deadline.watch(self.sock)


class _WatchedTLS(_Pinned, http.client.HTTPSConnection):
    tls: ssl.SSLContext

    def connect(self) -> None:
        self._limit_time()
        addresses = self._pinned()
        if addresses is not None:
            raw = self._open_pinned(addresses)
            # The name, not the address, is what the certificate must be for, and what SNI says.
            self.sock = self.tls.wrap_socket(raw, server_hostname=self.host)
        else:
            super().connect()
        self.deadline.watch(self.sock)


class _Connections(Protocol):
    def __call__(self, host: str, **kwargs: Any) -> http.client.HTTPConnection: ...


def _factory(
    base: type[_Watched] | type[_WatchedTLS],
    deadline: Deadline,
    pin: Pin | None,
    tls: ssl.SSLContext | None = None,
) -> _Connections:
    def connection(host: str, **kwargs: Any) -> http.client.HTTPConnection:
        made = base(host, **kwargs)
        made.deadline = deadline
        made.pin = pin
        if isinstance(made, _WatchedTLS) and tls is not None:
            made.tls = tls
        return made

    return connection


class _Plain(urllib.request.HTTPHandler):
    def __init__(self, deadline: Deadline, pin: Pin | None) -> None:
        super().__init__()
        self.deadline = deadline
        self.pin = pin

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        # Through an http proxy the connection is to the proxy, which resolves the host itself.
        pin = None if req.has_proxy() else self.pin
        return self.do_open(_factory(_Watched, self.deadline, pin), req)


class _Secure(urllib.request.HTTPSHandler):
    def __init__(self, deadline: Deadline, pin: Pin | None) -> None:
        super().__init__()
        self.deadline = deadline
        self.pin = pin
        self.tls = ssl.create_default_context()

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        made = _factory(_WatchedTLS, self.deadline, self.pin, self.tls)
        return self.do_open(made, req, context=self.tls)


def opener(deadline: Deadline, pin: Pin | None = None) -> urllib.request.OpenerDirector:
    """An opener whose connections close at ``deadline`` and which follows no redirect; with
    ``pin``, a direct connection to the pinned host goes to the pinned addresses only."""
    return urllib.request.build_opener(NoRedirect, _Plain(deadline, pin), _Secure(deadline, pin))


class TooLarge(Exception):
    """A body over the cap; ``declared`` when the Content-Length said so before reading."""

    def __init__(self, limit: int, declared: int | None) -> None:
        super().__init__(f"larger than {limit} bytes")
        self.limit = limit
        self.declared = declared


def read_capped(answer: Any, limit: int, deadline: Deadline) -> bytes:
    """The whole body of ``answer`` (a response or an HTTPError), at most ``limit`` bytes.
    Raises TooLarge past the cap and TimeoutError when the deadline passed meanwhile (a short
    read after the timer shut the socket is never taken for the whole body)."""
    headers = getattr(answer, "headers", None)
    declared = headers.get("Content-Length", "") if headers is not None else ""
    if declared.isdigit() and int(declared) > limit:
        raise TooLarge(limit, int(declared))
    chunks: list[bytes] = []
    size = 0
    while True:
        try:
            chunk = answer.read(min(64 * 1024, limit + 1 - size))
        except (OSError, http.client.HTTPException):
            if deadline.expired:
                raise TimeoutError from None
            raise
        if deadline.expired:
            raise TimeoutError
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise TooLarge(limit, None)
