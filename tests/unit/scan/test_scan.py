"""The clause scanner on the real corpus: the Zoom 2023 clauses, verbatim quotes everywhere,
the YAML round trip into a profile that `evidence verify` accepts, --vendor, --compare, errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from tests.support.cli import REPO, run_cli
from vendorgate.scan.scanner import ScanResult, scan_document, scan_text
from vendorgate.text.normalise import normalise

ZOOM = REPO / "snapshots" / "zoom" / "terms-of-service"
SNAPSHOTS = sorted((REPO / "snapshots").glob("*/*/*.md"))

CONSENT = (
    "Notwithstanding the above, Zoom will not use audio, video or chat Customer Content to "
    "train our artificial intelligence models without your consent."
)


def _scan(name: str) -> ScanResult:
    return scan_document(ZOOM / name)


def _passages(result: ScanResult, fact: str) -> list[tuple[str, object, str]]:
    return [(p.section, p.value, p.text) for p in result.passages if p.fact == fact]


def test_march_2023_yields_the_10_2_and_10_4_machine_learning_passages_and_always() -> None:
    result = _scan("2023-04-01.md")
    content = _passages(result, "ai_training_customer_content")
    service = _passages(result, "ai_training_service_data")
    assert [(s, v) for s, v, _ in content] == [("10.4", "always")]
    assert "machine learning, artificial intelligence, training" in content[0][2]
    assert [(s, v) for s, v, _ in service] == [("10.2", "always")]
    assert "training and tuning of algorithms and models" in service[0][2]
    for fact in ("ai_training_customer_content", "ai_training_service_data"):
        suggestion = result.suggestion(fact)
        assert suggestion is not None and suggestion.value == "always"


def test_first_august_rewrite_yields_the_consent_sentence_and_opt_in() -> None:
    result = _scan("2023-08-07.md")
    content = _passages(result, "ai_training_customer_content")
    assert ("10.4", "opt_in", CONSENT) in content
    # the March licence is still there; the consent sentence overrides it
    assert ("10.4", "always") in [(s, v) for s, v, _ in content]
    suggestion = result.suggestion("ai_training_customer_content")
    assert suggestion is not None and suggestion.value == "opt_in"
    assert [p.text for p in suggestion.evidence] == [CONSENT]


@pytest.mark.parametrize("name", ["2023-08-11.md", "2026-08-06.md"])
def test_second_august_rewrite_yields_does_not_use_to_train_and_never(name: str) -> None:
    result = _scan(name)
    content = _passages(result, "ai_training_customer_content")
    assert content, "no passage on AI training"
    assert {v for _, v, _ in content} == {"never"}
    assert any(
        s == "10.2" and t.startswith("Zoom does not use any of your audio") and "to train" in t
        for s, _, t in content
    )
    for fact in ("ai_training_customer_content", "ai_training_third_party"):
        suggestion = result.suggestion(fact)
        assert suggestion is not None and suggestion.value == "never"


@pytest.mark.parametrize("path", SNAPSHOTS, ids=lambda p: str(p.relative_to(REPO / "snapshots")))
def test_every_quote_is_a_verbatim_substring_of_its_document(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    normalised = normalise(text)
    for passage in scan_text(text):
        assert text[passage.start : passage.end] == passage.quote
        assert normalise(passage.quote) in normalised
        assert passage.quote == passage.quote.strip() and passage.quote
        assert text.count("\n", 0, passage.start) + 1 == passage.line


def test_scanning_is_deterministic() -> None:
    first = run_cli("scan", "snapshots/zoom/terms-of-service/2023-08-07.md", "--format", "json")
    second = run_cli("scan", "snapshots/zoom/terms-of-service/2023-08-07.md", "--format", "json")
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    data = json.loads(first.stdout)
    assert data["document"] == "snapshots/zoom/terms-of-service/2023-08-07.md"
    assert str(REPO) not in first.stdout


def test_text_output_groups_passages_by_fact() -> None:
    done = run_cli("scan", "snapshots/zoom/terms-of-service/2023-08-07.md")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "ai_training_customer_content: opt_in" in out
    assert "10.4 Customer License Grant, line 71: opt_in 0.90, overrides the text before it" in out
    assert "Notwithstanding the above, Zoom will not use audio, video or chat Customer" in out


# ---------------------------------------------------------------- a profile made from the YAML


def _repo_with_snapshot(tmp_path: Path, name: str) -> Path:
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "snapshots").mkdir()
    (root / "vendors").mkdir()
    shutil.copy(ZOOM / name, root / "snapshots" / name)
    return root


def _profile(root: Path, name: str, facts: str = "") -> Path:
    import hashlib

    sha = hashlib.sha256((root / "snapshots" / name).read_bytes()).hexdigest()
    text = f"""apiVersion: vendorgate/v1
kind: VendorProfile
id: zoom-test
name: Zoom (test)
category: video_conferencing
documents:
  - id: tos
    title: Zoom Terms of Service
    type: terms_of_service
    url: https://explore.zoom.us/en/terms/
    retrieved: 2023-08-07
    sha256: {sha}
    snapshot: ../snapshots/{name}
{facts or "facts: {}"}
"""
    path = root / "vendors" / "zoom.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_yaml_output_pasted_into_a_profile_validates_and_every_quote_verifies(
    tmp_path: Path,
) -> None:
    root = _repo_with_snapshot(tmp_path, "2023-08-07.md")
    profile = _profile(root, "2023-08-07.md")
    done = run_cli(
        "scan",
        "snapshots/2023-08-07.md",
        "--vendor",
        "vendors/zoom.yaml",
        "--format",
        "yaml",
        cwd=root,
    )
    assert done.returncode == 0, done.stderr
    suggested = yaml.safe_load(done.stdout)["facts"]
    assert suggested["ai_training_customer_content"]["value"] == "opt_in"
    assert all(e["doc"] == "tos" for f in suggested.values() for e in f["evidence"])
    assert all("needs review" in f["note"] for f in suggested.values())
    assert all(f["unreviewed"] is True for f in suggested.values())  # pasted, they decide nothing
    # paste the entries under the profile's `facts:` exactly as printed
    body = done.stdout.split("\nfacts:\n", 1)[1]
    profile = _profile(root, "2023-08-07.md", "facts:\n" + body)
    valid = run_cli("validate", str(profile), cwd=root)
    assert valid.returncode == 0, valid.stdout + valid.stderr
    verified = run_cli("evidence", "verify", "--strict", "--format", "json", str(profile), cwd=root)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    statuses = [item["status"] for item in json.loads(verified.stdout)["evidence"]]
    assert statuses and set(statuses) == {"verified"}


def test_vendor_marks_what_the_profile_already_states(tmp_path: Path) -> None:
    root = _repo_with_snapshot(tmp_path, "2023-08-11.md")
    _profile(
        root,
        "2023-08-11.md",
        "facts:\n  ai_training_customer_content:\n    value: never\n"
        "  deletion_after_termination_days:\n    value: 90\n",
    )
    done = run_cli(
        "scan",
        "snapshots/2023-08-11.md",
        "--vendor",
        "vendors/zoom.yaml",
        "--format",
        "json",
        cwd=root,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["profile"] == {"vendor": "zoom-test", "path": "vendors/zoom.yaml", "doc": "tos"}
    status = {s["fact"]: s["profile"] for s in data["suggestions"]}
    assert status["ai_training_customer_content"] == {"status": "same", "stated": "never"}
    assert status["deletion_after_termination_days"] == {"status": "different", "stated": 90}
    assert status["dpa_available"] == {"status": "new", "stated": None}
    text = run_cli("scan", "snapshots/2023-08-11.md", "--vendor", "vendors/zoom.yaml", cwd=root)
    assert (
        "deletion_after_termination_days: 30  (confidence 0.85; profile states 90; "
        "cue retention: deletion after termination)"
    ) in text.stdout


def test_vendor_that_does_not_list_the_document_is_a_usage_error(tmp_path: Path) -> None:
    root = _repo_with_snapshot(tmp_path, "2023-08-11.md")
    shutil.copy(ZOOM / "2023-08-07.md", root / "snapshots" / "2023-08-07.md")
    _profile(root, "2023-08-11.md")
    done = run_cli("scan", "snapshots/2023-08-07.md", "--vendor", "vendors/zoom.yaml", cwd=root)
    assert done.returncode == 2
    assert done.stdout == ""
    assert "snapshots/2023-08-07.md is not the snapshot of any document in vendors/zoom.yaml" in (
        done.stderr
    )
    assert "tos (../snapshots/2023-08-11.md)" in done.stderr
    assert "Traceback" not in done.stderr


# ---------------------------------------------------------------- --compare


def test_compare_march_with_august_shows_the_ai_clauses_changing() -> None:
    done = run_cli(
        "scan",
        "--compare",
        "snapshots/zoom/terms-of-service/2023-04-01.md",
        "snapshots/zoom/terms-of-service/2023-08-11.md",
        "--format",
        "json",
    )
    assert done.returncode == 0, done.stderr
    facts = {f["fact"]: f for f in json.loads(done.stdout)["facts"]}
    content = facts["ai_training_customer_content"]
    assert (content["change"], content["old_value"], content["new_value"]) == (
        "changed",
        "always",
        "never",
    )
    kinds = sorted(p["change"] for p in content["passages"])
    assert "removed" in kinds and "added" in kinds
    removed = next(p for p in content["passages"] if p["change"] == "removed")
    assert removed["old"]["section"] == "10.4" and removed["old"]["value"] == "always"
    assert facts["ai_training_third_party"]["change"] == "added"
    assert facts["ai_training_service_data"]["change"] == "removed"
    assert facts["deletion_after_termination_days"]["change"] == "unchanged"
    assert facts["content_license_scope"]["old_value"] == "service_and_improvement"
    assert facts["content_license_scope"]["new_value"] == "service_only"


def test_compare_text_names_added_removed_and_changed_passages() -> None:
    done = run_cli(
        "scan",
        "--compare",
        "snapshots/zoom/terms-of-service/2023-07-28.md",
        "snapshots/zoom/terms-of-service/2023-08-07.md",
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "ai_training_customer_content: always -> opt_in  (changed)" in out
    assert "  + added: 10.4 Customer License Grant, line 71: opt_in" in out
    assert "deletion_after_termination_days: 30  (unchanged)" in out


def test_same_document_compares_unchanged() -> None:
    path = "snapshots/zoom/terms-of-service/2023-04-01.md"
    done = run_cli("scan", "--compare", path, path, "--format", "json")
    facts = json.loads(done.stdout)["facts"]
    assert facts and {f["change"] for f in facts} == {"unchanged"}


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["scan"], "name a DOCUMENT to scan, or use --compare OLD NEW"),
        (["scan", "no-such.md"], "no-such.md: no such file"),
        (["scan", "snapshots"], "snapshots: is a folder"),
        (
            ["scan", "--compare", "a.md", "b.md", "--format", "yaml"],
            "--compare OLD NEW takes no DOCUMENT, --vendor or yaml format",
        ),
        (["scan", "x.md", "--min-confidence", "2"], "2"),
    ],
)
def test_bad_invocations_exit_2_with_one_message(args: list[str], message: str) -> None:
    done = run_cli(*args)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""


def test_binary_and_non_utf8_documents_are_located(tmp_path: Path) -> None:
    binary = tmp_path / "terms.md"
    binary.write_bytes(b"Terms\nline two\x00 end\n")
    done = run_cli("scan", str(binary), cwd=tmp_path)
    assert done.returncode == 2
    assert "terms.md:2:1: binary data (a NUL byte)" in done.stderr
    latin = tmp_path / "latin.md"
    latin.write_bytes("First line\nWe do not sell your data \xe9.\n".encode("latin-1"))
    done = run_cli("scan", "latin.md", cwd=tmp_path)
    assert done.returncode == 2
    assert "latin.md:2:26: not valid UTF-8 (byte 0xe9)" in done.stderr


def test_output_file_is_written_whole_or_not_at_all(tmp_path: Path) -> None:
    target = tmp_path / "out.yaml"
    done = run_cli(
        "scan",
        "snapshots/zoom/terms-of-service/2023-08-11.md",
        "--format",
        "yaml",
        "-o",
        str(target),
    )
    assert done.returncode == 0, done.stderr
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["facts"]
    missing = tmp_path / "missing.yaml"
    done = run_cli("scan", "no-such.md", "-o", str(missing))
    assert done.returncode == 2 and not missing.exists()


def _headed_html() -> str:
    # written for this test: five numbered HTML headings, each over one sentence
    parts = "".join(
        f"<h2>{n}. Part {n}</h2><p>We will never use your content to train artificial "
        "intelligence models.</p>"
        for n in range(1, 6)
    )
    return f"<!doctype html><html><body>{parts}</body></html>"


def test_an_html_document_is_split_into_sections_once_per_scan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from vendorgate.text import sections

    document = tmp_path / "terms.html"
    document.write_text(_headed_html(), encoding="utf-8")
    splits: list[int] = []
    heads = sections._scan

    def counted(text: str) -> list[sections._Head]:
        splits.append(len(text))
        return heads(text)

    monkeypatch.setattr(sections, "_scan", counted)
    result = scan_document(document, pointers=False)
    assert splits == [len(_headed_html())]
    # its headings are in the view the sentences are read from, not in the markup
    assert result.warnings == ()
    assert [p.section for p in result.passages if p.fact == "ai_training_customer_content"] == [
        "1",
        "2",
        "3",
        "4",
        "5",
    ]


def test_splitting_keeps_nothing_of_the_document_after_the_scan() -> None:
    from vendorgate.text import sections

    text = "# 1. Terms\n\nSome text.\n\n# 2. Data\n\nMore text.\n"
    scan_text(text)
    kept = [v for v in vars(sections).values() if isinstance(v, list | dict | tuple)]
    assert not any(text in repr(value) for value in kept)
