"""Checking a quote against a Markdown snapshot holding HTML comments, through the one path
every check goes through (:func:`vendorgate.evidence.snapshots.check`): written sentences."""

from __future__ import annotations

import hashlib
from pathlib import Path

from vendorgate.core.model import Evidence, EvidenceStatus
from vendorgate.evidence import snapshots as evidence
from vendorgate.load import catalogue

SAID = "Acme never uses Customer Content to train AI models."
PROFILE = """apiVersion: vendorgate/v1
kind: VendorProfile
id: acme
name: Acme
category: other
documents:
  - id: terms
    title: Acme Terms
    type: terms_of_service
    url: https://acme.example/terms
    sha256: {sha}
    snapshot: terms.md
facts:
  ai_training_customer_content:
    value: never
    evidence:
      - doc: terms
        section: "1"
        quote: "{quote}"
"""


def _check(tmp_path: Path, document: str, quote: str) -> tuple[EvidenceStatus, str]:
    (tmp_path / ".git").mkdir()
    (tmp_path / "terms.md").write_text(document, encoding="utf-8")
    sha = hashlib.sha256(document.encode("utf-8")).hexdigest()
    (tmp_path / "acme.yaml").write_text(PROFILE.format(sha=sha, quote=quote), encoding="utf-8")
    (loaded,) = catalogue.load_vendors([tmp_path / "acme.yaml"])
    (item,) = [e for fact in loaded.profile.written_facts() for e in fact.evidence]
    assert isinstance(item, Evidence) and item.quote == quote
    cited = evidence.check(item, loaded.profile, loaded.path, evidence.SnapshotStore(tmp_path))
    return cited.status, cited.detail


def test_a_quote_only_a_comment_holds_is_unsupported(tmp_path: Path) -> None:
    status, detail = _check(tmp_path, f"# Terms\n\n## 1. Use\n\n<!-- {SAID} -->\n", SAID)
    assert status is EvidenceStatus.UNSUPPORTED
    assert detail.startswith("the quote is found only in an HTML comment (<!-- ... -->)")
    # a quote neither shown nor in a comment is said to be missing, as before
    other = "Acme sells nothing to anyone."
    store = evidence.SnapshotStore(tmp_path)
    (loaded,) = catalogue.load_vendors([tmp_path / "acme.yaml"])
    snapshot = store.get(loaded.path, loaded.profile.documents["terms"])
    assert isinstance(snapshot, evidence.Snapshot) and not store.quoted(snapshot, other)
    assert evidence._not_found(snapshot, other).startswith("the quote is not found")


def test_a_quote_read_across_a_comment_verifies_as_the_document_reads(tmp_path: Path) -> None:
    across = SAID.replace("Acme ", "Acme <!-- checked\nby legal --> ", 1)
    status, detail = _check(tmp_path, f"# Terms\n\n## 1. Use\n\n{across}\n", SAID)
    assert (status, detail) == (EvidenceStatus.VERIFIED, "")


def test_the_snapshot_read_keeps_the_file_and_its_lines(tmp_path: Path) -> None:
    document = f"# Terms\n\n<!-- a note\nof two lines -->\n## 1. Use\n\n{SAID}\n"
    _check(tmp_path, document, SAID)
    store = evidence.SnapshotStore(tmp_path)
    (loaded,) = catalogue.load_vendors([tmp_path / "acme.yaml"])
    snapshot = store.get(loaded.path, loaded.profile.documents["terms"])
    assert isinstance(snapshot, evidence.Snapshot)
    assert snapshot.text == document  # what the sha256 pins
    assert "a note" not in snapshot.readable and len(snapshot.readable) == len(document)
    assert [(s.number, s.line) for s, _ in snapshot.sections if s.number] == [("1", 5)]
