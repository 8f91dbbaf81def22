"""Splitting terms documents into sections, on the shipped snapshots and on small made-up ones."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from tests.support.cli import REPO
from vendorgate.text.sections import Section, find_section, section_at, split_sections

ZOOM = REPO / "snapshots" / "zoom" / "terms-of-service"
SNAPSHOTS = sorted((REPO / "snapshots").glob("*/*/*.md"))


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _section_of(text: str, phrase: str) -> Section:
    sections = split_sections(text)
    offset = text.index(phrase)
    found = section_at(sections, offset)
    assert found is not None
    return found


def test_zoom_march_2023_clauses_10_2_and_10_4() -> None:
    sections = split_sections(_read(ZOOM / "2023-04-01.md"))
    s102 = find_section(sections, "10.2")
    s104 = find_section(sections, "10.4")
    assert s102 is not None and s104 is not None
    assert s102.heading == "Service Generated Data; Consent to Use"
    assert s104.heading == "Customer License Grant"
    assert s104.text.startswith("**10.4 Customer License Grant**.")
    assert "for the purpose of product and service development" in s104.text
    assert "Service Generated Data for any purpose" in s102.text
    assert "Service Generated Data for any purpose" not in s104.text


def test_zoom_top_level_numbers_come_from_sub_clauses_not_list_numbers() -> None:
    text = _read(ZOOM / "2023-04-01.md")
    sections = split_sections(text)
    ten = find_section(sections, "10")
    assert ten is not None
    assert ten.heading == "CUSTOMER CONTENT"
    # the archived Markdown list numbered it 27.
    assert ten.text.startswith("27. **CUSTOMER CONTENT**")
    twenty_seven = find_section(sections, "27")
    assert twenty_seven is not None
    assert twenty_seven.heading.startswith("DISPUTE RESOLUTION")


def test_zoom_headings_without_sub_clauses_are_counted_from_neighbours() -> None:
    text = _read(ZOOM / "2023-04-01.md")
    # The profile cites section 20 for the business associate agreement sentence.
    section = _section_of(text, "even if also subject to a separate business associate agreement")
    assert (section.number, section.heading) == ("20", "MEDICAL DEVICE")
    last = split_sections(text)[-1]
    assert (last.number, last.heading) == ("34", "DEFINITIONS")


def test_zoom_august_bold_paragraph_belongs_to_10_2() -> None:
    text = _read(ZOOM / "2023-08-11.md")
    phrase = "**Zoom does not use any of your audio, video, chat, screen sharing"
    section = _section_of(text, phrase)
    assert section.number == "10.2"
    assert section.heading == "Permitted Uses and Customer License Grant"
    ten = find_section(split_sections(text), "10")
    assert ten is not None and ten.heading == "DATA USAGE, LICENSES AND RESPONSIBILITIES"


@pytest.mark.parametrize("path", SNAPSHOTS, ids=lambda p: str(p.relative_to(REPO / "snapshots")))
def test_sections_tile_every_shipped_snapshot(path: Path) -> None:
    text = _read(path)
    sections = split_sections(text)
    assert sections, "every shipped document has some text"
    assert "".join(s.text for s in sections) == text[sections[0].start :]
    assert text[: sections[0].start].strip() == ""
    for before, after in itertools.pairwise(sections):
        assert before.end == after.start
    for section in sections:
        assert section.text == text[section.start : section.end]
        assert section.line == text.count("\n", 0, section.start) + 1
        assert "*" not in section.heading and "\\" not in section.heading


def test_plain_markdown_headings_with_and_without_numbers() -> None:
    text = (
        "Intro line.\n\n"
        "### 1\\. Basic Information[](#1-basic-information)\n\nBody one.\n\n"
        "#### **2.1 Permitted Use**\n\nBody two.\n\n"
        "## About our services\n\nBody three.\n\n"
        "NOTICES\n-------\n\nBody four.\n"
    )
    got = [(s.number, s.heading) for s in split_sections(text)]
    assert got == [
        ("", ""),
        ("1", "Basic Information"),
        ("2.1", "Permitted Use"),
        ("", "About our services"),
        ("", "NOTICES"),
    ]
    assert split_sections(text)[0].label == "(preamble)"
    assert split_sections(text)[2].label == "2.1 Permitted Use"


def test_bold_clause_shapes() -> None:
    text = (
        "**12.1** **Charges**. You agree.\n\n"
        "**27.2****Exceptions to Arbitration**. Claims.\n\n"
        "**1.1.** The Website is provided.\n\n"
        "**3.3** GitLab uses session replay tools.\n\n"
        "**10.4 Customer License Grant**. You agree to grant.\n"
    )
    got = [(s.number, s.heading, s.line) for s in split_sections(text)]
    assert got == [
        ("12.1", "Charges", 1),
        ("27.2", "Exceptions to Arbitration", 3),
        ("1.1", "", 5),
        ("3.3", "", 7),
        ("10.4", "Customer License Grant", 9),
    ]


def test_numbered_paragraphs_written_as_text() -> None:
    text = (
        "1\\. **Your Privacy.** Your privacy is important to us.\n\n"
        "2\\. Who are we?\n\nWe are a company.\n"
    )
    got = [(s.number, s.heading) for s in split_sections(text)]
    assert got == [("1", "Your Privacy"), ("2", "Who are we?")]


def test_emphasised_sentences_are_not_headings() -> None:
    text = "**1.1 Scope**. Text.\n\n**We never sell your data.**\n\nMore.\n"
    sections = split_sections(text)
    assert [(s.number, s.heading) for s in sections] == [("1.1", "Scope")]
    assert "We never sell" in sections[0].text


def test_sequential_list_headings_keep_their_numbers() -> None:
    text = "1.  **Agreement**\n\nText.\n\n2.  **The Service**\n\nText.\n"
    assert [s.number for s in split_sections(text)] == ["1", "2"]


def test_renumbered_list_headings_without_clauses_get_no_number() -> None:
    text = "1. **FIRST**\n\nText.\n\n4. **SECOND**\n\nText.\n"
    got = [(s.number, s.heading) for s in split_sections(text)]
    assert got == [("", "FIRST"), ("", "SECOND")]


def test_list_numbers_are_not_guessed_when_the_count_disagrees() -> None:
    # Between 1 and 5 only one heading: it cannot be told whether it is 2, 3 or 4.
    text = (
        "1. **ALPHA**\n\n**1.1 A**. a\n\n"
        "5. **BETA**\n\nb\n\n"
        "9. **GAMMA**\n\n**5.1 C**. c\n\n"
        "12. **DELTA**\n\nd\n"
    )
    got = [(s.number, s.heading) for s in split_sections(text) if len(s.heading) > 1]
    assert got == [("1", "ALPHA"), ("", "BETA"), ("5", "GAMMA"), ("6", "DELTA")]


def test_section_at_boundaries() -> None:
    text = "Preamble.\n\n**1.1 A**. a\n\n**1.2 B**. b\n"
    sections = split_sections(text)
    assert section_at(sections, 0) is sections[0]
    second = text.index("**1.2")
    assert section_at(sections, second - 1) is sections[1]
    assert section_at(sections, second) is sections[2]
    assert section_at(sections, len(text) - 1) is sections[2]
    assert section_at(sections, len(text)) is None
    assert section_at(sections, -1) is None
    assert section_at([], 0) is None


def test_blank_preamble_and_empty_text() -> None:
    assert split_sections("") == []
    assert split_sections("\n\n   \n") == []
    sections = split_sections("\n\n**2.1 X**. y\n")
    assert [s.number for s in sections] == ["2.1"]
    assert sections[0].line == 3
    assert section_at(sections, 0) is None


def test_bold_escaped_top_level_headings_of_the_2026_zoom_terms() -> None:
    text = _read(ZOOM / "2026-08-06.md")
    sections = split_sections(text)
    one = find_section(sections, "1")
    assert one is not None and one.heading == "ACCOUNT INFORMATION; SHARING"
    section = _section_of(text, "even if also subject to a separate business associate agreement")
    assert (section.number, section.heading) == ("20", "MEDICAL DEVICE")


def test_sub_clauses_opening_a_paragraph_in_plain_text() -> None:
    text = (
        "### 10\\. Submitted Content\n\n"
        "10.1. **Content of Communications.** The Company is not the source.\n\n"
        "10.2 The Company does not claim ownership\n"
        "1.5 million users are not a clause: this line continues a paragraph.\n"
    )
    got = [(s.number, s.heading) for s in split_sections(text)]
    assert got == [("10", "Submitted Content"), ("10.1", "Content of Communications"), ("10.2", "")]


def test_splitting_the_same_text_again_gives_the_same_sections_in_a_list_of_its_own() -> None:
    # written for this test: two documents that differ only in their second heading
    first = "# 1. Terms\n\nSome text.\n\n# 2. Data\n\nMore text.\n"
    second = first.replace("2. Data", "2. Privacy")
    once = split_sections(first)
    again = split_sections(first)
    assert again == once and again is not once
    again.clear()  # a caller's list is its own: the next split is whole
    assert split_sections(first) == once
    assert [s.heading for s in split_sections(second)] == ["Terms", "Privacy"]
    assert split_sections(first) == once
