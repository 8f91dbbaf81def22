"""The charset an HTML page declares in a ``<meta>`` tag (the HTML standard's prescan of its
first 1024 bytes), and the order a charset is taken in: byte order mark, Content-Type header,
then the ``<meta>``. The pages are written for the tests."""

from __future__ import annotations

import pytest

from vendorgate.evidence.snapshots import (
    BOM,
    HEADER,
    META,
    PRESCAN_BYTES,
    Declared,
    declared_charset,
    meta_charset,
    refusal,
    strict_pinned_form,
)

HEAD = b"<!doctype html><html><head>"


@pytest.mark.parametrize(
    ("page", "charset"),
    [
        (b'<meta charset="koi8-r">', "koi8-r"),
        (b"<META CHARSET=KOI8-R>", "koi8-r"),
        (b"<meta charset='  koi8-r  '>", "koi8-r"),
        (b"<meta/charset=koi8-r >", "koi8-r"),
        (b"<meta/charset=koi8-r/>", ""),  # the value is "koi8-r/": no charset's name
        (
            b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
            "windows-1251",
        ),
        (b"<meta content=\"text/html;charset = 'cp1252'\" http-equiv=content-type>", "cp1252"),
        (b'<meta http-equiv="content-type" content="text/html; CHARSET=\\"latin1\\"">', ""),
        (
            b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2; x=y">',
            "iso-8859-2",
        ),
        # a content charset without the http-equiv pragma declares nothing
        (b'<meta content="text/html; charset=koi8-r">', ""),
        (b'<meta name="description" content="charset=koi8-r">', ""),
        # the first attribute of a name counts; the charset attribute needs no pragma
        (b'<meta charset="koi8-r" charset="cp1252">', "koi8-r"),
        (b'<meta charset="cp1252" http-equiv="content-type" content="charset=koi8-r">', "cp1252"),
    ],
)
def test_a_meta_charset_is_read_as_the_standard_reads_it(page: bytes, charset: str) -> None:
    assert meta_charset(HEAD + page + b"<title>Terms</title>") == charset


@pytest.mark.parametrize(
    ("page", "charset"),
    [
        # in a comment, nothing is declared; the tag after the comment is
        (b'<!-- <meta charset="koi8-r"> --><meta charset="cp1252">', "cp1252"),
        (b'<!--> <meta charset="koi8-r">', "koi8-r"),  # "<!-->" is a whole comment
        (b'<!-- never closed <meta charset="koi8-r">', ""),
        # inside another tag's attribute value it is no tag
        (b'<a title="<meta charset=koi8-r>">terms</a><meta charset=cp1252>', "cp1252"),
        # a script's text is scanned, as browsers scan it
        (b'<script>var tag = "<meta charset=koi8-r>";</script><meta charset=cp1252>', "koi8-r"),
        (b'<?xml version="1.0" encoding="koi8-r"?><meta charset=cp1252>', "cp1252"),
        (b"<metadata charset=koi8-r><meta charset=cp1252>", "cp1252"),
        # a name no codec has is passed over, the next tag's is taken
        (b'<meta charset="no-such-charset"><meta charset="cp1252">', "cp1252"),
        (b'<meta charset="no-such-charset">', ""),
        # a 16- or 32-bit charset is read as UTF-8, x-user-defined as windows-1252
        (b'<meta charset="utf-16">', "utf-8"),
        (b'<meta charset="UTF-16LE">', "utf-8"),
        (b'<meta charset="utf-32">', "utf-8"),
        (b'<meta charset="x-user-defined">', "windows-1252"),
        (b'<meta charset="koi8-r', ""),  # never closed
    ],
)
def test_hostile_and_odd_pages(page: bytes, charset: str) -> None:
    assert meta_charset(HEAD + page) == charset


def test_a_meta_after_the_first_1024_bytes_declares_nothing() -> None:
    tag = b'<meta charset="koi8-r">'
    fits = HEAD + b"x" * (PRESCAN_BYTES - len(HEAD) - len(tag)) + tag
    assert len(fits) == PRESCAN_BYTES and meta_charset(fits) == "koi8-r"
    crossing = fits[: -len(tag)] + b"x" + tag  # its closing quote is byte 1025
    assert meta_charset(crossing) == ""
    after = fits[: -len(tag)] + b"x" * 100 + tag
    assert meta_charset(after) == ""


def test_the_order_is_byte_order_mark_then_header_then_meta() -> None:
    page = HEAD + b'<meta charset="koi8-r">'
    assert declared_charset(page, "", html=True) == Declared("koi8-r", META)
    assert declared_charset(page, "KOI8-R", html=True) == Declared("KOI8-R", HEADER)
    assert declared_charset(page, "cp1252", html=True) == Declared("cp1252", HEADER, "koi8-r")
    assert declared_charset(b"\xef\xbb\xbf" + page, "cp1252", html=True) == Declared("utf-8", BOM)
    assert declared_charset(b"\xff\xfe" + page, "", html=True) == Declared("utf-16", BOM)
    # a page that is not HTML has no prescan
    assert declared_charset(page, "", html=False) == Declared("", "")


def test_a_meta_charset_goes_down_the_strict_path() -> None:
    body = HEAD + '<meta charset="koi8-r"><p>Условия</p>'.encode("koi8-r")
    found = declared_charset(body, "", html=True)
    assert strict_pinned_form(body, found.charset) == (body.decode("koi8-r").encode(), "koi8-r")
    broken = body + "\u00e9".encode("latin-1")  # 0xE9 is a letter in KOI8-R: still decodes
    assert strict_pinned_form(broken, "utf-8") is None
    said = refusal(broken, "utf-8", META)
    assert said.startswith("it is not text in the charset 'utf-8' its <meta> tag declares (the")
    assert refusal(b"\xff base64", "base64", META) == (
        "the charset 'base64' its <meta> tag declares is not a text encoding"
    )


def test_a_utf8_page_whose_meta_says_utf8_is_kept_byte_for_byte() -> None:
    body = HEAD + '<meta charset="utf-8"><p>Conditions générales</p>'.encode()
    found = declared_charset(body, "", html=True)
    assert found == Declared("utf-8", META)
    assert strict_pinned_form(body, found.charset) == (body, "")


def test_utf7_is_no_charset_a_page_is_pinned_in() -> None:
    assert strict_pinned_form(b"+ADw-script+AD4- \xff", "utf-7") is None
    assert "not a charset a page is written in" in refusal(b"+ADw- \xff", "utf-7")
