"""Real sites on 127.0.0.1 for the fetcher's tests, over plain http or https: self-signed
certificates made with ``openssl`` (the fetcher under test trusts one through
``SSL_CERT_FILE``, so the TLS it speaks is the real one), and servers that record every path
asked, so a test can say a hop was never even contacted."""

from __future__ import annotations

import http.server
import shutil
import ssl
import subprocess
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest


def make_certificate(folder: Path, name: str, alt_names: str) -> tuple[Path, Path]:
    """A self-signed certificate for ``name`` (``alt_names`` in openssl's subjectAltName form,
    ``IP:127.0.0.1,DNS:localhost``) and its key, written in ``folder``."""
    if shutil.which("openssl") is None:
        pytest.fail("openssl is needed to make the test certificates")
    cert, key = folder / f"{name}.pem", folder / f"{name}.key"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"),
            *("-keyout", str(key), "-out", str(cert), "-subj", f"/CN={name}"),
            *("-addext", f"subjectAltName={alt_names}"),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def server_context(cert: Path, key: Path) -> ssl.SSLContext:
    """The server side of a TLS connection presenting ``cert``."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context


Answer = Callable[[], tuple[int, dict[str, str], bytes]]


@dataclass
class Site:
    url: str = ""
    port: int = 0
    routes: dict[str, Answer] = field(default_factory=dict)
    paths: list[str] = field(default_factory=list)


def _handler(site: Site) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            site.paths.append(self.path)
            status, headers, body = site.routes.get(self.path, lambda: (404, {}, b""))()
            self.send_response(status)
            for name, value in {"Content-Type": "text/plain", **headers}.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


@contextmanager
def serve_site(tls: ssl.SSLContext | None = None, host: str = "127.0.0.1") -> Iterator[Site]:
    site = Site()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    if tls is not None:
        httpd.socket = tls.wrap_socket(httpd.socket, server_side=True)
    site.port = httpd.server_address[1]
    site.url = f"{'https' if tls else 'http'}://{host}:{site.port}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        httpd.shutdown()
        httpd.server_close()


def redirect_to(location: str) -> Answer:
    return lambda: (302, {"Location": location}, b"")


def page(body: bytes) -> Answer:
    return lambda: (200, {}, body)
