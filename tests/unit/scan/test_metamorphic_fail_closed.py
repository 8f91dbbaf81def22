"""Metamorphic fail-closed tests over the tune split's labelled passages.

Each labelled passage of a tune document (``tests/scan_labels/*.yaml`` with ``split: tune``) is
scanned alone. Where the scanner reads it as a value a rule could pass on (``never``,
``opt_in``, ``service_only``, ``available``, ``encrypted``, a deletion deadline), the passage is
rewritten in ways that must take that pass away, and the reading of the rewritten text is
checked to be no more permissive than the rewrite allows:

* a plan or region scope before or after it ("For Enterprise customers, ...", "... in the
  United States only."): the pass becomes ``undisclosed`` at best;
* an exception, a narrowing or a change foreseen after it ("There are limited exceptions to
  this.") or closing its sentence ("..., unless we decide otherwise."): ``undisclosed`` at best;
* a permissive sentence after it ("We may also use this data to train our models."): the fact
  reads the permissive value;
* the only negation dropped ("will not use" -> "will use"): no ``never``;
* a deadline hedged ("approximately", "or longer where required"): no number.

Rewrites that would be the rewrite's fault are not made; the reason stands beside each (a
scope on a quote of several sentences, a region or an exception in an agreement's sentence,
"up to" before a deadline).

The rewrites are written sentences (test data), not evidence of any vendor's practice. The
enumeration is deterministic: every tune passage, every rewrite, in file order. Held-out label
files are filtered out by their ``split`` before their document is opened.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from vendorgate.scan.detectors import HitValue
from vendorgate.scan.scanner import scan_text, suggest

REPO = Path(__file__).resolve().parents[3]
LABELS = REPO / "tests" / "scan_labels"

PRACTICES = frozenset(
    {
        "ai_training_customer_content",
        "ai_training_service_data",
        "ai_training_third_party",
        "advertising_use",
        "sale_of_data",
        "aggregated_data_use",
    }
)
AVAILABILITY = frozenset({"dpa_available", "baa_available", "scc_available"})
DEADLINES = frozenset({"deletion_after_termination_days", "breach_notification_hours"})

# Most exposed first; `undisclosed` ranks above every value a rule could pass on.
ORDERS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(PRACTICES, ("always", "opt_out", "undisclosed", "opt_in", "never")),
    **dict.fromkeys(AVAILABILITY, ("not_available", "on_request", "undisclosed", "available")),
    "content_license_scope": (
        "any_purpose",
        "service_and_improvement",
        "undisclosed",
        "service_only",
    ),
    "encryption_at_rest": ("not_encrypted", "undisclosed", "encrypted"),
}
PASSING: dict[str, frozenset[str]] = {
    **dict.fromkeys(PRACTICES, frozenset({"never", "opt_in"})),
    **dict.fromkeys(AVAILABILITY, frozenset({"available"})),
    "content_license_scope": frozenset({"service_only"}),
    "encryption_at_rest": frozenset({"encrypted"}),
}

# More permissive sentences: the same practice drafted another way (a pronoun for the data, a
# third party doing it, the data derived from the content).
MORE_PERMISSIVE: dict[str, tuple[str, ...]] = {
    "ai_training_customer_content": (
        "We may use it to improve our machine learning models.",
        "Your content may be used to train our AI systems.",
    ),
    "ai_training_third_party": ("Our AI providers may use your content to train their models.",),
    "advertising_use": ("We use your information to show you personalised ads.",),
    "sale_of_data": ("We may sell it to data brokers.", "We sell personal information."),
    "aggregated_data_use": (
        "We may use de-identified data derived from your content for our own purposes.",
    ),
    "content_license_scope": ("We may also use your content to improve our products.",),
}
CLAUSE_EXCEPTIONS = (", except as described in this policy.", ", unless we decide otherwise.")
"""An exception closing the passage's own sentence."""

# A permissive sentence for each practice, naming the data the fact is about, so the sentence
# is read as the same fact and not as a neighbouring one.
PERMISSIVE_SENTENCE: dict[str, tuple[str, str]] = {
    "ai_training_customer_content": (
        "We may also use this data to train our models.",
        "always",
    ),
    "ai_training_service_data": (
        "We may also use usage data to train our artificial intelligence models.",
        "always",
    ),
    "ai_training_third_party": (
        "We may also let third parties use your content to train their AI models.",
        "always",
    ),
    "advertising_use": ("We may share it with advertising partners.", "always"),
    "sale_of_data": ("We may also sell your personal information to third parties.", "always"),
    "aggregated_data_use": (
        "We may also use aggregated and de-identified data for any purpose.",
        "always",
    ),
    "content_license_scope": (
        "We may also use your content to develop new products and services.",
        "service_and_improvement",
    ),
    "encryption_at_rest": ("Backups of your data are not encrypted at rest.", "undisclosed"),
    "dpa_available": ("We do not offer a data processing agreement.", "undisclosed"),
    "scc_available": ("We do not offer standard contractual clauses.", "undisclosed"),
}
EXCEPTIONS = (
    "This does not apply to content you share publicly.",
    "There are limited exceptions to this.",
    "Some exceptions apply.",
    "This applies only to Enterprise accounts.",
    "However, this may change in the future.",
    "We may make exceptions at our discretion.",
    "Exceptions are described in Section 4.",
    "This applies to our free plan only.",
)
PLAN_PREFIXES = (
    "For Enterprise customers, ",
    "On our Business plan, ",
    "If you use our free plan, ",
)
HEDGE_PREFIXES = ("Generally, ", "Where possible, ")
# "Currently" holds back a denial (a practice denied for now only) but not a state: encryption
# or an agreement "currently" had is had, as the scanner reads "currently available".
DENIAL_HEDGE_PREFIXES = ("Currently, ",)
REGION_PREFIXES = ("For users in California, ", "In the EU, ", "For residents of Canada, ")
PLAN_SUFFIXES = (
    " for Enterprise customers only.",
    " for customers on paid plans.",
    " for accounts on our Free plan.",
)
REGION_ONLY_SUFFIXES = (" in the United States only.",)
REGION_SUFFIXES = (" for users in the European Union.",)
# "up to" is not among the hedges: "within up to 90 days" states the same most the deletion
# may take as "within 90 days" (a deadline is a maximum), so the number it keeps is no lapse;
# "approximately" and "or longer" leave the most open.
HEDGES = ("approximately", "or longer where required")

UNDISCLOSED = "undisclosed"
NEGATION = re.compile(r"\b(?:not|never)\b|n't\b", re.IGNORECASE)
# The count of a deadline with its unit, and the spelled-out count before a parenthesised one
# ("thirty (30) calendar days"), so the hedge goes before the whole count.
NUMBER = re.compile(
    r"(?:\b[a-z-]+ (?=\(\d))?\(?\b\d+\)?(?: calendar| business)? (?:days?|months?|hours?)\b",
    re.IGNORECASE,
)
# Contractions whose verb stands without the "n't" ("won't" -> "will", not "wo").
CONTRACTED = {"won't": "will", "can't": "can", "shan't": "shall"}


@dataclass(frozen=True)
class Case:
    """A labelled tune passage, a rewrite of it, and the least exposed reading allowed."""

    passage: str
    """The label file, the fact and the opening of the quote: the test's id."""
    name: str
    fact: str
    mutation: str
    """The kind of rewrite: ``scope``, ``exception``, ``permissive``, ``negation``, ``hedge``."""
    original: str
    mutated: str
    ceiling: str
    """``undisclosed``/a value: no more permissive than this; ``not never``: anything else;
    ``no number``: no integer."""


def tune_passages() -> Iterator[tuple[str, str, str]]:
    """(label file stem, fact, quote) of every labelled passage of the tune split."""
    for path in sorted(LABELS.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if str(data.get("split", "tune")) != "tune":
            continue
        for item in data.get("labels") or []:
            yield path.stem, str(item["fact"]), " ".join(str(item["quote"]).split())


def reading(text: str, fact: str) -> HitValue:
    """The value the scanner suggests for ``fact`` from ``text``; ``undisclosed`` when none."""
    for suggestion in suggest(scan_text(text)):
        if suggestion.fact == fact:
            return suggestion.value if suggestion.value is not None else UNDISCLOSED
    return UNDISCLOSED


def passes(fact: str, value: HitValue) -> bool:
    if fact in DEADLINES:
        return isinstance(value, int)
    return isinstance(value, str) and value in PASSING.get(fact, frozenset())


def sentence(quote: str) -> str:
    """The quote as a sentence of its own, ending in a full stop."""
    stripped = quote.rstrip()
    return stripped if stripped.endswith((".", "!", "?")) else stripped.rstrip(",;:") + "."


SENTENCE_BREAK = re.compile(r"[.!?;:]\s+(?=[A-Z(])")


def scoped(fact: str, quote: str) -> Iterator[tuple[str, str]]:
    # A prefix scopes the first sentence and a suffix the last: a quote of several sentences
    # may deny in another one ("... serve as a Notice at Collection. ... we are not in the
    # business of selling ..."), which the rewrite then leaves unscoped, so only quotes of one
    # sentence are scoped.
    if SENTENCE_BREAK.search(quote):
        return
    # SCCs and a DPA are the instruments of a region's law ("For transfers from the EEA, we
    # rely on the Standard Contractual Clauses."): a region opening or closing the sentence
    # does not narrow them, so agreements get plans and a region said to be the only one.
    agreement = fact in AVAILABILITY
    prefixes = PLAN_PREFIXES + HEDGE_PREFIXES + (() if agreement else REGION_PREFIXES)
    if fact in PRACTICES or fact == "content_license_scope":
        prefixes += DENIAL_HEDGE_PREFIXES
    suffixes = PLAN_SUFFIXES + REGION_ONLY_SUFFIXES + (() if agreement else REGION_SUFFIXES)
    for prefix in prefixes:
        head = quote[:1].lower() if not quote[:2].isupper() else quote[:1]
        yield f"scope prefix {prefix.strip()!r}", prefix + head + quote[1:]
    for suffix in suffixes:
        yield f"scope suffix {suffix.strip()!r}", sentence(quote)[:-1] + suffix


def without_negation(quote: str) -> str | None:
    """The quote with its only negation dropped; None when it has none or several."""
    found = list(NEGATION.finditer(quote))
    if len(found) != 1:
        return None
    match = found[0]
    if match.group(0).lower() == "n't":
        word = re.search(r"\w+n't\b", quote[: match.end()], re.IGNORECASE)
        if word is None:
            return None
        verb = CONTRACTED.get(word.group(0).lower(), word.group(0)[:-3])
        return quote[: word.start()] + verb + quote[word.end() :]
    return re.sub(r"\s+", " ", quote[: match.start()] + quote[match.end() :]).strip()


def hedged(quote: str) -> Iterator[tuple[str, str]]:
    match = NUMBER.search(quote)
    if match is None:
        return
    head, number, tail = quote[: match.start()], match.group(0), quote[match.end() :]
    for hedge in HEDGES:
        if hedge.startswith("or "):
            yield f"hedge {hedge!r}", f"{head}{number} {hedge}{tail}"
        else:
            yield f"hedge {hedge!r}", f"{head}{hedge} {number}{tail}"


def mutations(fact: str, quote: str) -> Iterator[tuple[str, str, str]]:
    """(mutation, rewritten text, ceiling) for a passage read as passing."""
    if fact in DEADLINES:
        for name, text in hedged(quote):
            yield name, text, "no number"
        return
    for name, text in scoped(fact, quote):
        yield name, text, UNDISCLOSED
    for exception in EXCEPTIONS:
        yield f"exception {exception!r}", f"{sentence(quote)} {exception}", UNDISCLOSED
    # An exception in an agreement's own sentence is most often about something else ("The DPA
    # prevails over these Terms, except as to liability."), so it takes no availability away;
    # an agreement gets the exception of the vendor's leave only.
    clause_exceptions = CLAUSE_EXCEPTIONS[1:] if fact in AVAILABILITY else CLAUSE_EXCEPTIONS
    if not SENTENCE_BREAK.search(quote):
        for exception in clause_exceptions:
            written = sentence(quote)[:-1] + exception
            yield f"exception in its sentence {exception!r}", written, UNDISCLOSED
    if fact in PERMISSIVE_SENTENCE:
        permissive, value = PERMISSIVE_SENTENCE[fact]
        yield f"permissive {permissive!r}", f"{sentence(quote)} {permissive}", value
        for permissive in MORE_PERMISSIVE.get(fact, ()):
            yield f"permissive {permissive!r}", f"{sentence(quote)} {permissive}", value
    if fact in PRACTICES:
        dropped = without_negation(quote)
        if dropped is not None:
            yield "negation dropped", dropped, "not never"


def cases() -> Iterator[Case]:
    for stem, fact, quote in tune_passages():
        if not passes(fact, reading(quote, fact)):
            continue
        for index, (mutation, text, ceiling) in enumerate(mutations(fact, quote)):
            passage = f"{stem}:{fact}:{quote[:40]}"
            name = f"{passage}:{index}:{mutation}"
            yield Case(passage, name, fact, mutation.split(" ")[0], quote, text, ceiling)


def within(case: Case, value: HitValue) -> bool:
    """Whether ``value`` is no more permissive than the case allows."""
    if case.ceiling == "no number":
        return not isinstance(value, int)
    if case.ceiling == "not never":
        return value != "never"
    return _rank(case.fact, value) <= _rank(case.fact, case.ceiling)


def _rank(fact: str, value: HitValue) -> int:
    """How permissive ``value`` is, most exposed 0; a value outside the order (none read)
    counts as the most permissive, so a lost reading never passes a case."""
    order = ORDERS[fact]
    return order.index(value) if isinstance(value, str) and value in order else len(order)


CASES = tuple(cases())
PASSAGES: dict[str, tuple[Case, ...]] = {}
for _case in CASES:
    PASSAGES[_case.passage] = (*PASSAGES.get(_case.passage, ()), _case)
"""The cases by passage: one test per passage keeps the run short (pytest's cost per test
outweighs a scan of one rewrite), and its message names every rewrite that failed."""


def test_the_tune_split_gives_cases_of_every_mutation() -> None:
    kinds = {case.mutation for case in CASES}
    assert kinds == {"scope", "exception", "permissive", "negation", "hedge"}
    assert len(CASES) > 2000


@pytest.mark.parametrize("passage", sorted(PASSAGES))
def test_a_rewrite_that_takes_the_pass_away_takes_it_away(passage: str) -> None:
    failed = []
    for case in PASSAGES[passage]:
        value = reading(case.mutated, case.fact)
        if not within(case, value):
            failed.append(f"{case.fact}={value!r} (at most {case.ceiling}) from {case.mutated!r}")
    first = PASSAGES[passage][0]
    alone = reading(first.original, first.fact)
    assert not failed, f"the passage alone reads {alone!r}; " + "; ".join(failed)
