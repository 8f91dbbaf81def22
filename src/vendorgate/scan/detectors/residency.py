"""Where customer data is stored or processed."""

from __future__ import annotations

import re
from collections.abc import Iterable

from vendorgate.scan.detectors.cues import rx
from vendorgate.scan.detectors.hit import Hit
from vendorgate.scan.document import Sentence

ID = "residency"
FACTS: tuple[str, ...] = ("data_residency_regions",)


PLACES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("us", re.compile(r"\bunited states(?: of america)?\b|\bu\.s\.(?:a\.)?|\busa\b")),
    (
        "eu",
        re.compile(
            r"\beuropean union\b|\beu\b|\bgermany\b|\bbelgium\b|\bfrance\b|\bireland\b|"
            r"\bnetherlands\b|\bluxemb(?:o)?urg\b|\bsweden\b|\bfinland\b|\bdenmark\b|\baustria\b|"
            r"\bitaly\b|\bspain\b|\bportugal\b|\bpoland\b|\bbulgaria\b|\bfrankfurt\b|\bdublin\b|"
            r"\bamsterdam\b|\bparis\b|\beurope\b"
        ),
    ),
    ("eea", re.compile(r"\beuropean economic area\b|\beea\b")),
    ("ch", re.compile(r"\bswitzerland\b|\bswiss\b")),
    ("uk", re.compile(r"\bunited kingdom\b|\buk\b|\bgreat britain\b|\bengland\b")),
    ("ca", re.compile(r"\bcanada\b")),
    ("au", re.compile(r"\baustralia\b")),
    ("jp", re.compile(r"\bjapan\b")),
    ("in", re.compile(r"\bindia\b")),
    ("sg", re.compile(r"\bsingapore\b")),
    ("br", re.compile(r"\bbrazil\b")),
    (
        "global",
        re.compile(
            r"\bother countries\b|\belsewhere\b|\bglobally\b|\bworldwide\b|\baround the world\b|"
            r"\bany country\b|\b(?:multiple|many|several|various|different|numerous) countries\b|"
            r"\bcountries other than\b|\bacross the (?:world|globe)\b"
        ),
    ),
)
STORED = re.compile(
    r"\bstor\w*|\bhost\w*|\bprocess\w*|\blocated\b|\bservers?\b|\bdata ?cent(?:er|re)s?\b|"
    r"\btransfer\w*|\breside\b|\bkept\b|\bperform\w*\b"
)
LOCATION_DATA = re.compile(
    r"\bdata\b|\binformation\b|\bcontent\b|\bservers?\b|\bprocessing\b|\btransfers\b|"
    r"\bservices are hosted\b|\bsub-?contractors\b|\bmetadata\b|"
    r"\b(?:files|documents|messages|recordings|backups|emails)\b"
)
NOT_LOCATION = rx(
    r"\bcourts?\b",
    r"\blaws? of\b",
    r"\bgoverning law\b",
    r"\blocated at\b",
    r"\baddress\b",
    r"\bexport\b",
    r"\bsanctions?\b|\bembargo\w*",
    r"\btax\w*",
    r"\bdomiciled\b",
    r"\bcitizens?\b",
    r"\bresident in\b",
    r"\bheadquarter\w*",
    r"\bworldwide, non-exclusive\b|\bworldwide licen[cs]e\b|\bnon-exclusive, worldwide\b",
    r"\busers worldwide\b",
    # a definition ("'EU' means ..."), not "which means personal data may be transferred"
    r"(?<!which )(?<!this )(?<!that )(?<!by )\bmeans\b",
    r"\bsupervisory authority\b",
    r"\bdata privacy framework\b|\bdpf\b|\bprivacy shield\b",
)
TRANSFER_SAFEGUARDS = re.compile(
    r"\bsafeguards?\b|\badequa\w+|\bstandard (?:contractual|data protection) clauses\b|"
    r"\bbinding corporate rules\b"
)
LOCATION_HEADER = re.compile(r"server location|data ?cent|hosting|storage|data location|region")


def detect(s: Sentence) -> list[Hit]:
    """Where customer data is stored or processed."""
    text = s.low
    if s.unit.kind == "row":
        return _residency_row(s)
    if not any(pattern.search(text) for _, pattern in PLACES):
        return []
    if NOT_LOCATION.search(text) or not LOCATION_DATA.search(text):
        return []
    if re.match(r"(?:if|to the extent|where)\b", text) and TRANSFER_SAFEGUARDS.search(text):
        # a condition under which transfer safeguards apply, not where data is kept
        return []
    found: set[str] = set()
    focus: list[tuple[int, int]] = []
    offset = 0
    for clause in re.split(r"(?<=;)", text):
        # a place counts only in a clause that also says data is stored, hosted or moved
        if STORED.search(clause):
            for region, where in _places(clause):
                found.add(region)
                focus.append((offset + where.start(), offset + where.end()))
        offset += len(clause)
    if not found:
        return []
    span = (min(a for a, _ in focus), max(b for _, b in focus))
    return [Hit("data_residency_regions", tuple(sorted(found)), 0.75, span, 1, cue="location")]


def _places(text: str, in_prose: bool = True) -> Iterable[tuple[str, re.Match[str]]]:
    """Regions named as where data goes (not where it comes from or is kept out of); in prose a
    storing verb must lead to the place, in a table cell the column says what it is."""
    origins = [
        (m.start(), _end_of_from(text, m.end()))
        for m in re.finditer(r"\bfrom\b", text)
        # "stored in or accessed from": where data is reached from is where it is processed
        if not re.search(r"\b(?:accessed|accessible|processed|hosted|served)\s$", text[: m.start()])
    ]
    negated = bool(re.search(r"\b(?:not|never|no)\b[^.;]{0,60}\boutside\b", text))
    for region, pattern in PLACES:
        for match in pattern.finditer(text):
            if any(a <= match.start() < b for a, b in origins) or _not_a_place(
                text, match, in_prose
            ):
                continue
            before = text[max(0, match.start() - 60) : match.start()]
            outside = re.search(r"\boutside\b", before)
            if outside and not negated and region != "global":
                yield "global", match
            else:
                yield region, match


NAME_AFTER_PLACE = re.compile(
    r"[- ]?(?:standard|commission|-us|us\b|gdpr|addendum|extension|data privacy|dpf|regulation|"
    r"government|department|federal|district|patent|dollars|gmbh|inc\b|ltd|sarl|llc|ag\b|bv\b|"
    r"ab\b|sa\b|pvt|corporation|member state law|laws?\b|public|governmental|authorit|"
    r"residents?\b|individuals?\b|citizens?\b)"
)


STORED_TOWARDS = re.compile(
    r"\b(?:stor\w*|host\w*|process\w*|transfer\w*|located|servers?|data ?cent\w*|reside\w*|"
    r"perform\w*|kept|processing)\b[^.;]{0,100}?\b(?:in|within|to|on|throughout|into|outside)\b"
)
PEOPLE = (
    r"\b(?:you|individuals?|residents?|users?|persons?|people|customers?|citizens?|sellers?|"
    r"merchants?|buyers?|members?|subscribers?|consumers?|visitors?|children|minors|data subjects?|"
    r"end users?|businesses|companies|entities|organi[sz]ations|controllers?|developers?|"
    r"partners?|employees|candidates|applicants|patients|students|account holders?)\b"
)
PEOPLE_IN = re.compile(
    PEOPLE + r"(?: are| is| who are| that are| who| that| located| based| living| live| lives|"
    r" residing| reside| resides| established| incorporated| registered| domiciled| organi[sz]ed|"
    r" operating| doing business)*\s+(?:in|from|of|within|outside)\b"
)
PEOPLE_AT = re.compile(
    PEOPLE + r"(?: who| that)?(?: are| is)?(?: \w+ly)? (?:located|based|living|live|lives|residing|"
    r"reside|resides|established|incorporated|registered|domiciled|organi[sz]ed|operating)"
    r" (?:in|within|outside) (?:the )?$"
)
"""Where people or businesses are ("sellers established in the EU"), not where data is."""


def _not_a_place(text: str, match: re.Match[str], in_prose: bool = True) -> bool:
    """A region word used as a name (``EU Standard Contractual Clauses``, ``Zeta Project Germany
    GmbH``, ``United States Government``), inside a postal address, in a licence's
    ``worldwide``, where people are rather than data, or not reached by a storing verb."""
    after = text[match.end() : match.end() + 40]
    if NAME_AFTER_PLACE.match(after) or re.match(r"[^.;]{0,60}\blicen[cs]e\b", after):
        return True
    before = text[max(0, match.start() - 12) : match.start()]
    if re.search(r"\d[\d ,-]*$", before):
        return True
    if not in_prose:
        return False
    window = text[max(0, match.start() - 160) : match.start()]
    if PEOPLE_AT.search(window):
        return True
    leads = [m for m in STORED_TOWARDS.finditer(window) if len(window) - m.end() <= 100]
    if not leads:
        return match.group() not in ("elsewhere", "globally", "other countries")
    return bool(PEOPLE_IN.search(window[leads[-1].start() :]))


def _end_of_from(text: str, start: int) -> int:
    # "hosted from their data centers throughout the United States": what follows a data
    # centre is where the data is, not where it comes from
    stop = re.compile(
        r"\bto\b|\binto\b|[;:]|\bwithin\b|\bthroughout\b|\bdata ?cent(?:er|re)s?\b|\bincluding\b"
    )
    match = stop.search(text, start)
    return match.start() if match else len(text)


def _residency_row(s: Sentence) -> list[Hit]:
    """A sub-processor table row: the regions in its server-location column."""
    header = s.unit.header
    found: set[str] = set()
    for index, name in enumerate(header):
        if not LOCATION_HEADER.search(name) or index >= len(s.unit.cells):
            continue
        a, b = s.unit.cells[index]
        for region, _ in _places(s.low[a:b], in_prose=False):
            found.add(region)
    if not found:
        return []
    return [Hit("data_residency_regions", tuple(sorted(found)), 0.75, None, 1, cue="location")]
