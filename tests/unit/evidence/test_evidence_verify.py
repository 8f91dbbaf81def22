"""`vendorgate evidence verify`: statuses, closest passages and refused snapshot paths.

Each test builds a small repository in tmp_path from the shipped Zoom profile and its snapshot
(quotes therefore stay verbatim copies of the archived terms) and then breaks one thing.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from tests.support.cli import REPO, run_cli
from vendorgate.core.errors import InputError
from vendorgate.core.model import Evidence, EvidenceStatus, Location
from vendorgate.evidence import snapshots as evidence
from vendorgate.evidence import verify
from vendorgate.text.normalise import normalise
from vendorgate.text.passages import IndexedText

SNAPSHOT = "snapshots/zoom/terms-of-service/2023-04-01.md"
PROFILE = "vendors/zoom-2023-03.yaml"
SHA = "23793ad8e1f704cd5867aded44c51e6c8ce0c4e0518429399b9ef50d768e33b3"
# The first sentence of section 10.4, the customer licence grant.
SENTENCE_START = "You agree to grant and hereby grant Zoom a perpetual"
SENTENCE_END = "permitted in accordance with Section 10.3. "


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of the Zoom March 2023 profile and its snapshot in a fresh repository."""
    (tmp_path / ".git").mkdir()
    for relative in (SNAPSHOT, PROFILE):
        target = tmp_path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REPO / relative, target)
    return tmp_path


def _set_snapshot(repo: Path, value: str) -> None:
    profile = repo / PROFILE
    text = profile.read_text(encoding="utf-8")
    line = "    snapshot: ../snapshots/zoom/terms-of-service/2023-04-01.md\n"
    assert line in text
    profile.write_text(text.replace(line, f"    snapshot: {value}\n"), encoding="utf-8")


def _by_fact(result: verify.VerifyResult) -> dict[str, list[verify.EvidenceReport]]:
    grouped: dict[str, list[verify.EvidenceReport]] = {}
    for item in result.items:
        grouped.setdefault(item.fact, []).append(item)
    return grouped


def test_every_shipped_quote_verifies() -> None:
    result = verify.verify([REPO / "vendors"])
    assert len(result.items) >= 10
    assert result.all_verified, [i for i in result.items if i.status.value != "verified"]
    # every quote is found in the section its evidence cites
    assert [i.note for i in result.items if i.note] == []
    cli = run_cli("evidence", "verify", "--strict", "vendors")
    assert cli.returncode == 0, cli.stderr
    assert f"{len(result.items)} evidence checked: {len(result.items)} verified" in cli.stdout


def test_one_changed_character_makes_the_snapshot_stale(repo: Path) -> None:
    snapshot = repo / SNAPSHOT
    data = snapshot.read_bytes()
    offset = data.index(b"perpetual, worldwide")
    snapshot.write_bytes(data[:offset] + b"P" + data[offset + 1 :])
    result = verify.verify([repo / "vendors"])
    assert {i.status for i in result.items} == {EvidenceStatus.STALE}
    first = _by_fact(result)["ai_training_customer_content"][0]
    assert hashlib.sha256(snapshot.read_bytes()).hexdigest() in first.cited.detail
    assert first.still_present is False  # the changed character is inside this quote
    assert first.closest is not None and first.closest.section is not None
    assert first.closest.section.number == "10.4"
    baa = _by_fact(result)["baa_available"][0]
    assert baa.still_present is True

    lenient = run_cli("evidence", "verify", "vendors", cwd=repo)
    strict = run_cli("evidence", "verify", "--strict", "vendors", cwd=repo)
    assert (lenient.returncode, strict.returncode) == (0, 1)
    assert "stale" in strict.stdout and "no longer in the changed file" in strict.stdout


def test_a_deleted_sentence_leaves_its_facts_unsupported_with_the_closest_passage(
    repo: Path,
) -> None:
    snapshot = repo / SNAPSHOT
    text = snapshot.read_text(encoding="utf-8")
    start = text.index(SENTENCE_START)
    end = text.index(SENTENCE_END, start) + len(SENTENCE_END)
    edited = text[:start] + text[end:]
    snapshot.write_text(edited, encoding="utf-8")
    new_sha = hashlib.sha256(snapshot.read_bytes()).hexdigest()
    profile = repo / PROFILE
    profile.write_text(profile.read_text(encoding="utf-8").replace(SHA, new_sha), "utf-8")

    result = verify.verify([repo / "vendors"])
    facts = _by_fact(result)
    gone = [
        i for i in result.items if normalise(i.cited.quote) not in normalise(edited)
    ]  # the quotes that lay inside the deleted sentence
    assert {"ai_training_customer_content", "content_license_scope"} <= {i.fact for i in gone}
    assert {i.status for i in gone} == {EvidenceStatus.UNSUPPORTED}
    for item in gone:
        assert item.closest is not None and item.closest.section is not None
        assert item.closest.text in IndexedText(edited).normalised
        assert 0.4 <= item.closest.similarity < 1
    # The licence quote is closest to the second licence grant left in 10.4.
    licence = facts["ai_training_customer_content"][0].closest
    assert licence is not None and licence.section is not None
    assert licence.section.number == "10.4"
    assert "perpetual, irrevocable, worldwide" in licence.text
    others = [i for i in result.items if i not in gone]
    assert others and {i.status for i in others} == {EvidenceStatus.VERIFIED}

    cli = run_cli("evidence", "verify", "--format", "json", "--strict", "vendors", cwd=repo)
    assert cli.returncode == 1
    data = json.loads(cli.stdout)
    unsupported = [e for e in data["evidence"] if e["status"] == "unsupported"]
    assert len(unsupported) == len(gone) == data["summary"]["unsupported"]
    assert all(e["closest"]["passage"] and e["closest"]["line"] > 0 for e in unsupported)
    text_out = run_cli("evidence", "verify", "vendors", cwd=repo).stdout
    assert "closest: section 10.4 Customer License Grant (line 69)" in text_out


def test_json_output_is_deterministic_and_machine_paths_free(repo: Path) -> None:
    first = run_cli("evidence", "verify", "--format", "json", "vendors", cwd=repo)
    second = run_cli("evidence", "verify", "--format", "json", "vendors", cwd=repo)
    assert first.returncode == 0 and first.stdout == second.stdout
    assert str(repo) not in first.stdout


@pytest.mark.parametrize(
    ("snapshot", "expected"),
    [
        ("../../outside.md", "escapes the repository"),
        ("ABSOLUTE", "is absolute"),
        ("../snapshots/link.md", "symlink"),
        ("../snapshots/linked-dir/2023-04-01.md", "symlink"),
    ],
)
def test_snapshot_paths_leaving_the_repository_are_refused(
    repo: Path, snapshot: str, expected: str
) -> None:
    real = repo / SNAPSHOT
    outside = repo.parent / "outside.md"
    shutil.copyfile(real, outside)
    (repo / "snapshots" / "link.md").symlink_to(real)
    (repo / "snapshots" / "linked-dir").symlink_to(real.parent, target_is_directory=True)
    _set_snapshot(repo, str(outside) if snapshot == "ABSOLUTE" else snapshot)
    result = verify.verify([repo / "vendors"])
    # The same bytes would verify if the path were accepted: the refusal is what we see.
    assert {i.status for i in result.items} == {EvidenceStatus.UNVERIFIED}
    assert all(expected in i.cited.detail for i in result.items)
    if snapshot == "ABSOLUTE":  # one CLI run is enough to show the refusal reaches the user
        cli = run_cli("evidence", "verify", "--strict", "vendors", cwd=repo)
        assert cli.returncode == 1 and expected in cli.stdout


def test_a_document_without_snapshot_is_unverified(repo: Path) -> None:
    profile = repo / PROFILE
    text = profile.read_text(encoding="utf-8")
    profile.write_text(
        text.replace("    snapshot: ../snapshots/zoom/terms-of-service/2023-04-01.md\n", ""),
        encoding="utf-8",
    )
    result = verify.verify([repo / "vendors"])
    assert {i.status for i in result.items} == {EvidenceStatus.UNVERIFIED}
    assert "no snapshot" in result.items[0].cited.detail


def test_a_missing_snapshot_file_is_unverified(repo: Path) -> None:
    (repo / SNAPSHOT).unlink()
    result = verify.verify([repo / "vendors"])
    assert {i.status for i in result.items} == {EvidenceStatus.UNVERIFIED}
    assert "does not exist" in result.items[0].cited.detail


def test_a_quote_in_another_section_than_cited_is_noted(repo: Path) -> None:
    profile = repo / PROFILE
    text = profile.read_text(encoding="utf-8")
    profile.write_text(text.replace('section: "31.3"', 'section: "12.1"'), encoding="utf-8")
    result = verify.verify([repo / "vendors"])
    dpa = _by_fact(result)["dpa_available"][0]
    assert dpa.status is EvidenceStatus.VERIFIED
    assert dpa.note.startswith("cited as section 12.1, found in section 31.3 ")


def test_unknown_document_is_an_input_error_at_load_time(repo: Path) -> None:
    profile = repo / PROFILE
    text = profile.read_text(encoding="utf-8")
    profile.write_text(text.replace("- doc: tos-2023-03-31", "- doc: tos-2023"), "utf-8")
    with pytest.raises(InputError):
        verify.verify([repo / "vendors"])
    cli = run_cli("evidence", "verify", "vendors", cwd=repo)
    assert cli.returncode == 2
    assert "zoom-2023-03.yaml:" in cli.stderr and "tos-2023" in cli.stderr
    assert "Traceback" not in cli.stderr


def test_missing_document_status_for_programmatic_use(repo: Path) -> None:
    loaded = verify.catalogue.load_vendors([repo / PROFILE])[0]
    orphan = Evidence("privacy-2023", "any words", "1", Location("x.yaml", 1, 1))
    cited = evidence.check(orphan, loaded.profile, loaded.path, evidence.SnapshotStore(repo))
    assert cited.status is EvidenceStatus.MISSING_DOCUMENT


def test_no_paths_and_no_organisation_is_a_usage_error(tmp_path: Path) -> None:
    cli = run_cli("evidence", "verify", cwd=tmp_path)
    assert cli.returncode == 2 and "no PATHS given" in cli.stderr


@pytest.mark.parametrize(
    ("cited", "found", "agree"),
    [
        ("10.4", "10.4", True),
        ("10", "10.4", True),
        ("3(b)", "3", True),
        ("18 (Terms of Use for teams)", "18", True),
        ("10.2", "10", True),
        ("1", "10", False),
        ("10.4", "10.2", False),
        ("31.3", "12.1", False),
    ],
)
def test_cited_and_found_sections_agree_when_one_holds_the_other(
    cited: str, found: str, agree: bool
) -> None:
    assert verify._same_section(cited, found) is agree
