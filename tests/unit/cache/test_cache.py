"""The cache of parsed profiles and per-vendor results (``vendorgate.cache``, ``vendorgate.batch``):
it only ever saves work. Output is byte-identical with, without, and after deleting the cache;
a damaged entry is ignored and rewritten; a changed profile, snapshot or rule pack is seen at
once; two processes filling the same cache at once leave only whole entries."""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.support.cli import REPO, run_cli
from vendorgate.app import pipeline as batch
from vendorgate.app import run
from vendorgate.cache import packs as cache_packs
from vendorgate.cache import store as cache_module
from vendorgate.cache.store import (
    _MAGIC,
    DATABASE,
    PROFILES,
    Cache,
    decode_document,
    encode_document,
    folder_for,
    parse_vendor,
)
from vendorgate.engine import vendor as engine_vendor
from vendorgate.report import RenderOptions, fragments, render

DAY = date(2026, 1, 15)
ZOOM_MARCH = "vendors/zoom-2023-03.yaml"
PHI_RULE = "hipaa-no-ai-training-on-phi"


def project(tmp_path: Path, name: str = "project") -> Path:
    """A copy of the repository's catalogue: organisation, rules, snapshots, vendors."""
    root = tmp_path / name
    (root / ".git").mkdir(parents=True)
    for folder in ("rules", "snapshots", "vendors"):
        shutil.copytree(REPO / folder, root / folder)
    shutil.copy(REPO / "vendorgate.yaml", root / "vendorgate.yaml")
    return root


def files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def stored(folder: Path) -> dict[tuple[str, str], bytes]:
    """Every cache entry, straight from the database."""
    with contextlib.closing(sqlite3.connect(folder / DATABASE)) as db:
        return {(k, key): v for k, key, v in db.execute("SELECT kind, key, value FROM entries")}


def overwrite(folder: Path, values: dict[tuple[str, str], bytes]) -> None:
    with contextlib.closing(sqlite3.connect(folder / DATABASE)) as db, db:
        db.executemany(
            "UPDATE entries SET value = ? WHERE kind = ? AND key = ?",
            [(v, kind, key) for (kind, key), v in values.items()],
        )


def packs(folder: Path) -> list[Path]:
    return sorted((folder / cache_packs.PACKS).glob("*.pack"))


def all_whole(folder: Path) -> bool:
    """Every entry is one a reader accepts: its checksum matches its payload."""
    cache = Cache(folder)
    return all(cache.get(kind, key) is not None for kind, key in stored(folder))


def cli_check(root: Path, fmt: str, *extra: str, cache: Path | None = None) -> tuple[int, str]:
    env = {"VENDORGATE_CACHE_DIR": str(cache)} if cache else {}
    proc = run_cli("check", "--format", fmt, *extra, cwd=root, env=env)
    assert proc.returncode in (0, 1), proc.stderr
    return proc.returncode, proc.stdout


def in_pieces(fmt: str, cache: Cache | None, jobs: int | None = None) -> str:
    """The report as ``check`` writes it for large catalogues, in this process."""
    options = RenderOptions(root=str(Path.cwd()), base=str(Path.cwd()))
    out = batch.check((), None, (), fmt, options, fragments, DAY, cache=cache, jobs=jobs)
    assert out is not None
    return b"".join(out.parts).decode("utf-8")


def verdict(report: str, vendor: str, rule: str) -> str:
    data = json.loads(report)
    (found,) = [
        f["verdict"]
        for v in data["vendors"]
        if v["id"] == vendor
        for f in v["findings"]
        if f["rule"] == rule
    ]
    return str(found)


class Counting:
    """Counts evaluations (engine_vendor.evaluate_vendor) while delegating to the real one."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls = 0
        self.real = engine_vendor.evaluate_vendor
        monkeypatch.setattr(engine_vendor, "evaluate_vendor", self)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        return self.real(*args, **kwargs)


# ---------------------------------------------------------------- same bytes, whatever the cache


@pytest.mark.parametrize("fmt", ["sarif", "json"])
def test_pieces_give_the_renderers_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """The per-vendor path writes exactly what rendering the whole CheckResult writes, with
    waivers, expired waivers and old evidence among the findings (the repository's own org)."""
    root = project(tmp_path)
    monkeypatch.chdir(root)
    options = RenderOptions(root=str(root), base=str(root))
    for day in (DAY, date(2031, 6, 1)):  # the later date expires evidence and waivers
        expected = render(fmt, run.check(today=day), options)
        out = batch.check((), None, (), fmt, options, fragments, day, cache=None)
        assert out is not None
        assert b"".join(out.parts).decode("utf-8") == expected


def test_example_organisations_give_the_same_bytes_in_pieces(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Organisations with waivers, other packs and usage overrides."""
    for org in sorted((REPO / "examples" / "orgs").glob("*.yaml")):
        monkeypatch.chdir(org.parent)
        options = RenderOptions(root=str(REPO), base=str(org.parent))
        expected = render("sarif", run.check(org_path=org, today=DAY), options)
        out = batch.check(
            (), org, (), "sarif", options, fragments, DAY, cache=Cache(tmp_path / org.stem)
        )
        assert out is not None
        assert b"".join(out.parts).decode("utf-8") == expected, org.name


@pytest.mark.parametrize("fmt", ["sarif", "json"])
def test_output_is_byte_identical_with_without_and_after_deleting_the_cache(
    tmp_path: Path, fmt: str
) -> None:
    root = project(tmp_path)
    folder = tmp_path / "cache"
    code, uncached = cli_check(root, fmt, "--no-cache", cache=folder)
    assert not folder.exists()  # --no-cache writes nothing
    assert cli_check(root, fmt, cache=folder) == (code, uncached)  # cold: fills the cache
    assert {kind for kind, _ in stored(folder)} == {PROFILES}
    assert len(packs(folder)) == 1
    assert cli_check(root, fmt, cache=folder) == (code, uncached)  # warm: read from it
    shutil.rmtree(folder)
    assert cli_check(root, fmt, cache=folder) == (code, uncached)
    # Default place: the user's cache folder for this project, never the work tree.
    assert cli_check(root, fmt) == (code, uncached)
    default = folder_for(root)
    assert not (root / ".vendorgate-cache").exists()
    assert len(stored(default)) == len(files(root / "vendors"))
    assert len(packs(default)) == 1


def test_a_warm_run_evaluates_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project(tmp_path))
    cache = Cache(tmp_path / "cache")
    counting = Counting(monkeypatch)
    cold = in_pieces("sarif", cache)
    assert counting.calls == len(list(Path("vendors").glob("*.yaml")))
    counting.calls = 0
    assert in_pieces("sarif", cache) == cold
    assert counting.calls == 0


# ---------------------------------------------------------------- damaged entries


def test_a_damaged_profile_entry_is_ignored_and_rewritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project(tmp_path))
    folder = tmp_path / "cache"
    cache = Cache(folder)
    expected = in_pieces("json", cache)
    value = stored(folder)
    keys = sorted(key for _, key in value)
    assert len(keys) == len(files(Path("vendors")))
    nonsense = b"[1, 2]"
    damage = {
        (PROFILES, keys[0]): b"",  # empty
        (PROFILES, keys[1]): value[PROFILES, keys[1]][:-40],  # truncated
        (PROFILES, keys[2]): value[PROFILES, keys[2]].replace(b'"', b"'", 1),
        (PROFILES, keys[3]): b"\x00\xff garbage \n" * 10,
        (PROFILES, keys[4]): _MAGIC + b"0" * 64 + b"\n{}",  # a wrong checksum
        # A whole (checksummed) entry whose content is nonsense is refused too.
        (PROFILES, keys[5]): _MAGIC
        + hashlib.sha256(nonsense).hexdigest().encode()
        + b"\n"
        + nonsense,
    }
    overwrite(folder, damage)
    for pack in packs(folder):
        pack.unlink()  # so that every profile is needed
    counting = Counting(monkeypatch)
    parsed = []
    real_parse = cache_module.parse_vendor
    monkeypatch.setattr(cache_module, "parse_vendor", lambda *a: parsed.append(1) or real_parse(*a))
    assert in_pieces("json", cache) == expected
    assert counting.calls == len(keys)
    assert len(parsed) == len(damage)
    assert all_whole(folder)
    now = stored(folder)
    assert all(now[k] != data for k, data in damage.items())  # rewritten
    counting.calls = 0
    parsed.clear()
    assert in_pieces("json", cache) == expected
    assert (counting.calls, len(parsed)) == (0, 0)


def test_a_damaged_pack_is_ignored_and_rewritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project(tmp_path))
    folder = tmp_path / "cache"
    cache = Cache(folder)
    expected = in_pieces("sarif", cache)
    (pack,) = packs(folder)
    whole = pack.read_bytes()
    head, body = cache_packs.read_pack(cache, pack.stem) or ({}, b"")
    records = head["records"]
    n = len(records)
    counting = Counting(monkeypatch)
    for damaged in (
        b"",
        whole[:-100],  # truncated
        whole.replace(b"rejected", b"approved", 1),  # altered: the CRC no longer matches
        b"vendorgate-pack/1 00000000 2\n{}",
    ):
        pack.write_bytes(damaged)
        counting.calls = 0
        assert in_pieces("sarif", cache) == expected
        assert counting.calls == n  # nothing trusted from it
        assert pack.read_bytes() == whole  # and it is written again
    # A whole pack whose record is wrong (here: a snapshot it says it read) loses that record.
    records[0]["depends"][0][1] = "0" * 64
    offsets = [r["length"] for r in records]
    texts = [body[sum(offsets[:i]) : sum(offsets[: i + 1])] for i in range(n)]
    cache_packs.write_pack(cache, pack.stem, {"records": records}, texts)
    counting.calls = 0
    assert in_pieces("sarif", cache) == expected
    assert counting.calls == 1
    counting.calls = 0
    assert in_pieces("sarif", cache) == expected
    assert counting.calls == 0


def test_a_cache_file_that_is_no_database_is_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project(tmp_path))
    folder = tmp_path / "cache"
    expected = in_pieces("sarif", Cache(folder))
    database = folder / DATABASE
    database.write_bytes(b"not a database " * 1000)  # e.g. a half-restored CI cache
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    for pack in packs(folder):
        pack.unlink()
    assert in_pieces("sarif", Cache(folder)) == expected
    assert len(stored(folder)) == len(files(Path("vendors")))
    assert all_whole(folder)


def test_a_parsed_profile_comes_back_exactly(tmp_path: Path) -> None:
    """The cached form of a parsed profile gives back its data and every position."""
    for path in [*sorted((REPO / "vendors").glob("*.yaml")), *files(generated(tmp_path, 30))]:
        if path.suffix != ".yaml" or b"VendorProfile" not in path.read_bytes():
            continue
        doc = parse_vendor(path.read_bytes(), path.name)
        back = decode_document(encode_document(doc), doc.path, doc.sha256)
        assert back == doc, path


# ---------------------------------------------------------------- changed inputs


def test_a_changed_profile_is_parsed_again_and_its_new_verdict_shows(tmp_path: Path) -> None:
    root = project(tmp_path)
    folder = tmp_path / "cache"
    _, before = cli_check(root, "json", cache=folder)
    assert verdict(before, "zoom-2023-03", PHI_RULE) == "fail"
    profile = root / ZOOM_MARCH
    text = profile.read_text("utf-8")
    old = "  ai_training_customer_content:\n    value: always\n"
    assert old in text
    profile.write_text(text.replace(old, old.replace("always", "never")), "utf-8")
    _, after = cli_check(root, "json", cache=folder)
    assert verdict(after, "zoom-2023-03", PHI_RULE) != "fail"
    assert after == cli_check(root, "json", "--no-cache")[1]


def test_a_changed_snapshot_makes_the_evidence_stale_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path)
    monkeypatch.chdir(root)
    cache = Cache(tmp_path / "cache")
    before = json.loads(in_pieces("json", cache))
    statuses = {
        e["status"]
        for v in before["vendors"]
        if v["id"] == "zoom-2023-03"
        for f in v["findings"]
        for fact in f["facts"]
        for e in fact["evidence"]
    }
    assert statuses == {"verified"}
    snapshot = root / "snapshots/zoom/terms-of-service/2023-04-01.md"
    snapshot.write_bytes(snapshot.read_bytes() + b"\nAmended.\n")
    after = in_pieces("json", cache)
    assert '"status": "stale"' in after
    assert after == in_pieces("json", None)


def test_a_changed_rule_pack_is_seen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(tmp_path)
    monkeypatch.chdir(root)
    cache = Cache(tmp_path / "cache")
    before = in_pieces("sarif", cache)
    pack = root / "rules/healthcare-hipaa.yaml"
    text = pack.read_text("utf-8")
    pack.write_text(
        text.replace("title: PHI is never used", "title: PHI is not ever used"), "utf-8"
    )
    after = in_pieces("sarif", cache)
    assert after != before
    assert "PHI is not ever used" in after
    assert after == in_pieces("sarif", None)


def test_bad_input_is_reported_as_without_the_cache(tmp_path: Path) -> None:
    """The same messages, in the same order, as the general path (the text format)."""
    root = project(tmp_path)
    (root / "vendors/zz-copy.yaml").write_bytes((root / ZOOM_MARCH).read_bytes())  # a dup id
    broken = root / "vendors/miro.yaml"
    broken.write_text(broken.read_text("utf-8").replace("category: collaboration", "category: x"))
    env = {"VENDORGATE_CACHE_DIR": str(tmp_path / "cache")}
    text = run_cli("check", cwd=root, env=env)
    for _ in range(2):  # cold, then with the valid profiles cached
        sarif = run_cli("check", "--format", "sarif", "-o", "out.sarif", cwd=root, env=env)
        assert (sarif.returncode, sarif.stderr) == (2, text.stderr)
        assert "zz-copy.yaml" in sarif.stderr
        assert "miro.yaml" in sarif.stderr
        assert not (root / "out.sarif").exists()


# ---------------------------------------------------------------- large catalogues, processes


def generated(tmp_path: Path, vendors: int) -> Path:
    spec = importlib.util.spec_from_file_location("bench_generate", REPO / "bench/generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_generate", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    out = tmp_path / "generated"
    module.generate(out, vendors)
    return out


def test_two_processes_at_once_leave_a_whole_cache(tmp_path: Path) -> None:
    """Two checks of a catalogue large enough for worker processes fill one cold cache at once;
    both write the uncached bytes, and every entry left is whole."""
    root = generated(tmp_path, batch.PARALLEL_MIN + 44)
    folder = tmp_path / "cache"
    _, expected = cli_check(root, "sarif", "--no-cache", cache=folder)
    serial = run_cli(
        "check", "--format", "sarif", "--no-cache", cwd=root, env={"VENDORGATE_JOBS": "1"}
    )
    assert serial.stdout == expected  # one process or several: the same report
    command = [sys.executable, "-m", "vendorgate", "check", "--format", "sarif"]
    env = {**os.environ, "VENDORGATE_CACHE_DIR": str(folder), "NO_COLOR": "1"}
    procs = [
        subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=600) for p in procs]
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode in (0, 1), err
        assert out.decode("utf-8") == expected
    assert len(stored(folder)) == batch.PARALLEL_MIN + 44
    assert all_whole(folder)
    (pack,) = packs(folder)
    assert cache_packs.read_pack(Cache(folder), pack.stem) is not None
    assert cli_check(root, "sarif", cache=folder)[1] == expected
