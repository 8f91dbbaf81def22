"""Sections found in every corpus document, checked against a committed expectation each.

``tests/sections/<vendor>/<type>/<date>.yaml`` lists, for ``snapshots/<vendor>/<type>/<date>.md``,
the document's sha256, the warning :func:`structure_warning` gives (if any) and every section in
order as ``line | id | heading``. A change to ``sections.py`` that moves a heading shows up as a
readable diff of those files. After a deliberate change, regenerate them with
``VENDORGATE_REGEN_SECTIONS=1 pytest tests/unit/text/test_sections_corpus.py`` and read the diff.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.support.cli import REPO
from vendorgate.text.sections import (
    FEW_SECTIONS,
    Section,
    split_sections,
    structure_warning,
)

SNAPSHOTS = REPO / "snapshots"
EXPECTED = REPO / "tests" / "sections"
DOCUMENTS = sorted(SNAPSHOTS.glob("*/*/*.md"))
REGENERATE = os.environ.get("VENDORGATE_REGEN_SECTIONS") == "1"


def _row(section: Section) -> str:
    return f"{section.line} | {section.id} | {section.heading}"


def _observed(path: Path) -> dict[str, Any]:
    data = path.read_bytes()
    sections = split_sections(data.decode("utf-8"))
    return {
        "document": str(path.relative_to(REPO)),
        "sha256": hashlib.sha256(data).hexdigest(),
        "count": len(sections),
        "warning": structure_warning(sections, path.name),
        "sections": [_row(section) for section in sections],
    }


def _expectation_path(path: Path) -> Path:
    return (EXPECTED / path.relative_to(SNAPSHOTS)).with_suffix(".yaml")


def test_the_corpus_is_all_there() -> None:
    manifest = yaml.safe_load((SNAPSHOTS / "MANIFEST.yaml").read_text(encoding="utf-8"))
    listed = sorted(SNAPSHOTS / entry["file"] for entry in manifest["documents"])
    assert listed == DOCUMENTS
    assert len(DOCUMENTS) == 54


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: str(p.relative_to(SNAPSHOTS)))
def test_sections_match_the_committed_expectation(path: Path) -> None:
    observed = _observed(path)
    target = _expectation_path(path)
    if REGENERATE:
        target.parent.mkdir(parents=True, exist_ok=True)
        text = yaml.safe_dump(observed, sort_keys=False, allow_unicode=True, width=1000)
        target.write_text(text, encoding="utf-8")
    expected = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert expected["sha256"] == observed["sha256"], "the snapshot changed: regenerate"
    assert expected["sections"] == observed["sections"]
    assert (expected["count"], expected["warning"]) == (observed["count"], observed["warning"])


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: str(p.relative_to(SNAPSHOTS)))
def test_section_ids_are_unique(path: Path) -> None:
    ids = [section.id for section in split_sections(path.read_text(encoding="utf-8"))]
    assert len(ids) == len(set(ids))


def test_only_the_thinnest_documents_are_warned_about() -> None:
    warned = [p for p in DOCUMENTS if _observed(p)["warning"]]
    # Every corpus document has at least a few headings now; the warning is for new layouts.
    assert warned == []
    assert structure_warning(split_sections("Just one paragraph.\n"), "x.md") == (
        f"x.md: only 0 section heading(s) found (expected at least {FEW_SECTIONS}); "
        "sections named in quotes and in evidence diff may be imprecise for it"
    )


def _shape(text: str) -> list[tuple[str, str]]:
    return [(s.id, s.heading) for s in split_sections(text)]


def test_headings_indented_inside_list_items() -> None:
    text = (
        "* [Table of Contents](#toc)\n\n"
        "*   ### What we collect\n\n    We collect your email.\n\n"
        "    #### Cookies\n\n    We use cookies.\n\n"
        "1. ## Sharing\n\nWe share with processors.\n"
    )
    assert _shape(text) == [
        ("preamble", ""),
        ("h:what we collect", "What we collect"),
        ("h:cookies", "Cookies"),
        ("h:sharing", "Sharing"),
    ]


def test_parts_lettered_and_headings_linked_to_their_anchor() -> None:
    text = (
        "[A. Definitions](#a-definitions)\n--------------------------------\n\nWords.\n\n"
        "### [1\\. Account Controls](#1-account-controls)\n\nText.\n\n"
        "[B. Content](#b-content)\n------------------------\n\n"
        "### [1\\. Ownership](#1-ownership)\n\nText.\n"
    )
    assert _shape(text) == [
        ("A", "Definitions"),
        ("A.1", "Account Controls"),
        ("B", "Content"),
        ("B.1", "Ownership"),
    ]


def test_letters_below_a_numbered_heading_and_a_plain_list_heading() -> None:
    text = (
        "## 3. Sharing\n\n### G. Anonymous Information\n\nText.\n\n"
        "1.  General Terms.\n\n### F. Advertising.\n\nWe will not advertise.\n"
    )
    assert _shape(text) == [
        ("3", "Sharing"),
        ("3.G", "Anonymous Information"),
        ("1", "General Terms"),
        ("1.F", "Advertising"),
    ]


def test_nested_numbered_lists_and_lettered_items() -> None:
    text = (
        "1.  **Service**\n\n    1.  **Scope:** This governs.\n\n    2.  **Changes:** We change.\n\n"
        "2.  **Customer Files**\n\n    1.  **Permission:** None.\n\n"
        "### 3. Obligations\n\n(a) The Client shall ensure.\n\n(b) **Instructions.** OVH shall.\n"
    )
    assert _shape(text) == [
        ("1", "Service"),
        ("1.1", "Scope"),
        ("1.2", "Changes"),
        ("2", "Customer Files"),
        ("2.1", "Permission"),
        ("3", "Obligations"),
        ("3(a)", ""),
        ("3(b)", "Instructions"),
    ]


def test_bold_question_headings_but_not_bold_sentences_or_tables() -> None:
    text = (
        "**How long do we store your data?**\n\nAs long as needed.\n\n"
        "**We never sell your data.**\n\nMore.\n\n"
        "| **Kind** | Purpose |\n| --- | --- |\n| **Email** | Login |\n\n"
        '<h2>Cookies <a id="c"></a></h2>\n\nWe use cookies.\n\n'
        "```\n# not a heading\n```\n\n"
        "**Where do we store your data?**\n\nIn the EU.\n\n"
        "**Where do we store your data?**\n\nAgain.\n"
    )
    assert _shape(text) == [
        ("h:how long do we store your data?", "How long do we store your data?"),
        ("h:cookies", "Cookies"),
        ("h:where do we store your data?", "Where do we store your data?"),
        ("h:where do we store your data?#2", "Where do we store your data?"),
    ]
