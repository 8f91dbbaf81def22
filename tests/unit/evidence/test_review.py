"""The paragraph ``vendorgate review`` shows around a quote: found after normalisation, a
paragraph or the run of paragraphs the quote spans, and clipped around the quote."""

from __future__ import annotations

from vendorgate.evidence.review import context_of

TEXT = (
    "# Terms\n\n"
    "First paragraph, about nothing in particular.\n\n"
    "Second paragraph: we **never** sell\nyour data to anyone. It ends here.\n\n"
    "Third paragraph, also unrelated.\n"
)


def test_the_paragraph_holding_the_quote_normalised() -> None:
    found = context_of(TEXT, "we never sell your data")
    assert found is not None
    assert found.text == "Second paragraph: we never sell your data to anyone. It ends here."
    assert found.text[found.start : found.end] == "we never sell your data"


def test_a_quote_across_paragraphs_shows_all_of_them() -> None:
    found = context_of(TEXT, "in particular. Second paragraph")
    assert found is not None
    assert found.text.startswith("First paragraph") and found.text.endswith("It ends here.")


def test_a_quote_not_in_the_text_has_no_context() -> None:
    assert context_of(TEXT, "we always sell your data") is None
    assert context_of(TEXT, "never sel") is None  # whole words only, as evidence verify


def test_a_long_paragraph_is_cut_around_the_quote_on_word_boundaries() -> None:
    words = " ".join(f"word{i}" for i in range(400))
    found = context_of(f"{words} the quoted words here {words}\n", "the quoted words here", 100)
    assert found is not None
    assert found.text.startswith("\u2026 word") and found.text.endswith(" \u2026")
    assert len(found.text) <= 104
    assert found.text[found.start : found.end] == "the quoted words here"
    around = found.text[: found.start] + found.text[found.end :]
    assert all(token.startswith("word") for token in around.split() if token != "\u2026")


def test_a_piece_of_html_reads_without_tags_and_with_references_decoded() -> None:
    from vendorgate.text.html import visible_text

    assert visible_text("Acme &amp; its <b>own</b>\n  terms&rsquo;") == "Acme & its own terms\u2019"
    assert visible_text("<script>hidden()</script>shown") == "shown"
