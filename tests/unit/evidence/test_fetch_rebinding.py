"""The fetcher connects a redirected hop to the very addresses it checked (no DNS rebinding).

Real servers on 127.0.0.1 only. Two things of the test's own stand in for the world outside:

* the name lookup (``socket.getaddrinfo``, the one place every lookup goes through, the
  fetcher's check and a connection's alike) answers ``rebind.test`` from a script: a public
  address first, this machine afterwards, as a hostile name server would;
* every TCP connection is watched: one to this machine goes ahead; one to the public address
  is carried to a second local server, the stand-in for the public host; any other is refused
  and recorded. Nothing leaves the machine.

The internal server (the user's first URL, and what a rebound name would reach) records every
request, so a test can say that the rebound address was never reached.
"""

from __future__ import annotations

import http.server
import ipaddress
import socket
import ssl
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.support.local_tls import make_certificate, server_context
from vendorgate.evidence.fetch import FetchError, Limits, fetch

NAME = "rebind.test"
SPELLED = "reb%69nd.test"
"""The same name percent-encoded: urllib connects to ``rebind.test`` when a URL spells it so."""
PUBLIC = "93.184.215.14"
"""A public address (``is_global``); never contacted: its connections go to the stand-in."""
QUICK = Limits(timeout=5, max_bytes=100_000, retries=0, backoff=0.01)


@dataclass
class _Site:
    """A local server and what it was asked."""

    url: str
    port: int
    paths: list[str] = field(default_factory=list)
    hosts: list[str] = field(default_factory=list)
    server_names: list[str] = field(default_factory=list)
    """SNI names of TLS handshakes."""


Routes = dict[str, Callable[[], tuple[int, dict[str, str], bytes]]]


def _handler(site: _Site, routes: Routes) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            site.paths.append(self.path)
            site.hosts.append(self.headers.get("Host", ""))
            route = routes.get(self.path, lambda: (404, {}, b"unknown"))
            status, headers, body = route()
            self.send_response(status)
            for name, value in {"Content-Type": "text/plain", **headers}.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_CONNECT(self) -> None:  # a proxy asked for a tunnel: recorded, and declined
            site.paths.append(f"CONNECT {self.path}")
            self.send_response(403)
            self.end_headers()

    return Handler


@contextmanager
def _serving(routes: Routes, tls: ssl.SSLContext | None = None) -> Iterator[_Site]:
    site = _Site("", 0)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(site, routes))
    if tls is not None:
        tls.sni_callback = lambda sock, name, ctx: site.server_names.append(name or "")
        httpd.socket = tls.wrap_socket(httpd.socket, server_side=True)
    site.port = httpd.server_address[1]
    site.url = f"{'https' if tls else 'http'}://127.0.0.1:{site.port}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        httpd.shutdown()
        httpd.server_close()


def _redirect(location: str) -> Callable[[], tuple[int, dict[str, str], bytes]]:
    return lambda: (302, {"Location": location}, b"")


def _page(body: bytes) -> Callable[[], tuple[int, dict[str, str], bytes]]:
    return lambda: (200, {}, body)


@dataclass
class _World:
    """The scripted name server and the watched network, for one test."""

    answers: list[str]
    """What ``rebind.test`` resolves to, one lookup after another; the last one repeats."""
    lookups: int = 0
    stand_in_port: int = 0
    refused: list[tuple[str, int]] = field(default_factory=list)
    carried: list[tuple[str, int]] = field(default_factory=list)


@pytest.fixture
def world(monkeypatch: pytest.MonkeyPatch) -> _World:
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "*")
    scripted = _World([PUBLIC, "127.0.0.1"])
    real_lookup = socket.getaddrinfo
    real_connect = socket.socket.connect

    def lookup(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host not in (NAME, SPELLED):
            return real_lookup(host, port, *args, **kwargs)
        answer = scripted.answers[min(scripted.lookups, len(scripted.answers) - 1)]
        scripted.lookups += 1
        return real_lookup(answer, port, *args, **kwargs)

    def connect(sock: socket.socket, address: Any) -> None:
        host, port = address[0], address[1]
        if host == PUBLIC and scripted.stand_in_port:
            scripted.carried.append((host, port))
            return real_connect(sock, ("127.0.0.1", scripted.stand_in_port))
        if not ipaddress.ip_address(host).is_loopback:
            scripted.refused.append((host, port))
            raise ConnectionRefusedError(111, "Connection refused (the test allows no farther)")
        return real_connect(sock, address)

    monkeypatch.setattr(socket, "getaddrinfo", lookup)
    monkeypatch.setattr(socket.socket, "connect", connect)
    return scripted


def test_a_name_rebound_after_the_check_is_never_connected_to_again(world: _World) -> None:
    # The name answers a public address to the check and this machine to a second lookup: the
    # request must go to the public address checked, never to the internal server.
    internal: Routes = {}
    with _serving(internal) as inside, _serving({"/page": _page(b"public page")}) as outside:
        internal["/start"] = _redirect(f"http://{NAME}:{inside.port}/page")
        internal["/page"] = _page(b"internal secret")
        world.stand_in_port = outside.port
        response = fetch(f"{inside.url}/start", QUICK)
    assert response.body == b"public page"
    assert inside.paths == ["/start"]  # the rebound address was never reached
    assert world.carried == [(PUBLIC, inside.port)]
    assert outside.hosts == [f"{NAME}:{inside.port}"]  # the request still names the host
    assert world.lookups == 1


def test_every_hop_on_a_redirected_host_is_checked_and_pinned_again(world: _World) -> None:
    # A further redirect on the same (redirected) host is looked up and checked afresh, not
    # left to the connection: a name that rebinds between two hops is refused at the second.
    internal: Routes = {}
    with _serving(internal) as inside:
        outside_routes: Routes = {"/a": _redirect(f"http://{NAME}:{inside.port}/b")}
        with _serving(outside_routes) as outside:
            internal["/start"] = _redirect(f"http://{NAME}:{inside.port}/a")
            internal["/a"] = internal["/b"] = _page(b"internal secret")
            world.stand_in_port = outside.port
            with pytest.raises(FetchError, match=r"/a to \S+/b refused: rebind\.test is a non-"):
                fetch(f"{inside.url}/start", QUICK)
    assert inside.paths == ["/start"]
    assert outside.paths == ["/a"]
    assert world.lookups == 2  # once per hop off the first host, never again to connect


def test_a_host_spelled_so_the_connection_names_another_is_not_connected_to(
    world: _World,
) -> None:
    # The check reads the host as the URL spells it; urllib decodes a percent-encoded host
    # before connecting. The connection must not fall back to a lookup of its own then.
    internal: Routes = {}
    with _serving(internal) as inside:
        internal["/start"] = _redirect(f"http://{SPELLED}:{inside.port}/page")
        internal["/page"] = _page(b"internal secret")
        with pytest.raises(FetchError, match="not the host checked"):
            fetch(f"{inside.url}/start", QUICK)
    assert inside.paths == ["/start"]
    assert world.lookups == 1
    assert world.carried == world.refused == []


def test_a_rebound_name_that_answers_inside_to_the_check_is_refused(world: _World) -> None:
    # The other order: inside first. The check refuses, and nothing is connected to.
    world.answers = ["127.0.0.1", PUBLIC]
    internal: Routes = {}
    with _serving(internal) as inside:
        internal["/start"] = _redirect(f"http://{NAME}:{inside.port}/page")
        internal["/page"] = _page(b"internal secret")
        with pytest.raises(FetchError, match=r"refused: rebind\.test is a non-public address"):
            fetch(f"{inside.url}/start", QUICK)
    assert inside.paths == ["/start"]
    assert world.carried == world.refused == []


@pytest.fixture(scope="module")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """A self-signed certificate and its key for ``rebind.test`` and one for another name."""
    folder = tmp_path_factory.mktemp("certificates")
    return {name: make_certificate(folder, name, f"DNS:{name}") for name in (NAME, "other.test")}


def test_https_to_a_pinned_address_keeps_sni_and_checks_the_name(
    world: _World,
    certificates: dict[str, tuple[Path, Path]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cert, key = certificates[NAME]
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # the fetcher trusts the stand-in's issuer
    internal: Routes = {}
    stand_in = server_context(cert, key)
    with _serving(internal) as inside, _serving({"/page": _page(b"tls page")}, stand_in) as out:
        internal["/start"] = _redirect(f"https://{NAME}:{inside.port}/page")
        world.stand_in_port = out.port
        response = fetch(f"{inside.url}/start", QUICK)
    assert response.body == b"tls page"
    assert out.server_names == [NAME]
    assert out.hosts == [f"{NAME}:{inside.port}"]
    assert inside.paths == ["/start"]


def test_https_to_a_pinned_address_refuses_a_certificate_for_another_name(
    world: _World,
    certificates: dict[str, tuple[Path, Path]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cert, key = certificates["other.test"]
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    internal: Routes = {}
    with _serving(internal) as inside, _serving({}, server_context(cert, key)) as out:
        internal["/start"] = _redirect(f"https://{NAME}:{inside.port}/page")
        world.stand_in_port = out.port
        with pytest.raises(FetchError, match="certificate") as raised:
            fetch(f"{inside.url}/start", QUICK)
    assert NAME in str(raised.value)
    assert out.paths == [] and out.server_names == [NAME]


def test_through_a_proxy_the_proxy_is_connected_to_and_resolves(
    world: _World, monkeypatch: pytest.MonkeyPatch
) -> None:
    # With a proxy in the environment the fetcher connects to the proxy, never to the pinned
    # address itself: the check still runs on this machine's answer.
    proxy_routes: Routes = {
        "http://start.test/": _redirect(f"http://{NAME}/page"),
        f"http://{NAME}/page": _page(b"through the proxy"),
    }
    with _serving(proxy_routes) as proxy:
        monkeypatch.setenv("http_proxy", proxy.url)
        monkeypatch.setenv("no_proxy", "")
        response = fetch("http://start.test/", QUICK)
    assert response.body == b"through the proxy"
    assert proxy.paths == ["http://start.test/", f"http://{NAME}/page"]
    assert world.lookups == 1  # the check
    assert world.carried == world.refused == []


def test_https_through_a_proxy_asks_the_proxy_for_a_tunnel_to_the_name(
    world: _World, monkeypatch: pytest.MonkeyPatch
) -> None:
    # For https the proxy is asked to CONNECT to the host by name (it declines here): the pin
    # must not turn the connection to the proxy into one to the checked address, or a refusal.
    proxy_routes: Routes = {"http://start.test/": _redirect(f"https://{NAME}/page")}
    with _serving(proxy_routes) as proxy:
        monkeypatch.setenv("http_proxy", proxy.url)
        monkeypatch.setenv("https_proxy", proxy.url)
        monkeypatch.setenv("no_proxy", "")
        with pytest.raises(FetchError, match="Tunnel connection failed: 403"):
            fetch("http://start.test/", QUICK)
    assert proxy.paths == ["http://start.test/", f"CONNECT {NAME}:443"]
    assert world.lookups == 1
    assert world.carried == world.refused == []
