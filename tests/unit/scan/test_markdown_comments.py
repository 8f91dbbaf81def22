"""The scanner reads a Markdown document without its HTML comments, which no reader sees
(written sentences, no vendor's words): no passage or pointer in one, offsets kept."""

from __future__ import annotations

from vendorgate.scan.document import scanned_text
from vendorgate.scan.scanner import scan_loaded, scan_text

VISIBLE = (
    "# Acme Terms\n\n## 1. Content\n\n"
    "Acme never uses Customer Content to train AI models.\n\n"
    "Acme sells your personal data to advertisers.\n\n"
    "Acme uses subprocessors listed at acme.example/subprocessors to host your data.\n"
)


def test_nothing_is_read_from_a_comment() -> None:
    assert scan_text(VISIBLE)  # what the comment below holds reads as passages when shown
    commented = f"# Acme Terms\n\n<!--\n{VISIBLE}\n-->\n"
    result = scan_loaded(commented, "0" * 64, "acme.md")
    assert result.passages == () and result.suggestions == () and result.pointers == ()


def test_passages_after_a_comment_keep_their_offsets_and_lines() -> None:
    note = "<!-- a note\nof two lines -->\n"
    result = scan_loaded(note + VISIBLE, "0" * 64, "acme.md")
    alone = scan_loaded(VISIBLE, "0" * 64, "acme.md")
    assert alone.passages
    moved = [(p.fact, p.quote, p.start - len(note), p.line - 2) for p in result.passages]
    assert moved == [(p.fact, p.quote, p.start, p.line) for p in alone.passages]
    text = note + VISIBLE
    assert all(text[p.start : p.end] == p.quote for p in result.passages)
    assert [(p.fact, p.start - len(note)) for p in result.pointers] == [
        (p.fact, p.start) for p in alone.pointers
    ]


def test_an_html_page_is_left_to_its_own_view() -> None:
    page = "<!DOCTYPE html><p>shown</p><!-- kept for the HTML view to drop -->"
    assert scanned_text(page) == page
