"""Generate a large, realistic vendor catalogue for the performance benchmark (issue 9).

    .venv/bin/python bench/generate.py OUT [--vendors 10000] [--seed 9] [--org hospital]

OUT receives a self-contained project: the organisation profile ``vendorgate.yaml`` (a copy of
``examples/orgs/<org>.yaml`` with its paths pointed inside OUT and its per-vendor ``usage``
dropped), every shipped rule pack (a copy of ``rules/``), the document snapshots (a copy of
``snapshots/``) and ``vendors/v00000.yaml``...: N schema-valid profiles of 2-6 KB, each with
10-25 facts, 2-3 documents and 2-4 plans.

Every quote is a sentence copied verbatim from the snapshot its document pins, with the
snapshot's real sha256, so that evidence verification is part of the measured work and every
quote verifies. Fact values are drawn from the vocabulary (they are not what the quoted sentence
says: the benchmark measures cost, not judgement). The output depends only on N, the seed, the
organisation and the repository's files.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from vendorgate.core.vocabulary import (
    CERTIFICATIONS,
    DATA_CLASSES,
    FACTS,
    REGIONS,
    SUBPROCESSOR_CATEGORIES,
    UNDISCLOSED,
    VENDOR_CATEGORIES,
    FactSpec,
)
from vendorgate.text.normalise import normalise

REPO = Path(__file__).resolve().parent.parent
MIN_BYTES, MAX_BYTES = 2048, 6144
DOC_TYPES = {
    "terms-of-service": ("tos", "terms_of_service", "Terms of Service"),
    "privacy-policy": ("privacy", "privacy_policy", "Privacy Policy"),
    "data-processor-agreement": ("dpa", "dpa", "Data Processing Agreement"),
}
_SENTENCE_END = re.compile(r"(?<=[.;])\s+(?=[A-Z])")
_MARKUP = re.compile(r"[\[\]*_`|\\#<>]")
_HEADING = re.compile(r"^#+\s*\**([0-9]+(?:\\?\.[0-9]+)*)")
_WORDS = [
    "acme",
    "arbor",
    "beacon",
    "cedar",
    "delta",
    "ember",
    "falcon",
    "garnet",
    "harbor",
    "iris",
    "juniper",
    "kestrel",
    "lumen",
    "meridian",
    "nimbus",
    "onyx",
    "pylon",
    "quartz",
    "raven",
    "sierra",
    "tundra",
    "umber",
    "vertex",
    "willow",
    "xenon",
    "yarrow",
    "zephyr",
    "atlas",
    "bolt",
    "cobalt",
    "drift",
    "echo",
    "flint",
    "glide",
    "helix",
    "ion",
    "jade",
    "kite",
    "lark",
    "mosaic",
    "nova",
]
_SUFFIXES = ("Cloud", "Labs", "Systems", "Works", "Data", "Software", "Apps", "Networks")
_PURPOSES = ("Cloud hosting", "Customer support", "Email delivery", "Analytics", "Payments")


@dataclass(frozen=True)
class Passage:
    """A sentence of a snapshot that a profile may quote."""

    quote: str
    section: str


@dataclass(frozen=True)
class Snapshot:
    path: Path
    """Relative to the repository (and to OUT once copied)."""
    sha256: str
    kind: str
    """The folder naming the document type (``terms-of-service``...)."""
    passages: tuple[Passage, ...]


def passages(text: str) -> tuple[Passage, ...]:
    """Plain sentences of ``text`` whose normalised form is found in the normalised text."""
    whole = normalise(text)
    found: list[Passage] = []
    section = ""
    for line in text.splitlines():
        heading = _HEADING.match(line)
        if heading:
            section = heading.group(1).replace("\\", "")
            continue
        for sentence in _SENTENCE_END.split(line.strip()):
            if (
                60 <= len(sentence) <= 240
                and sentence[0].isupper()
                and not _MARKUP.search(sentence)
                and sentence.isprintable()
                and normalise(sentence) in whole
            ):
                found.append(Passage(sentence, section))
    return tuple(found)


def load_snapshots(root: Path) -> dict[str, list[Snapshot]]:
    """The snapshots under ``root/snapshots`` with quotable sentences, by vendor folder."""
    by_vendor: dict[str, list[Snapshot]] = {}
    for path in sorted((root / "snapshots").glob("*/*/*.md")):
        kind = path.parent.name
        if kind not in DOC_TYPES:
            continue
        raw = path.read_bytes()
        found = passages(raw.decode("utf-8"))
        if len(found) < 5:
            continue
        by_vendor.setdefault(path.parent.parent.name, []).append(
            Snapshot(path.relative_to(root), hashlib.sha256(raw).hexdigest(), kind, found)
        )
    return by_vendor


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


class ProfileWriter:
    """Writes one vendor profile as YAML text."""

    def __init__(self, rng: random.Random, snapshots: dict[str, list[Snapshot]]) -> None:
        self.rng = rng
        self.snapshots = snapshots
        self.sources = sorted(snapshots)

    def documents(self) -> list[tuple[str, str, str, Snapshot]]:
        """(id, type, title, snapshot) for 2-3 documents of one source vendor."""
        source = self.rng.choice(self.sources)
        by_kind: dict[str, list[Snapshot]] = {}
        for snap in self.snapshots[source]:
            by_kind.setdefault(snap.kind, []).append(snap)
        if len(by_kind) < 2:  # a source with one document type: borrow a privacy policy
            other = self.rng.choice([s for s in self.sources if s != source])
            for snap in self.snapshots[other]:
                by_kind.setdefault(snap.kind, []).append(snap)
        docs = []
        for kind in sorted(by_kind):
            doc_id, doc_type, title = DOC_TYPES[kind]
            docs.append((doc_id, doc_type, title, self.rng.choice(by_kind[kind])))
        return docs

    def value(self, spec: FactSpec) -> object:
        rng = self.rng
        if rng.random() < 0.12:
            return UNDISCLOSED
        if spec.kind == "enum":
            return rng.choice(spec.values)
        if spec.kind == "integer":
            return rng.choice((1, 2, 3, 7, 14, 24, 30, 48, 60, 72, 90))
        if spec.kind == "list":
            pool = REGIONS if spec.name == "data_residency_regions" else CERTIFICATIONS
            return sorted(rng.sample(pool, rng.randint(1, 3)))
        return [
            {
                "name": f"{rng.choice(_WORDS).title()} {rng.choice(_SUFFIXES)}",
                "purpose": rng.choice(_PURPOSES),
                "region": rng.choice(REGIONS),
                "category": rng.choice(SUBPROCESSOR_CATEGORIES),
            }
            for _ in range(rng.randint(1, 3))
        ]

    def fact(self, spec: FactSpec, docs: list[tuple[str, str, str, Snapshot]], pad: str) -> str:
        value = self.value(spec)
        lines = [f"{pad}{spec.name}:"]
        if isinstance(value, list) and value and isinstance(value[0], dict):
            lines.append(f"{pad}  value:")
            for item in value:
                lines.append(f"{pad}    - name: {_q(item['name'])}")
                for key in ("purpose", "region", "category"):
                    lines.append(f"{pad}      {key}: {item[key]}")
        elif isinstance(value, list):
            lines.append(f"{pad}  value: [{', '.join(value)}]")
        else:
            lines.append(f"{pad}  value: {value}")
        if value != UNDISCLOSED or self.rng.random() < 0.5:
            lines.append(f"{pad}  evidence:")
            for _ in range(1 if self.rng.random() < 0.8 else 2):
                doc_id, _type, _title, snap = self.rng.choice(docs)
                passage = self.rng.choice(snap.passages)
                lines.append(f"{pad}    - doc: {doc_id}")
                if passage.section:
                    lines.append(f"{pad}      section: {_q(passage.section)}")
                lines.append(f"{pad}      quote: {_q(passage.quote)}")
        if self.rng.random() < 0.15:
            lines.append(f"{pad}  note: Read by the reviewer together with the plan terms.")
        return "\n".join(lines)

    def profile(self, index: int) -> str:
        rng = self.rng
        word = rng.choice(_WORDS)
        suffix = rng.choice(_SUFFIXES)
        vendor_id = f"{word}-{suffix.lower()}-{index:05d}"
        name = f"{word.title()} {suffix} {index}"
        docs = self.documents()
        specs = list(FACTS)
        rng.shuffle(specs)
        base_count = rng.randint(10, 17)
        base, rest = specs[:base_count], specs[base_count:]
        out = [
            "# Generated by bench/generate.py: quotes are verbatim from the pinned snapshots.",
            "apiVersion: vendorgate/v1",
            "kind: VendorProfile",
            f"id: {vendor_id}",
            f"name: {_q(name)}",
            f"legal_name: {_q(name + ' Inc.')}",
            f"category: {rng.choice(VENDOR_CATEGORIES)}",
            f"website: https://{vendor_id}.example.com",
            f"reviewed: 2026-{rng.randint(1, 9):02d}-{rng.randint(1, 28):02d}",
            "documents:",
        ]
        for doc_id, doc_type, title, snap in docs:
            retrieved = snap.path.stem
            out += [
                f"  - id: {doc_id}",
                f"    title: {_q(f'{name} {title} (recorded {retrieved})')}",
                f"    type: {doc_type}",
                f"    url: https://{vendor_id}.example.com/legal/{doc_id}",
                f"    effective: {retrieved[:4]}-01-01",
                f"    retrieved: {retrieved}",
                f"    sha256: {snap.sha256}",
                f"    snapshot: ../{snap.path.as_posix()}",
                "    source: Open Terms Archive contributors (ODC-BY 1.0)",
            ]
        out.append("facts:")
        out += [self.fact(spec, docs, "  ") for spec in base]
        plan_ids = ["free", "business", "enterprise", "healthcare"][: rng.randint(2, 4)]
        out.append("plans:")
        for plan in plan_ids:
            out += [f"  - id: {plan}", f"    name: {plan.title()}"]
            overrides = rng.sample(base + rest, rng.randint(0, 2))
            if overrides:
                out.append("    facts:")
                out += [self.fact(spec, docs, "      ") for spec in overrides]
        classes = sorted(rng.sample(DATA_CLASSES, rng.randint(1, 3)))
        out += [
            "usage:",
            f"  status: {rng.choice(('active', 'active', 'candidate', 'retired'))}",
            f"  plan: {rng.choice(plan_ids)}",
            f"  data_classes: [{', '.join(classes)}]",
            f"  owner: {_q(rng.choice(('IT', 'Procurement', 'Security', 'Legal', 'Clinical')))}",
            f"  since: 20{rng.randint(18, 25)}-{rng.randint(1, 12):02d}-01",
        ]
        return "\n".join(out) + "\n"


def sized_profile(writer: ProfileWriter, index: int) -> str:
    """A profile of 2-6 KB; draws again (deterministically) until one fits."""
    while True:
        text = writer.profile(index)
        if MIN_BYTES <= len(text.encode("utf-8")) <= MAX_BYTES:
            return text


def write_org(out: Path, org: str) -> None:
    """The example organisation, pointed at OUT's rules and vendors, without the repository's
    per-vendor ``usage`` (the generated profiles carry their own)."""
    source = (REPO / "examples" / "orgs" / f"{org}.yaml").read_text("utf-8")
    kept: list[str] = []
    skipping = False
    for line in source.splitlines():
        if line.startswith("usage:"):
            skipping = True
            continue
        if skipping and (line.startswith(" ") or not line.strip()):
            continue
        skipping = False
        if line.startswith("# yaml-language-server"):
            continue
        if line.startswith("rules_paths:"):
            kept.append("rules_paths: [rules]")
        elif line.startswith("vendors_paths:"):
            kept.append("vendors_paths: [vendors]")
        else:
            kept.append(line)
    (out / "vendorgate.yaml").write_text("\n".join(kept) + "\n", "utf-8")


def generate(out: Path, vendors: int = 10_000, seed: int = 9, org: str = "hospital") -> list[Path]:
    """Write the project into ``out`` (replacing its generated parts); returns the profiles."""
    out.mkdir(parents=True, exist_ok=True)
    for folder in ("rules", "snapshots", "vendors"):
        shutil.rmtree(out / folder, ignore_errors=True)
    shutil.copytree(REPO / "rules", out / "rules")
    shutil.copytree(REPO / "snapshots", out / "snapshots")
    write_org(out, org)
    snapshots = load_snapshots(out)
    writer = ProfileWriter(random.Random(seed), snapshots)
    folder = out / "vendors"
    folder.mkdir()
    paths = []
    for index in range(vendors):
        path = folder / f"v{index:05d}.yaml"
        path.write_text(sized_profile(writer, index), "utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--vendors", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--org", default="hospital", help="an example organisation's file name")
    args = parser.parse_args()
    paths = generate(args.out, args.vendors, args.seed, args.org)
    total = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} profiles, {total / 1e6:.1f} MB, in {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
