"""The CI templates in ci/: well-formed YAML, and every vendorgate command line they run uses
commands, options and format names the real CLI accepts."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import click
import pytest
import yaml

from tests.support.cli import REPO
from vendorgate.cli import main

GITHUB = REPO / "ci" / "github-actions.yml"
GITLAB = REPO / "ci" / "gitlab-ci.yml"
ACTION = REPO / "action.yml"
CHECK_SCRIPT = REPO / "ci" / "action" / "check.sh"


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def vendorgate_commands(script: str) -> list[list[str]]:
    """The argument lists of each `vendorgate ...` invocation in a shell script."""
    found = []
    joined = script.replace("\\\n", " ")
    for line in joined.splitlines():
        for part in re.split(r"\|\||&&|;|>>|\|", line):
            words = shlex.split(part.strip(), posix=True) if part.strip() else []
            if words and words[0] == "vendorgate":
                found.append(words[1:])
    return found


def check_invocation(args: list[str]) -> None:
    command = main.commands[args[0]]
    assert isinstance(command, click.Command)
    options = {opt: param for param in command.params for opt in param.opts}
    rest = args[1:]
    while rest:
        word = rest.pop(0)
        if not word.startswith("-"):
            continue
        assert word in options, f"`vendorgate {args[0]}` has no option {word}"
        param = options[word]
        if isinstance(param, click.Option) and not param.is_flag:
            value = rest.pop(0)
            if isinstance(param.type, click.Choice):
                assert value in param.type.choices, f"{word} {value}"


def test_github_workflow_runs_the_action_which_uploads_sarif_and_summarises_the_diff() -> None:
    workflow = load(GITHUB)
    steps = workflow["jobs"]["vendorgate"]["steps"]
    assert workflow["jobs"]["vendorgate"]["permissions"]["security-events"] == "write"
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # diff needs the base commit
    action = next(s for s in steps if s.get("uses", "").startswith("vendorgate/vendorgate@"))
    assert set(action["with"]["formats"].split()) == {"sarif", "github"}

    steps = load(ACTION)["runs"]["steps"]
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/"))
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["with"]["sarif_file"] == "${{ steps.check.outputs.sarif-file }}"
    # The action runs the executable it installed, named by $VENDORGATE.
    scripts = [s["run"].replace('"$VENDORGATE"', "vendorgate") for s in steps if "run" in s]
    commands = [c for script in scripts for c in vendorgate_commands(script)]
    assert any(c[0] == "diff" and "markdown" in c for c in commands)
    assert any("GITHUB_STEP_SUMMARY" in s for s in scripts if "vendorgate diff" in s)
    for command in commands:
        check_invocation(command)


def test_every_format_the_action_offers_is_a_check_format() -> None:
    script = CHECK_SCRIPT.read_text(encoding="utf-8")
    table = script.split("declare -A EXTENSION=(", 1)[1].split(")", 1)[0]
    offered = set(re.findall(r"\[([a-z]+)\]=", table))
    fmt = next(p for p in main.commands["check"].params if p.name == "fmt")
    assert isinstance(fmt.type, click.Choice)
    assert offered == set(fmt.type.choices) and "gitlab" in offered


def test_gitlab_job_publishes_the_junit_and_code_quality_reports() -> None:
    job = load(GITLAB)["vendorgate"]
    quality = job["artifacts"]["reports"]["codequality"]
    report = job["artifacts"]["reports"]["junit"]
    assert job["artifacts"]["when"] == "always"
    commands = [c for line in job["script"] for c in vendorgate_commands(line)]
    # One evaluation writes both reports (`--output FORMAT=PATH`, repeated).
    reports = next(c for c in commands if c[0] == "check" and "--output" in c)
    written = [reports[i + 1] for i, word in enumerate(reports) if word == "--output"]
    assert written == [f"gitlab={quality}", f"junit={report}"]
    for command in commands:
        check_invocation(command)


@pytest.mark.parametrize("path", [ACTION, GITLAB])
def test_templates_tolerate_only_exit_1_where_they_do(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    # `|| true` would hide exit 2 (bad input); the templates only let 1 through.
    assert "|| true" not in text
    assert "|| [ $? -eq 1 ]" in text


def test_check_invocation_catches_a_wrong_option() -> None:
    with pytest.raises(AssertionError):
        check_invocation(["check", "--format", "sarif2"])
    with pytest.raises(AssertionError):
        check_invocation(["diff", "--no-such-option"])
