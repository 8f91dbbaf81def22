"""``vendorgate new`` through the real command line, in a workspace of its own: the
organisation file and rule packs of this repository, an empty ``vendors/``, and corpus
documents copied in at test time (both GitHub terms versions, and Evernote's 2022 privacy
notice, none of them a held-out scanner document; Wire's privacy notice, a tune document the
finder points into, for the pointer comments)."""

from __future__ import annotations

import hashlib
import http.server
import json
import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml

from tests.support.cli import REPO, empty_catalogue, run_cli
from tests.support.local_http import LOCAL_ONLY, serving
from vendorgate.core.vocabulary import FACTS

CORPUS = REPO / "snapshots"
GITHUB_OLD = CORPUS / "github" / "terms-of-service" / "2025-09-29.md"
GITHUB_NEW = CORPUS / "github" / "terms-of-service" / "2026-04-28.md"
# Not a held-out scanner document (tests/scan_labels/README.md): tests never scan those.
EVERNOTE = CORPUS / "evernote" / "privacy-policy" / "2022-09-20.md"
GITHUB_URL = "https://docs.github.com/en/site-policy/github-terms/github-terms-of-service"
EVERNOTE_URL = "https://evernote.com/privacy/policy"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    empty_catalogue(tmp_path)
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    for source, name in (
        (GITHUB_OLD, "github-terms-old.md"),
        (GITHUB_NEW, "github-terms-new.md"),
        (EVERNOTE, "evernote-privacy.md"),
    ):
        shutil.copy(source, incoming / name)
    return tmp_path


def _new(workspace: Path, *args: str) -> str:
    result = run_cli("new", *args, "--as-of", "2026-12-02", cwd=workspace)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _load(path: Path) -> dict[str, object]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _checks_pass(workspace: Path) -> None:
    validated = run_cli("validate", cwd=workspace)
    assert validated.returncode == 0, validated.stdout + validated.stderr
    verified = run_cli("evidence", "verify", "--strict", cwd=workspace)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "verified" in verified.stdout.splitlines()[-1]


def test_three_corpus_documents_give_profiles_that_pass_at_once(workspace: Path) -> None:
    _new(workspace, "github-2025-09", "incoming/github-terms-old.md", "--url", GITHUB_URL)
    out = _new(workspace, "github", "incoming/github-terms-new.md", "--url", GITHUB_URL)
    assert "closed the lineage chain in vendors/github-2025-09.yaml" in out
    _new(workspace, "evernote", "incoming/evernote-privacy.md", "--url", EVERNOTE_URL)
    _checks_pass(workspace)

    names = {spec.name for spec in FACTS}
    for vendor in ("github-2025-09", "github", "evernote"):
        profile = _load(workspace / "vendors" / f"{vendor}.yaml")
        facts = profile["facts"]
        assert isinstance(facts, dict) and set(facts) == names
        for fact in facts.values():
            marked = str(fact.get("note", "")).startswith("scanner suggestion")
            assert fact["value"] == "undisclosed" or marked
            assert not fact.get("evidence") or marked
            assert fact.get("unreviewed", False) is marked
        assert "reviewed" not in profile  # nobody has reviewed it yet


def _rule_verdicts(workspace: Path) -> dict[str, str]:
    checked = run_cli("check", "--format", "json", cwd=workspace)
    assert checked.returncode in (0, 1), checked.stderr
    (vendor,) = json.loads(checked.stdout)["vendors"]
    return {f["rule"]: f["verdict"] for f in vendor["findings"]}


def test_a_scanner_suggestion_decides_no_verdict_until_a_person_reviews_it(
    workspace: Path,
) -> None:
    # A document this test writes: one plain sentence the scanner reads as `never`.
    sentence = "Acme will never use your content to train artificial intelligence models."
    document = workspace / "incoming" / "acme-terms.md"
    document.write_text(
        f"# Acme Terms of Service\n\nLast updated: March 1, 2026\n\n## 1. Content\n\n{sentence}\n",
        encoding="utf-8",
    )
    _new(workspace, "acme", "incoming/acme-terms.md", "--url", "https://acme.example/terms")
    profile = workspace / "vendors" / "acme.yaml"
    fact = _load(profile)["facts"]["ai_training_customer_content"]  # type: ignore[index]
    assert fact["value"] == "never" and fact["unreviewed"] is True
    assert [e["quote"] for e in fact["evidence"]] == [sentence]
    rule = "ai-no-training-on-customer-content-without-opt-in"
    assert _rule_verdicts(workspace)[rule] == "undetermined"
    validated = run_cli("validate", cwd=workspace)
    assert validated.returncode == 0, validated.stderr
    pending = "vendors/acme.yaml: 1 fact(s) marked `unreviewed: true` read as undisclosed"
    assert pending in validated.stderr
    gate = run_cli("gate", "vendors/acme.yaml", cwd=workspace)
    assert "ai_training_customer_content = undisclosed (unreviewed suggestion)" in gate.stdout
    assert "nobody has reviewed (`unreviewed: true`)" in gate.stdout

    # The reviewer agrees with the quote and removes the mark: now the value counts.
    text = profile.read_text(encoding="utf-8")
    profile.write_text(text.replace("    unreviewed: true\n", ""), encoding="utf-8")
    assert _rule_verdicts(workspace)[rule] == "pass"
    assert "unreviewed" not in run_cli("validate", cwd=workspace).stderr


def test_snapshots_are_byte_copies_named_by_the_effective_date(workspace: Path) -> None:
    _new(workspace, "github", "incoming/github-terms-new.md", "--url", GITHUB_URL)
    profile = _load(workspace / "vendors" / "github.yaml")
    (doc,) = profile["documents"]  # type: ignore[misc]
    assert doc["title"] == "The GitHub Terms of Service"
    assert doc["type"] == "terms_of_service"
    assert str(doc["effective"]) == "2026-04-27"  # "Effective date: April 27, 2026"
    snapshot = workspace / "snapshots" / "github" / "terms-of-service" / "2026-04-27.md"
    assert snapshot.read_bytes() == GITHUB_NEW.read_bytes()
    assert doc["sha256"] == hashlib.sha256(GITHUB_NEW.read_bytes()).hexdigest()
    assert doc["snapshot"] == "../snapshots/github/terms-of-service/2026-04-27.md"
    text = (workspace / "vendors" / "github.yaml").read_text(encoding="utf-8")
    assert "effective date read from the text ('Effective date: April 27, 2026')" in text


def test_the_lineage_chain_is_closed_both_ways(workspace: Path) -> None:
    # older first: the older file is edited when the newer arrives
    _new(workspace, "github-2025-09", "incoming/github-terms-old.md", "--url", GITHUB_URL)
    _new(workspace, "github", "incoming/github-terms-new.md", "--url", GITHUB_URL)
    older = _load(workspace / "vendors" / "github-2025-09.yaml")
    newer = _load(workspace / "vendors" / "github.yaml")
    assert older["lineage"] == newer["lineage"] == "github"
    assert {k: str(v) for k, v in older["in_force"].items()} == {  # type: ignore[attr-defined]
        "from": "2020-11-16",
        "until": "2026-04-26",
    }
    assert {k: str(v) for k, v in newer["in_force"].items()} == {"from": "2026-04-27"}  # type: ignore[attr-defined]
    _checks_pass(workspace)


def test_an_older_version_added_later_ends_where_the_newer_begins(workspace: Path) -> None:
    _new(workspace, "github", "incoming/github-terms-new.md", "--url", GITHUB_URL)
    before = (workspace / "vendors" / "github.yaml").read_bytes()
    _new(workspace, "github-2020-11", "incoming/github-terms-old.md", "--url", GITHUB_URL)
    older = _load(workspace / "vendors" / "github-2020-11.yaml")
    assert str(older["in_force"]["until"]) == "2026-04-26"  # type: ignore[index]
    assert (workspace / "vendors" / "github.yaml").read_bytes() == before
    as_of = run_cli("check", "--as-of", "2024-01-01", "--format", "json", cwd=workspace)
    assert as_of.returncode in (0, 1), as_of.stderr
    _checks_pass(workspace)


def test_from_carries_reviewed_facts_and_flags_lost_quotes(workspace: Path) -> None:
    reviewed = workspace / "reviewed.yaml"
    shutil.copy(REPO / "vendors" / "github-2020-11.yaml", reviewed)
    text = reviewed.read_text(encoding="utf-8").replace(
        "../snapshots/", str(REPO / "snapshots") + "/"
    )
    reviewed.write_text(text, encoding="utf-8")
    out = run_cli(
        "new",
        "github",
        "incoming/github-terms-new.md",
        "--url",
        GITHUB_URL,
        "--from",
        str(reviewed),
        cwd=workspace,
    )
    assert out.returncode == 0, out.stderr
    facts = _load(workspace / "vendors" / "github.yaml")["facts"]
    assert isinstance(facts, dict)
    carried = [f for f in facts.values() if str(f.get("note", "")).startswith("carried over")]
    assert carried, "some reviewed facts keep quotes the 2026 terms still hold"
    lost = [f for f in carried if "no longer verified" in f["note"]]
    assert lost and all(f["value"] == "undisclosed" and "evidence" not in f for f in lost)
    # a value that kept some quotes and lost others is in doubt: it waits for a review
    partly = [f for f in carried if "no longer found were dropped" in f["note"]]
    assert all(f.get("unreviewed") is True for f in partly)
    whole = [f for f in carried if "no longer" not in f["note"]]
    assert whole and not any(f.get("unreviewed") for f in whole)
    assert "no quote of github-2020-11 verifies any more" in out.stderr
    _checks_pass(workspace)


def test_bad_input_exits_2_and_writes_nothing(workspace: Path) -> None:
    _new(workspace, "github", "incoming/github-terms-new.md", "--url", GITHUB_URL)
    listing = sorted(p.relative_to(workspace) for p in workspace.rglob("*"))
    # The lineage names the snapshot folder: one that climbs out must be refused before any write.
    outside = workspace.parent / "outside"
    escape = ("--lineage", f"../{outside.name}")
    cases = [
        (("github", "incoming/github-terms-new.md", "--url", GITHUB_URL), "refusing to overwrite"),
        (("acme", "incoming/missing.md", "--url", GITHUB_URL), "incoming/missing.md: no such"),
        (("acme", "incoming/github-terms-new.md"), "needs --url"),
        (("Acme Inc", "incoming/github-terms-new.md", "--url", GITHUB_URL), "VENDOR_ID"),
        (("acme", "incoming/github-terms-new.md", "--url", GITHUB_URL, "--type", "x"), "--type"),
        (("acme\n", "incoming/github-terms-new.md", "--url", GITHUB_URL), "VENDOR_ID"),
        (("acme", "incoming/github-terms-new.md", "--url", GITHUB_URL, *escape), "--lineage"),
    ]
    for args, message in cases:
        result = run_cli("new", *args, cwd=workspace)
        assert result.returncode == 2, (args, result.stderr)
        assert message in result.stderr and "Traceback" not in result.stderr
    (workspace / "incoming" / "binary.md").write_bytes(b"Terms\n\x00\x01")
    result = run_cli("new", "acme", "incoming/binary.md", "--url", GITHUB_URL, cwd=workspace)
    assert result.returncode == 2 and "incoming/binary.md:2:1" in result.stderr
    listing_after = sorted(p.relative_to(workspace) for p in workspace.rglob("*"))
    assert listing_after == sorted([*listing, Path("incoming/binary.md")])
    assert not outside.exists()


class _Pages(http.server.BaseHTTPRequestHandler):
    """Serves the Evernote privacy policy at /privacy and a 404 elsewhere."""

    def do_GET(self) -> None:
        if self.path == "/privacy":
            body = EVERNOTE.read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "text/markdown; charset=utf-8")
        else:
            body = b"not here"
            self.send_response(404)
            self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def server() -> Iterator[str]:
    with serving(_Pages) as url:
        yield url


def test_a_document_given_as_a_url_is_fetched_and_pinned(workspace: Path, server: str) -> None:
    result = run_cli("new", "evernote", f"{server}/privacy", cwd=workspace, env=LOCAL_ONLY)
    assert result.returncode == 0, result.stderr
    profile = _load(workspace / "vendors" / "evernote.yaml")
    (doc,) = profile["documents"]  # type: ignore[misc]
    assert doc["url"] == f"{server}/privacy"
    assert doc["type"] == "privacy_policy"
    assert doc["sha256"] == hashlib.sha256(EVERNOTE.read_bytes()).hexdigest()
    _checks_pass(workspace)
    missing = run_cli("new", "acme", f"{server}/gone", cwd=workspace, env=LOCAL_ONLY)
    assert missing.returncode == 2 and "HTTP 404" in missing.stderr


FOLDER_TYPES = {
    "terms-of-service": "terms_of_service",
    "privacy-policy": "privacy_policy",
    "data-processor-agreement": "dpa",
}


def test_the_type_of_every_corpus_document_is_read_from_its_text() -> None:
    from vendorgate.onboard.reading import infer_type, read_effective_date, read_title

    dated = 0
    for path in sorted(CORPUS.glob("*/*/*.md")):
        text = path.read_text(encoding="utf-8")
        assert infer_type(read_title(text), "document.md", text) == FOLDER_TYPES[path.parent.name]
        day, said = read_effective_date(text)
        if day is not None:
            dated += 1
            # in force before the archive recorded it, or announced shortly ahead (Google)
            assert day <= date.fromisoformat(path.stem) + timedelta(days=31)
            assert said
    assert dated >= 40
    day, said = read_effective_date(
        (CORPUS / "surveymonkey/terms-of-service/2022-09-09.md").read_text()
    )
    assert (str(day), said) == ("2021-08-16", "LAST UPDATED: August 16, 2021")


# ---------------------------------------------------------------- the finder's pointers

WIRE = CORPUS / "wire" / "privacy-policy" / "2023-05-12.md"  # a tune document
WIRE_URL = "https://wire.com/en/legal/"
WIRE_PLACE = "snapshots/wire/privacy-policy/2026-12-02.md"  # no effective date: named by retrieval
POINTER = "    # also read (found by wording, no value suggested): "


def _wire(workspace: Path, vendor_id: str = "wire", *args: str) -> tuple[str, str]:
    """(stdout of `new`, the profile's text) for Wire's privacy notice."""
    shutil.copy(WIRE, workspace / "incoming" / "wire-privacy.md")
    out = _new(workspace, vendor_id, "incoming/wire-privacy.md", "--url", WIRE_URL, *args)
    return out, (workspace / "vendors" / f"{vendor_id}.yaml").read_text(encoding="utf-8")


def _comments_by_fact(text: str) -> dict[str, list[str]]:
    """The comment lines of the profile's `facts:`, under the fact whose key precedes them."""
    found: dict[str, list[str]] = {}
    fact = ""
    for line in text.split("\n")[text.split("\n").index("facts:") :]:
        if line.startswith("  ") and not line.startswith("   ") and line.endswith(":"):
            fact = line.strip().rstrip(":")
        elif line.lstrip().startswith("#"):
            found.setdefault(fact, []).append(line)
    return found


def _scan_json(document: Path) -> str:
    scanned = run_cli("scan", str(document), "--format", "json")
    assert scanned.returncode == 0, scanned.stderr
    return scanned.stdout


def _scan_pointers(document: Path) -> dict[str, list[dict[str, object]]]:
    by_fact: dict[str, list[dict[str, object]]] = {}
    for pointer in json.loads(_scan_json(document))["pointers"]:
        by_fact.setdefault(pointer["fact"], []).append(pointer)
    return by_fact


def test_the_finders_pointers_are_comments_under_their_fact(workspace: Path) -> None:
    from vendorgate.text.normalise import strip_markup

    out, text = _wire(workspace)
    expected = _scan_pointers(WIRE)
    comments = _comments_by_fact(text)
    assert set(comments) == set(expected)
    snapshot = (workspace / WIRE_PLACE).read_text(encoding="utf-8").split("\n")
    for fact, pointers in expected.items():
        shown = sorted(pointers, key=lambda p: -float(p["score"]))[:3]  # type: ignore[arg-type]
        lines = sorted(int(p["line"]) for p in shown)  # type: ignore[call-overload]
        said = [c for c in comments[fact] if c.startswith(POINTER)]
        assert [int(c.split(" line ")[1].split(":")[0]) for c in said] == lines
        for comment, line in zip(said, lines, strict=True):
            assert comment.startswith(f'{POINTER}{WIRE_PLACE} line {line}: "')
            words = comment.split(': "', 1)[1].removesuffix('"').removesuffix("\u2026")
            assert words in strip_markup(" ".join(snapshot[line - 1 : line + 3]))
        more = len(pointers) - len(shown)
        if more:
            assert comments[fact][-1] == f"    # ... and {more} more " + (
                "(vendorgate scan on the snapshot lists every one)"
            )

    facts = _load(workspace / "vendors" / "wire.yaml")["facts"]
    assert isinstance(facts, dict)
    # Which facts are pointed at depends on the trained model, so the test takes them from
    # the scan rather than naming them. A fact the rules found nothing for keeps a bare
    # undisclosed (the hostile-passage test below pins one such fact).
    suggested = {s["fact"] for s in json.loads(_scan_json(WIRE))["suggestions"]}
    assert all(facts[f] == {"value": "undisclosed"} for f in set(expected) - suggested)
    undisclosed = [f for f in expected if facts[f]["value"] == "undisclosed"]
    total = sum(len(p) for p in expected.values())
    assert (
        f"{total} passage(s) found by wording to read for {len(expected)} fact(s), "
        f"{len(undisclosed)} of them left undisclosed" in out
    )
    _checks_pass(workspace)


def test_the_same_documents_give_the_same_profile_bytes(tmp_path: Path) -> None:
    written = []
    for run in ("first", "second"):
        root = tmp_path / run
        root.mkdir()
        empty_catalogue(root)
        (root / "incoming").mkdir()
        out, text = _wire(root)
        written.append((out, text, (root / WIRE_PLACE).read_bytes()))
    assert written[0] == written[1]
    assert POINTER in written[0][1]


def test_review_accept_keeps_the_pointer_comments(workspace: Path) -> None:
    _, before = _wire(workspace)
    fact = "data_residency_regions"
    accepted = run_cli("review", "vendors/wire.yaml", "--accept", fact, cwd=workspace)
    assert accepted.returncode == 1, accepted.stderr  # other facts still wait for a review
    after = (workspace / "vendors" / "wire.yaml").read_text(encoding="utf-8")
    assert _comments_by_fact(after) == _comments_by_fact(before)
    assert len(after.split("\n")) == len(before.split("\n")) - 1  # only the mark went
    shown = run_cli("review", "vendors/wire.yaml", cwd=workspace)
    assert shown.returncode in (0, 1) and "Traceback" not in shown.stderr
    assert fact not in shown.stdout.split("after checking")[-1]


def test_review_lists_the_undisclosed_facts_with_passages_to_read(workspace: Path) -> None:
    _, text = _wire(workspace)
    fact = "subprocessors"  # suggested as undisclosed (a list to write from the passages)
    said = _comments_by_fact(text)[fact]
    count = sum(1 for c in said if c.startswith(POINTER))
    count += sum(int(c.split(" and ")[1].split()[0]) for c in said if c.startswith("    # ..."))
    assert count
    accepted = run_cli("review", "vendors/wire.yaml", "--accept", fact, cwd=workspace)
    assert accepted.returncode == 1, accepted.stderr  # other facts still wait for a review
    assert _load(workspace / "vendors" / "wire.yaml")["facts"][fact]["value"] == "undisclosed"  # type: ignore[index]
    shown = run_cli("review", "vendors/wire.yaml", cwd=workspace)
    assert shown.returncode == 1 and "Traceback" not in shown.stderr
    assert shown.stdout.endswith(
        "\nundisclosed, with passages found by wording (no value suggested):\n"
        f"  {count} passage(s) to read for {fact}; see the comments under it in the profile\n"
    )


def test_from_leaves_the_pointers_out_of_reviewed_facts(workspace: Path) -> None:
    _, first = _wire(workspace)
    fact = "data_residency_regions"
    pointed = set(_comments_by_fact(first)) - {fact}
    assert fact in _comments_by_fact(first) and pointed
    accepted = run_cli("review", "vendors/wire.yaml", "--accept", fact, cwd=workspace)
    assert accepted.returncode == 1, accepted.stderr  # other facts still wait for a review
    # the next version of the same vendor: its lineage, a later retrieval
    carried = run_cli(
        "new", "wire-next", "incoming/wire-privacy.md", "--url", WIRE_URL, "--lineage", "wire",
        "--from", "vendors/wire.yaml", "--as-of", "2026-12-03", cwd=workspace,
    )  # fmt: skip
    assert carried.returncode == 0, carried.stderr
    text = (workspace / "vendors" / "wire-next.yaml").read_text(encoding="utf-8")
    comments = _comments_by_fact(text)
    facts = _load(workspace / "vendors" / "wire-next.yaml")["facts"]
    assert isinstance(facts, dict)
    assert str(facts[fact]["note"]).startswith("carried over from wire")
    assert fact not in comments  # reviewed: a person has read for it
    assert pointed <= set(comments)  # nothing reviewed: still pointed at
    assert any(POINTER in c for c in comments["encryption_at_rest"])  # still unreviewed
    _checks_pass(workspace)


# A document this test writes: a sentence the scanner quotes, then one the finder points at,
# opened with a terminal escape, a bell, quotes, `#`, `: `, non-ASCII and a right-to-left
# override, run on very long, then NEL and line separators and the sentence again.
HOSTILE_OPENING = 'You can delete \x1b[31m"your"\x07 profile # data: caf\u00e9 \u202eat any time, '
HOSTILE = (
    "# Acme Privacy Policy\n\nLast updated: March 1, 2026\n\n## 1. Content\n\n"
    "Acme will never use your content to train artificial intelligence models.\n\n"
    "## 2. Conversation content\n\n"
    + HOSTILE_OPENING
    + "and more words " * 80
    + "as you wish.\u2028\u0085You can delete your profile data at any time.\r\n"
)


def test_a_hostile_passage_gives_a_valid_profile_with_one_line_comments(
    workspace: Path,
) -> None:
    (workspace / "incoming" / "acme-privacy.md").write_text(HOSTILE, encoding="utf-8")
    _new(workspace, "acme", "incoming/acme-privacy.md", "--url", "https://acme.example/privacy")
    raw = (workspace / "vendors" / "acme.yaml").read_text(encoding="utf-8")
    comments = _comments_by_fact(raw)["content_retention"]
    place = "snapshots/acme/privacy-policy/2026-03-01.md"
    assert comments == [
        f'{POINTER}{place} line 11: "You can delete [31m"your" profile # data: caf\u00e9 at any '
        'time, and more\u2026"',
        f'{POINTER}{place} line 11: "You can delete your profile data at any time."',
    ]
    assert all(ch.isprintable() for ch in raw.replace("\n", ""))
    assert max(len(line) for line in raw.split("\n")) < 200
    profile = _load(workspace / "vendors" / "acme.yaml")
    facts = profile["facts"]
    assert isinstance(facts, dict)
    assert facts["content_retention"] == {"value": "undisclosed"}
    # the comments are only comments: without them the profile reads the same
    bare = "\n".join(line for line in raw.split("\n") if not line.startswith(POINTER))
    assert yaml.safe_load(bare) == profile
    _checks_pass(workspace)


def test_from_sets_a_reviewed_value_with_no_quote_to_undisclosed(workspace: Path) -> None:
    _wire(workspace)
    profile = workspace / "vendors" / "wire.yaml"
    text = profile.read_text(encoding="utf-8")
    fact = '  baa_available:\n    value: "undisclosed"\n'
    assert fact in text  # a reviewer states a value and cites nothing for it
    profile.write_text(text.replace(fact, fact.replace("undisclosed", "not_available")), "utf-8")
    carried = run_cli(
        "new", "wire-next", "incoming/wire-privacy.md", "--url", WIRE_URL, "--lineage", "wire",
        "--from", "vendors/wire.yaml", "--as-of", "2026-12-03", cwd=workspace,
    )  # fmt: skip
    assert carried.returncode == 0, carried.stderr
    assert "baa_available: wire states it with no quote; set to undisclosed" in carried.stderr
    facts = _load(workspace / "vendors" / "wire-next.yaml")["facts"]
    assert facts["baa_available"] == {  # type: ignore[index]
        "value": "undisclosed",
        "note": "carried over from wire (wire.yaml): its value `not_available` had no quote to "
        "check against these documents; review",
    }
    _checks_pass(workspace)
