"""What a document's text says about itself: its title, its type, its effective date."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

_TYPE_CUES = (
    ("dpa", re.compile(r"data[\s_-]*process\w*[\s_-]*(agreement|addendum)|\bdpa\b", re.I)),
    ("baa", re.compile(r"business[\s_-]*associate", re.I)),
    ("subprocessor_list", re.compile(r"sub-?processors?", re.I)),
    ("ai_addendum", re.compile(r"\bai\b[\s_-]*(addendum|terms)", re.I)),
    ("privacy_policy", re.compile(r"privacy", re.I)),
    (
        "terms_of_service",
        re.compile(r"terms|conditions|\btos\b|(user|services?|subscription)\s+agreement", re.I),
    ),
    ("security_page", re.compile(r"security", re.I)),
)
_TITLE_WORDS = re.compile(r"terms|privacy|policy|agreement|notice|statement|addendum", re.I)
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_DATE_CUE = re.compile(
    r"(effective\s+(?:as\s+of|date|from|on)?|last\s+(?:updated|modified|revised)"
    r"|(?<!\w)updated(?:\s+on)?|version(?:\s+date)?)\s*[:\-\u2013]?\s*(?:on\s+)?",
    re.I,
)
_DATE_FORMS = (
    re.compile(
        r"(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"
    ),
    re.compile(
        r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>[A-Za-z]{3,9})\.?,?\s+(?P<year>\d{4})"
    ),
    re.compile(r"(?P<year>\d{4})-(?P<num>\d{2})-(?P<day>\d{2})"),
    re.compile(r"(?P<day>\d{1,2})/(?P<num>\d{1,2})/(?P<year>\d{4})"),
)
_SHORT_LINE = 60
_OPENING_CHARS = 600
_DATE_WINDOW = 40
_SCAN_CHARS = 30_000


def read_title(text: str) -> str:
    """The document's title: its first level-1 heading, else the first early heading that
    names a kind of document (``The GitHub Terms of Service``); empty when none does."""
    from vendorgate.text.sections import split_sections

    first = re.search(r"^# +(.+?)[ #]*$", text[:_SCAN_CHARS], re.MULTILINE)
    if first:
        return _plain(first[1])
    for section in split_sections(text[:_SCAN_CHARS])[:6]:
        if section.heading and _TITLE_WORDS.search(section.heading):
            return section.heading
    return ""


def _plain(text: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[*_`\\]", "", text).strip()


def infer_type(title: str, file_name: str, opening: str = "") -> str:
    """The document type the title, else the file name, else the opening lines suggest;
    ``other`` when none does."""
    for source in (title, Path(file_name).name, opening[:_OPENING_CHARS]):
        for doc_type, cue in _TYPE_CUES:
            if cue.search(source):
                return doc_type
    return "other"


def read_effective_date(text: str) -> tuple[date | None, str]:
    """The date the text gives after an effective-date cue, and the words it was read from
    (``Effective date: April 27, 2026``). A cue on a short line of its own wins over one in
    a sentence (``Effective as of July 1, 2021, SurveyMonkey Inc. became ...``)."""
    found = list(_dates(text[:_SCAN_CHARS]))
    standing = [(day, said) for day, said, short in found if short]
    chosen = standing or [(day, said) for day, said, _ in found]
    return chosen[0] if chosen else (None, "")


def _dates(head: str) -> Iterator[tuple[date, str, bool]]:
    for cue in _DATE_CUE.finditer(head):
        window = re.sub(r"[*_]", "", head[cue.end() : cue.end() + _DATE_WINDOW])
        for form in _DATE_FORMS:
            match = form.match(window)
            day = _as_date(match) if match else None
            if match and day is not None:
                line_start = head.rfind("\n", 0, cue.start()) + 1
                line_end = head.find("\n", cue.end())
                line = head[line_start : line_end if line_end >= 0 else len(head)]
                short = len(re.sub(r"[*_#>\s]", "", line)) <= _SHORT_LINE
                said = re.sub(r"\s+", " ", (cue[0] + match[0]).strip())
                yield day, said, short
                break


def _as_date(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    month = int(groups["num"]) if groups.get("num") else _MONTHS.get(groups["month"].lower())
    if month is None:
        return None
    try:
        return date(int(groups["year"]), month, int(groups["day"]))
    except ValueError:
        return None
