"""Self-signed certificates made with ``openssl`` for tests that serve https on 127.0.0.1, and
the server side of such a connection. The fetcher under test trusts one through
``SSL_CERT_FILE``, so the TLS it speaks is the real one."""

from __future__ import annotations

import shutil
import ssl
import subprocess
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
