"""The bad-input catalogue: each hostile or broken input gets its documented exit code, one
clear message (with file:line:col where there is one), no traceback, no partial output file,
and leaves the input files untouched. Every case runs the real CLI in a subprocess."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.support.cli import run_cli
from tests.support.minimal import ORG, PACK

VENDOR = """\
apiVersion: vendorgate/v1
kind: VendorProfile
id: acme
name: Acme Chat
category: messaging
reviewed: 2026-01-01
documents:
  - id: terms
    title: Acme Terms
    type: terms_of_service
    url: https://example.org/terms
facts:
  ai_training_customer_content:
    value: never
  baa_available:
    value: available
usage:
  status: active
  data_classes: [phi]
"""


def nested(depth: int) -> bytes:
    return b"a: " + b"[" * depth + b"]" * depth + b"\n"


def alias_bomb() -> bytes:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        refs = ",".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    return ("\n".join(lines) + "\n").encode()


@dataclass
class Case:
    name: str
    vendor: bytes | None = None
    """Replaces vendors/acme.yaml (None keeps the valid one)."""
    org: bytes | None = None
    pack: bytes | None = None
    extra: dict[str, bytes] = field(default_factory=dict)
    args: tuple[str, ...] = ("check", "-o", "out.json", "--format", "json")
    code: int = 2
    message: str = ""
    located: str | None = "vendors/acme.yaml:"
    """Prefix the message must carry (file:line:col), or None when there is no file."""


def replace(old: str, new: str) -> bytes:
    assert old in VENDOR
    return VENDOR.replace(old, new, 1).encode()


CASES = [
    # --- YAML
    Case(
        "duplicate-key",
        replace("name: Acme Chat\n", "name: Acme Chat\nname: Again\n"),
        message="duplicate key `name` (first defined at line 4)",
    ),
    Case("alias-bomb", alias_bomb(), message="alias/anchor bomb"),
    Case("deep-nesting", nested(10_000), message="nesting depth"),
    Case("binary-data", b"\x7fELF\x02\x01\x01\x00\x00\x00", message="binary data"),
    Case("tab-indentation", replace("  ai_training", "\tai_training"), message="tab character"),
    Case(
        "non-utf8",
        replace(
            "Acme Chat", "Acme Caf\udce9".encode("utf-8", "surrogateescape").decode("latin-1")
        ).replace(b"\xc3\xa9", b"\xe9"),
        message="not valid UTF-8",
    ),
    Case(
        "several-documents",
        VENDOR.encode() + b"---\n" + VENDOR.encode(),
        message="several YAML documents",
    ),
    Case("empty-file", b"", message="the file is empty"),
    Case("only-comments", b"# nothing here\n", message="no YAML content"),
    Case("unclosed-bracket", replace("[phi]", "[phi"), message="invalid YAML"),
    # characters that read one way in review and parse another way
    Case("line-separator", replace("Acme Chat", "Acme\u2028Chat"), message="U+2028"),
    Case("paragraph-separator", replace("Acme Chat", "Acme\u2029Chat"), message="U+2029"),
    Case("next-line", replace("Acme Chat", "Acme\u0085Chat"), message="U+0085"),
    Case(
        "lone-carriage-return",
        replace("name: Acme Chat\n", "name: Acme\rid: evil\n"),
        message="U+000D",
    ),
    Case("terminal-escape", replace("Acme Chat", "Acme \x1b[2JChat"), message="U+001B"),
    Case("escaped-bell", replace("name: Acme Chat", 'name: "Acme\\aChat"'), message="U+0007"),
    # tags where the documentation says none is allowed
    Case("tag-on-mapping", replace("facts:\n", "facts: !!map\n"), message="YAML tag"),
    Case("tag-on-sequence", replace("[phi]", "!!seq [phi]"), message="YAML tag"),
    Case("tag-on-key", replace("name: Acme Chat", "!!str name: Acme Chat"), message="on a key"),
    Case("trailing-newline-id", replace("id: acme\n", 'id: "acme\\n"\n'), message="not a valid id"),
    Case(
        "merge-key",
        replace("usage:\n", "base: &b {status: active}\nusage:\n  <<: *b\n"),
        message="merge keys",
    ),
    # --- schema
    Case(
        "wrong-type",
        replace("name: Acme Chat", "name: [Acme, Chat]"),
        message="expected a string at `name`, found a list",
    ),
    Case(
        "unknown-field",
        replace("  baa_available:", "  baa_availabel:"),
        message="did you mean `baa_available`?",
    ),
    Case(
        "yaml-boolean",
        replace("value: available", "value: yes"),
        message="read by YAML as the boolean true",
    ),
    Case(
        "norway-problem",
        replace("data_classes: [phi]", "data_classes: [no]"),
        message="read by YAML as the boolean false",
    ),
    Case("null-value", replace("value: available", "value:"), message="found nothing (null)"),
    Case(
        "impossible-date",
        replace("reviewed: 2026-01-01", "reviewed: 2026-02-30"),
        message="not a real calendar date",
    ),
    Case(
        "date-not-iso",
        replace("reviewed: 2026-01-01", "reviewed: 01/02/2026"),
        message="is not a date",
    ),
    Case(
        "wrong-api-version",
        replace("vendorgate/v1", "vendorgate/v2"),
        message="expected `apiVersion: vendorgate/v1`",
    ),
    Case(
        "unknown-kind",
        replace("kind: VendorProfile", "kind: VendorProfle"),
        message="did you mean `VendorProfile`?",
    ),
    Case(
        "misspelt-enum",
        replace("category: messaging", "category: mesaging"),
        message="did you mean `messaging`?",
    ),
    Case(
        "number-for-string",
        replace("name: Acme Chat", "name: 1234"),
        message="YAML reads it as a number, so quote it",
    ),
    # --- references
    Case(
        "evidence-unknown-document",
        replace(
            "    value: never\n",
            "    value: never\n    evidence:\n      - doc: term\n        quote: x\n",
        ),
        message="(did you mean `terms`?)",
    ),
    Case(
        "usage-unknown-plan",
        replace("  status: active", "  status: active\n  plan: gold"),
        message="plan `gold` is not defined",
    ),
    Case(
        "duplicate-vendor-id",
        extra={"vendors/copy.yaml": VENDOR.encode()},
        message="vendor id `acme` is also used by",
        located="vendors/",
    ),
    Case(
        "waiver-unknown-rule",
        org=(
            ORG + "waivers:\n  - rule: mini-aj\n    vendor: acme\n    justification: j\n"
            "    approver: a\n    ticket: T-1\n    expires: 2099-01-01\n"
        ).encode(),
        message="(did you mean `mini-ai`?)",
        located="org.yaml:9:",
    ),
    Case(
        "unknown-pack",
        org=(ORG + "packs: [minj]\n").encode(),
        message="unknown rule pack `minj`",
        located="org.yaml:8:",
    ),
    Case(
        "rule-operator-mismatch",
        pack=PACK.replace("in: [never, opt_in]", "at_least: 3").encode(),
        message="`at_least` does not apply",
        located="rules/pack.yaml:",
    ),
    Case(
        "rule-value-typo",
        pack=PACK.replace("in: [never, opt_in]", "in: [nevr]").encode(),
        message="(did you mean `never`?)",
        located="rules/pack.yaml:",
    ),
    Case(
        "rule-without-citation",
        pack=PACK.replace(
            '    citations:\n      - citation: "GDPR Art. 5(1)(b)"\n'
            '        url: "https://eur-lex.europa.eu/eli/reg/2016/679/oj"\n',
            "",
        ).encode(),
        message="`citations` is required",
        located="rules/pack.yaml:",
    ),
    # --- invocation and output
    Case(
        "output-is-a-directory", args=("check", "-o", "vendors"), message="directory", located=None
    ),
    Case("unknown-format", args=("check", "--format", "yml"), message="yml", located=None),
    Case(
        "missing-vendor-path",
        args=("check", "nowhere/"),
        message="nowhere/: no such file",
        located=None,
    ),
    Case("missing-org", args=("check", "--org", "nope.yaml"), message="nope.yaml", located=None),
    Case(
        "bad-as-of-date",
        args=("check", "--as-of", "2026-13-01"),
        message="not a date",
        located=None,
    ),
]


def lay_out(tmp_path: Path, case: Case) -> dict[Path, str]:
    files = {
        "vendors/acme.yaml": case.vendor if case.vendor is not None else VENDOR.encode(),
        "rules/pack.yaml": case.pack if case.pack is not None else PACK.encode(),
        "org.yaml": case.org if case.org is not None else ORG.encode(),
        **case.extra,
    }
    hashes = {}
    for name, content in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        hashes[path] = hashlib.sha256(content).hexdigest()
    return hashes


def test_the_catalogue_has_at_least_thirty_cases() -> None:
    assert len(CASES) >= 30
    assert len({c.name for c in CASES}) == len(CASES)


def test_valid_baseline_passes(tmp_path: Path) -> None:
    lay_out(tmp_path, Case("baseline"))
    proc = run_cli("check", "-o", "out.json", "--format", "json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out.json").exists()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input(tmp_path: Path, case: Case) -> None:
    hashes = lay_out(tmp_path, case)
    proc = run_cli(*case.args, cwd=tmp_path)
    assert proc.returncode == case.code, proc.stderr
    assert "Traceback" not in proc.stderr
    assert case.message in proc.stderr, proc.stderr
    if case.located is not None:
        first = proc.stderr.removeprefix("error: ").splitlines()[0]
        assert first.startswith(case.located), proc.stderr
        assert first.split(":")[1].isdigit(), "no line number"
    assert not (tmp_path / "out.json").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.json")]
    for path, digest in hashes.items():
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


def test_fifty_megabyte_file_is_refused_quickly(tmp_path: Path) -> None:
    lay_out(tmp_path, Case("big"))
    big = tmp_path / "vendors" / "acme.yaml"
    with big.open("ab") as handle:
        handle.write(b"#" * (50 * 1024 * 1024))
    proc = run_cli("validate", "vendors", cwd=tmp_path)
    assert proc.returncode == 2
    assert "the limit is" in proc.stderr
    assert proc.stderr.startswith("error: vendors/acme.yaml:")


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    lay_out(tmp_path, Case("bom", vendor=b"\xef\xbb\xbf" + VENDOR.encode()))
    assert run_cli("validate", "vendors", cwd=tmp_path).returncode == 0


@pytest.mark.parametrize("snapshot", ["../../outside.md", "/etc/hostname", "link.md"])
def test_snapshot_paths_outside_the_repository_are_refused(tmp_path: Path, snapshot: str) -> None:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    outside = tmp_path / "outside.md"
    outside.write_text("We never train on your data.\n")
    digest = hashlib.sha256(outside.read_bytes()).hexdigest()
    (repo / "vendors").mkdir()
    os.symlink(outside, repo / "vendors" / "link.md")
    vendor = VENDOR.replace(
        "    url: https://example.org/terms\n",
        f"    url: https://example.org/terms\n    sha256: {digest}\n    snapshot: {snapshot}\n",
    ).replace(
        "    value: never\n",
        "    value: never\n    evidence:\n      - doc: terms\n"
        "        quote: We never train on your data.\n",
    )
    lay_out(
        repo,
        Case(
            "paths", vendor=vendor.encode(), org=(ORG + "evidence:\n  require: verified\n").encode()
        ),
    )
    proc = run_cli("check", "--format", "json", cwd=repo)
    assert proc.returncode == 1, proc.stderr
    import json

    finding = json.loads(proc.stdout)["vendors"][0]["findings"][0]
    evidence = finding["facts"][0]["evidence"][0]
    assert evidence["status"] == "unverified"
    assert any(word in evidence["detail"] for word in ("escapes", "absolute", "symlink"))
    assert finding["verdict"] == "undetermined"


def test_full_disk_leaves_no_partial_file_and_keeps_the_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from vendorgate.core.errors import OutputError
    from vendorgate.core.output import write_atomic

    target = tmp_path / "report.json"
    target.write_text("previous report")

    def no_space(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(OutputError, match="No space left on device"):
        write_atomic(target, "new report " * 1000)
    assert target.read_text() == "previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
