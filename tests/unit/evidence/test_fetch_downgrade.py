"""A page asked for over https is never read from a plain http hop a redirect leads to.

Real servers on 127.0.0.1: an https one with a self-signed certificate for the address (which
the fetcher is told to trust through ``SSL_CERT_FILE``), and plain http ones that record every
request, so a test can say that the unauthenticated hop was never even asked.
"""

from __future__ import annotations

import ssl
from pathlib import Path

import pytest

from tests.support.local_tls import make_certificate, page, redirect_to, serve_site, server_context
from vendorgate.evidence.fetch import FetchError, Limits, fetch

QUICK = Limits(timeout=5, max_bytes=100_000, retries=0, backoff=0.01)


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("certificate")
    return make_certificate(folder, "127.0.0.1", "IP:127.0.0.1,DNS:localhost")


@pytest.fixture
def tls(certificate: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> ssl.SSLContext:
    """The https server's context; the fetcher trusts its certificate, and no proxy."""
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "*")
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate[0]))
    return server_context(*certificate)


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_https_redirected_to_plain_http_is_refused_naming_both(
    tls: ssl.SSLContext, host: str
) -> None:
    # The same host on another port, and another host: neither is asked, and the message
    # names both URLs and the way out.
    with serve_site(tls) as secure, serve_site(host=host) as plain:
        plain.routes["/page"] = page(b"rewritten on the way")
        secure.routes["/start"] = redirect_to(f"{plain.url}/page")
        with pytest.raises(FetchError) as raised:
            fetch(f"{secure.url}/start", QUICK)
    said = str(raised.value)
    assert f"redirect from {secure.url}/start to {plain.url}/page refused" in said
    assert "over https is not read over plain http" in said
    assert "give the http URL itself if that is really meant" in said
    assert plain.paths == []


def test_a_downgrade_later_in_the_chain_is_refused_too(tls: ssl.SSLContext) -> None:
    # http -> https -> http: the https answer may not hand the page to a plain hop either.
    with serve_site(tls) as secure, serve_site() as plain:
        plain.routes["/start"] = redirect_to(f"{secure.url}/middle")
        secure.routes["/middle"] = redirect_to(f"{plain.url}/page")
        plain.routes["/page"] = page(b"rewritten on the way")
        with pytest.raises(FetchError, match=r"/middle to \S+/page refused: a page asked"):
            fetch(f"{plain.url}/start", QUICK)
    assert plain.paths == ["/start"]


def test_a_relative_redirect_keeps_https_and_is_followed(tls: ssl.SSLContext) -> None:
    with serve_site(tls) as secure:
        secure.routes["/start"] = redirect_to("/page")
        secure.routes["/page"] = page(b"the terms")
        response = fetch(f"{secure.url}/start", QUICK)
    assert (response.body, response.url) == (b"the terms", f"{secure.url}/page")


def test_http_to_https_and_http_to_http_stay_allowed(tls: ssl.SSLContext) -> None:
    with serve_site(tls) as secure, serve_site() as plain:
        plain.routes["/up"] = redirect_to(f"{secure.url}/page")
        plain.routes["/across"] = redirect_to(f"{plain.url}/page")
        secure.routes["/page"] = page(b"over tls")
        plain.routes["/page"] = page(b"plain")
        upgraded = fetch(f"{plain.url}/up", QUICK)
        across = fetch(f"{plain.url}/across", QUICK)
    assert (upgraded.body, upgraded.url) == (b"over tls", f"{secure.url}/page")
    assert (across.body, across.url) == (b"plain", f"{plain.url}/page")
