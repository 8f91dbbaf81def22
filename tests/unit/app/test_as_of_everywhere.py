"""``--as-of`` means one thing in every command: on the shipped Zoom lineage, ``check``,
``report``, ``gate`` and ``explain`` pick the same version in force and give the same notes,
through the library and through the real command line."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tests.support.cli import REPO, run_cli
from vendorgate.app import context, explain, run
from vendorgate.commands.report import build_report
from vendorgate.core.model import Document
from vendorgate.gate import decisions as gate
from vendorgate.load import catalogue

ORG = REPO / "vendorgate.yaml"
ZOOM = sorted((REPO / "vendors").glob("zoom*.yaml"))
MARCH = REPO / "vendors" / "zoom-2023-03.yaml"
AI_RULE = "hipaa-no-ai-training-on-phi"
ALL_IDS = {"zoom", "zoom-2023-03", "zoom-2023-07", "zoom-2023-08-07", "zoom-2023-08"}

# The version in force on each day, from the profiles' in_force (see load/lineage.py).
IN_FORCE = {
    "2023-06-01": ("zoom-2023-03", "2023-03-31 to 2023-07-26"),
    "2023-08-01": ("zoom-2023-07", "2023-07-27 to 2023-08-06"),
    "2023-08-08": ("zoom-2023-08-07", "2023-08-07 to 2023-08-10"),
    "2023-09-01": ("zoom-2023-08", "from 2023-08-11"),
}


def _expected_notes(day: str) -> tuple[str, ...]:
    chosen, span = IN_FORCE[day]
    others = ", ".join(sorted(ALL_IDS - {chosen}))
    return (
        f"version in force on {day}: {chosen} ({span}), vendors/{chosen}.yaml",
        f"versions not in force on {day}, not evaluated: {others}",
    )


def _shared(notes: tuple[str, ...]) -> tuple[str, ...]:
    """The context's notes without the one only a command naming a profile can give."""
    return tuple(n for n in notes if not n.startswith("the named profile"))


@pytest.mark.parametrize("day", sorted(IN_FORCE))
def test_library_commands_agree_on_version_and_notes(day: str) -> None:
    as_of = date.fromisoformat(day)
    chosen, _ = IN_FORCE[day]
    checked = run.check(ZOOM, ORG, versions_on=as_of)
    reported = json.loads(build_report("json", ZOOM, ORG, today=as_of).text)
    gated = gate.evaluate(gate.GateRequest(vendor=MARCH, org=ORG, as_of=as_of))
    explained = explain.explain("zoom", AI_RULE, org_path=ORG, vendor_paths=ZOOM, as_of=as_of)

    assert [r.vendor.id for r in checked.results] == [chosen]
    assert [v["id"] for v in reported["vendors"]] == [chosen]
    assert gated.vendor.profile.id == chosen
    assert explained.vendor.id == chosen
    assert checked.evaluated_on == gated.evaluated_on == as_of
    assert reported["evaluatedOn"] == day
    assert explained.today == as_of

    expected = _expected_notes(day)
    assert checked.notes == expected
    assert _shared(gated.notes) == expected
    assert _shared(explained.notes) == expected
    # The same finding, hence the same verdict, wherever it is evaluated.
    verdicts = {
        next(f.verdict for f in checked.results[0].findings if f.rule == AI_RULE),
        next(f.verdict for f in gated.outcomes[0].result.findings if f.rule == AI_RULE),
        explained.finding.verdict,
    }
    assert len(verdicts) == 1


def test_naming_a_profile_not_in_force_says_so_in_gate_and_explain() -> None:
    as_of = date(2023, 9, 1)
    gated = gate.evaluate(gate.GateRequest(vendor=MARCH, org=ORG, as_of=as_of))
    explained = explain.explain(str(MARCH), AI_RULE, org_path=ORG, as_of=as_of)
    note = "the named profile zoom-2023-03 (2023-03-31 to 2023-07-26) was not in force then"
    assert note in gated.notes
    assert explained.notes == gated.notes
    assert explained.vendor.id == gated.vendor.profile.id == "zoom-2023-08"


def test_a_document_not_yet_in_force_gets_the_same_note_everywhere() -> None:
    """Whichever command asks, a quoted document effective after the day is noted the same."""
    (march,) = catalogue.load_vendors([MARCH])
    tos = next(iter(march.profile.documents.values()))
    later = replace(tos, effective=date(2023, 5, 1))
    documents: dict[str, Document] = {**march.profile.documents, tos.id: later}
    shifted = replace(march, profile=replace(march.profile, documents=documents))
    ctx = context.build_context(ORG, as_of=date(2023, 4, 15))
    selected, _ = context.select_versions(ctx, [shifted])
    picked, _ = context.pick_version(ctx, shifted, [shifted])
    note = (
        f"vendor `{shifted.profile.id}`: document `{tos.id}` took effect on 2023-05-01, after "
        "2023-04-15: what the profile quotes from it did not yet apply then"
    )
    assert note in selected.notes
    assert note in picked.notes


def _gate_notes(out: str) -> list[str]:
    return [line.removeprefix("Note: ") for line in out.splitlines() if line.startswith("Note: ")]


def _explain_notes(out: str) -> str:
    """The Notes section of ``explain``, unwrapped (wrapping only splits at spaces)."""
    section = out.split("\nNotes:\n", 1)[1].split("\n\n", 1)[0]
    return " ".join(line.removeprefix("  - ").strip() for line in section.splitlines())


@pytest.mark.parametrize("day", ["2023-06-01", "2023-08-08"])
def test_command_line_agrees_on_version_and_notes(day: str) -> None:
    chosen, _ = IN_FORCE[day]
    files = [str(p.relative_to(REPO)) for p in ZOOM]
    as_of = ("--org", str(ORG), "--as-of", day)
    checked = run_cli("check", *as_of, "--format", "json", *files)
    reported = run_cli("report", *as_of, "--format", "json", *files)
    gated = run_cli("gate", str(MARCH.relative_to(REPO)), *as_of)
    explained = run_cli("explain", "zoom", AI_RULE, *as_of)
    for proc in (checked, reported, gated, explained):
        assert proc.returncode in (0, 1), proc.stderr

    assert [v["id"] for v in json.loads(checked.stdout)["vendors"]] == [chosen]
    assert [v["id"] for v in json.loads(reported.stdout)["vendors"]] == [chosen]
    assert f"(vendors/{chosen}.yaml)" in gated.stdout.splitlines()[1]
    assert f"({chosen}), vendors/{chosen}.yaml" in explained.stdout.splitlines()[2]

    expected = _expected_notes(day)
    assert expected
    assert tuple(_shared(tuple(_gate_notes(gated.stdout)))) == expected
    # check and report, which stream a vendor at a time, tell them on standard error
    assert all(note in checked.stderr.splitlines() for note in expected), checked.stderr
    assert all(note in reported.stderr.splitlines() for note in expected), reported.stderr
    shown = _explain_notes(explained.stdout)
    assert all(note in shown for note in expected)


def test_an_as_of_before_any_version_is_an_error_in_every_command() -> None:
    """Fail closed: no version in force is an input error, never another version evaluated."""
    day = "2022-01-01"
    files = [str(p.relative_to(REPO)) for p in ZOOM]
    as_of = ("--org", str(ORG), "--as-of", day)
    for args in (
        ("check", *as_of, *files),
        ("report", *as_of, "--format", "json", *files),
        ("gate", str(MARCH.relative_to(REPO)), *as_of),
        ("explain", "zoom", AI_RULE, *as_of),
    ):
        proc = run_cli(*args)
        assert proc.returncode == 2, (args, proc.stdout)
        assert f"no version of `zoom` was in force on {day}" in proc.stderr, args


def test_path_of_check_module_is_the_one_under_test() -> None:
    # Guards against an installed copy shadowing the worktree (the test would prove nothing).
    assert Path(run.__file__).is_relative_to(REPO)
