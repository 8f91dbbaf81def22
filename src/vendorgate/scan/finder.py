"""The learned clause finder: sentences worded like the passages of a fact, for a person to read.

The detectors (:mod:`vendorgate.scan.detectors`) are hand-written rules; they find most of the
passages of the documents they were written against and far fewer of documents worded
otherwise. The finder is a linear model per fact over the words of a sentence and its context
(section heading, the text a list item hangs from, the sentence before), trained on the
labelled ``tune`` documents by ``bench/train_finder.py``. It *points*: a :class:`Pointer` says
"this sentence reads like a passage about F, and no rule quoted it". It suggests no value and
decides nothing: pointers never enter a suggestion, a profile, evidence or a verdict.

Everything is deterministic: features in a fixed order, weights as stored in the model file
(``vendorgate/data/finder.json``, read once, on first use), output sorted.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any, Protocol

from vendorgate.scan.document import Sentence, widen
from vendorgate.text.normalise import normalise


class Quoted(Protocol):
    """What the finder reads of a rule passage (:class:`vendorgate.scan.scanner.Passage`)."""

    @property
    def fact(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


MODEL_FILE = "data/finder.json"
"""The model, inside the ``vendorgate`` package."""
FEATURES_VERSION = 1
"""Bumped whenever :func:`features` changes; a model of another version is refused."""
SHOWN_WORDS = 3
"""How many of the weightiest features a pointer names."""
_LEAD_CHARS = 200
"""Only the end of a long lead (the text a list item hangs from) is read."""

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")
_SUFFIXES = (
    ("ies", "y", 5),
    ("sses", "ss", 5),
    ("ing", "", 6),
    ("ed", "", 5),
    ("es", "e", 5),
    ("s", "", 4),
)
"""(suffix, replacement, shortest word it is cut from): a crude stemmer, enough to make
"shares", "shared" and "sharing" one word for the model."""


@dataclass(frozen=True)
class Pointer:
    """A sentence worded like a passage of one fact that no rule of that fact quoted."""

    fact: str
    """Vocabulary name of the fact it reads like."""
    score: float
    """The model's score, 0..1 (higher reads more like the fact's labelled passages)."""
    section: str
    """Section number (``10.4``); empty when the document does not number it."""
    heading: str
    """Section heading; empty when none."""
    quote: str
    """Verbatim text of the document (raw, Markdown included)."""
    start: int
    """Offset of the quote in the document."""
    end: int
    """Offset just past the quote."""
    line: int
    """1-based line of the quote's first character."""
    words: tuple[str, ...]
    """The features that weighed most toward the fact, weightiest first (``heading: privacy``,
    ``machine learning``), in the words of the document (not their stems), so a reader sees
    why the sentence was pointed at."""

    @property
    def text(self) -> str:
        """The quote with presentation removed, for reading."""
        return normalise(self.quote)


@dataclass(frozen=True)
class FactModel:
    """The stored model of one fact."""

    bias: float
    weights: Mapping[str, float]
    threshold: float
    """A sentence is pointed at when its score is at least this."""


@dataclass(frozen=True)
class Model:
    """The whole model file, as loaded."""

    facts: Mapping[str, FactModel]
    """By fact, in the order of the file (sorted names)."""
    labels_sha256: str
    """:func:`labels_digest` of the label files it was trained on."""
    data: Mapping[str, Any]
    """The file's other entries (training settings, cross-validated figures), as stored."""

    @cached_property
    def index(self) -> Mapping[str, tuple[tuple[int, float], ...]]:
        """Each feature's (fact position, weight) pairs: a sentence's features are read once
        for every fact."""
        pairs: dict[str, list[tuple[int, float]]] = {}
        for i, fact in enumerate(self.facts.values()):
            for feature, weight in fact.weights.items():
                pairs.setdefault(feature, []).append((i, weight))
        return {feature: tuple(found) for feature, found in pairs.items()}


# ---------------------------------------------------------------- features


def stem(word: str) -> str:
    """``word`` less a plural or verb ending (``sharing`` -> ``shar``, ``parties`` -> ``party``)."""
    if word.endswith("'s"):
        word = word[:-2]
    for suffix, replacement, shortest in _SUFFIXES:
        if len(word) >= shortest and word.endswith(suffix):
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            return word[: -len(suffix)] + replacement
    return word


def words(text: str) -> list[str]:
    """The stemmed words of lower-case ``text``; every number reads as ``0``."""
    return ["0" if token[0].isdigit() else stem(token) for token in _TOKEN.findall(text)]


def features(sentence: Sentence) -> tuple[str, ...]:
    """The sorted, distinct features of a sentence.

    ``w:`` a word of the sentence, ``b:`` two words in a row, ``h:`` a word of its section
    heading or of its paragraph's bold lead-in, ``l:`` a word of the text a list item or table
    row hangs from, ``p:`` a word of the sentence before it in its unit.
    """
    body = words(sentence.low)
    found = {f"w:{w}" for w in body}
    found.update(f"b:{a}_{b}" for a, b in pairwise(body))
    found.update(f"h:{w}" for w in words(f"{sentence.heading} {sentence.unit.local}"))
    if sentence.unit.lead:
        found.update(f"l:{w}" for w in words(sentence.unit.lead[-_LEAD_CHARS:]))
    if sentence.previous:
        found.update(f"p:{w}" for w in words(sentence.previous))
    return tuple(sorted(found))


def shown(feature: str, sentence: Sentence | None = None) -> str:
    """A feature as a reader sees it: ``machine learning``, ``heading: privacy``. With the
    ``sentence`` it was read from, its words are given as they are written there
    (``aggregated``, not the stem ``aggregat``); the feature itself, and so the score, keeps
    the stem."""
    kind, _, word = feature.partition(":")
    stems = word.split("_")
    written = _as_written(_source(sentence, kind), stems) if sentence else None
    word = written or " ".join(stems)
    return {"w": word, "b": word, "h": f"heading: {word}", "l": f"list lead: {word}"}.get(
        kind, f"sentence before: {word}"
    )


def _source(sentence: Sentence, kind: str) -> str:
    """The text :func:`features` read the features of ``kind`` from."""
    if kind in ("w", "b"):
        return sentence.low
    if kind == "h":
        return f"{sentence.heading} {sentence.unit.local}"
    if kind == "l":
        return sentence.unit.lead[-_LEAD_CHARS:]
    return sentence.previous


def _as_written(text: str, stems: Sequence[str]) -> str | None:
    """The first run of words of ``text`` whose stems are ``stems``, as written; None when
    there is none."""
    tokens = _TOKEN.findall(text)
    stemmed = words(text)
    size = len(stems)
    for i in range(len(tokens) - size + 1):
        if stemmed[i : i + size] == list(stems):
            return " ".join(tokens[i : i + size])
    return None


def sigmoid(score: float) -> float:
    """The logistic function, safe for large scores."""
    if score >= 0:
        return 1.0 / (1.0 + math.exp(-score))
    e = math.exp(score)
    return e / (1.0 + e)


def labels_digest(files: Iterable[tuple[str, bytes]]) -> str:
    """sha256 over (file name, bytes) of label files, in name order: what the model records of
    the labels it was trained on, so that relabelling without retraining is noticed."""
    digest = hashlib.sha256()
    for name, data in sorted(files):
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


# ---------------------------------------------------------------- the model


def parse_model(data: Mapping[str, Any]) -> Model:
    """A model from its JSON data; ValueError when it is not one this code can read."""
    if data.get("features_version") != FEATURES_VERSION:
        raise ValueError(
            f"finder model has features version {data.get('features_version')!r}, this code "
            f"reads {FEATURES_VERSION}; run bench/train_finder.py"
        )
    facts = {
        name: FactModel(
            float(entry["bias"]),
            {str(k): float(v) for k, v in entry["weights"].items()},
            float(entry["threshold"]),
        )
        for name, entry in sorted(data["facts"].items())
    }
    rest = {k: v for k, v in data.items() if k not in ("facts", "labels_sha256")}
    return Model(facts, str(data["labels_sha256"]), rest)


@lru_cache(maxsize=1)
def model() -> Model:
    """The shipped model, read once."""
    text = resources.files("vendorgate").joinpath(MODEL_FILE).read_text("utf-8")
    return parse_model(json.loads(text))


def score(fact: FactModel, found: Sequence[str]) -> float:
    """The model's score for a sentence's features."""
    weights = fact.weights
    return sigmoid(fact.bias + sum(weights.get(f, 0.0) for f in found))


def _reasons(fact: FactModel, found: Sequence[str], sentence: Sentence) -> tuple[str, ...]:
    """The features of ``found`` that weigh most toward ``fact``, as the reader sees them."""
    weighed = sorted(
        ((fact.weights[f], f) for f in found if fact.weights.get(f, 0.0) > 0),
        key=lambda pair: (-pair[0], pair[1]),
    )
    return tuple(shown(f, sentence) for _, f in weighed[:SHOWN_WORDS])


# ---------------------------------------------------------------- pointing


def point(text: str, passages: Sequence[Quoted]) -> tuple[Pointer, ...]:
    """Every sentence of ``text`` whose score for a fact reaches the fact's threshold and that
    no passage of that fact in ``passages`` (the rules' passages) overlaps."""
    from vendorgate.scan.document import html_view, is_html, scanned_text, sentences

    text = scanned_text(text)  # no pointer into a Markdown comment, which no reader sees
    view = html_view(text) if is_html(text) else text
    return point_sentences(text, sentences(view), passages)


def point_sentences(
    text: str,
    found: Sequence[Sentence],
    passages: Sequence[Quoted],
    using: Model | None = None,
) -> tuple[Pointer, ...]:
    """:func:`point` on the sentences of ``text`` already cut (the scanner's own)."""
    chosen = using if using is not None else model()
    order = {fact: i for i, fact in enumerate(chosen.facts)}
    covered: dict[str, list[tuple[int, int]]] = {}
    for passage in passages:
        covered.setdefault(passage.fact, []).append((passage.start, passage.end))
    normalised = normalise(text)
    facts = list(chosen.facts.items())
    index = chosen.index
    pointers: list[Pointer] = []
    for sentence in found:
        feats = features(sentence)
        sums = [fact_model.bias for _, fact_model in facts]
        for feature in feats:
            for i, weight in index.get(feature, ()):
                sums[i] += weight
        for (fact, fact_model), total in zip(facts, sums, strict=True):
            value = sigmoid(total)
            if value < fact_model.threshold:
                continue
            if any(a < sentence.end and sentence.start < b for a, b in covered.get(fact, ())):
                continue
            pointer = _pointer(text, normalised, sentence, fact, value, fact_model, feats)
            if pointer is not None:
                pointers.append(pointer)
    pointers.sort(key=lambda p: (p.start, p.end, order[p.fact]))
    return tuple(pointers)


def _pointer(
    text: str,
    normalised: str,
    sentence: Sentence,
    fact: str,
    value: float,
    fact_model: FactModel,
    feats: Sequence[str],
) -> Pointer | None:
    """The pointer at a sentence, with a verbatim quote; None when none can be verified."""
    left, right = widen(text, sentence.start, sentence.end)
    raw = text[left:right]
    quote = raw.strip()
    if not quote or normalise(quote) not in normalised:
        return None
    offset = left + (len(raw) - len(raw.lstrip()))
    section = sentence.section
    return Pointer(
        fact,
        round(value, 3),
        section.number if section else "",
        section.heading if section else "",
        quote,
        offset,
        offset + len(quote),
        text.count("\n", 0, offset) + 1,
        _reasons(fact_model, feats, sentence),
    )
