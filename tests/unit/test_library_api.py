"""The library API the README documents, used as a library user would: a fresh interpreter that
imports only ``vendorgate`` and reaches everything else through it."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from tests.support.cli import REPO

SCRIPT = textwrap.dedent(
    """
    import json, sys
    import vendorgate

    assert "vendorgate.report" not in sys.modules  # importing the package stays cheap
    result = vendorgate.check(["vendors/"], org_path="vendorgate.yaml")
    rendered = vendorgate.report.render("json", result)
    kinds = vendorgate.validate(["vendors/zoom-2023-03.yaml"])
    try:
        vendorgate.check(["no-such-folder/"], org_path="vendorgate.yaml")
    except vendorgate.errors.VendorgateError as exc:
        failure = type(exc).__name__
    print(json.dumps({
        "version": vendorgate.__version__,
        "findings": len(result.findings),
        "rules": sorted({f.rule for f in result.findings})[:3],
        "report_vendors": len(json.loads(rendered)["vendors"]),
        "kinds": kinds,
        "failure": failure,
    }))
    """
)


def test_the_readme_library_api_works_from_a_fresh_interpreter() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["version"].count(".") == 2
    assert answer["findings"] > 0
    assert answer["report_vendors"] == len(list((REPO / "vendors").glob("*.yaml")))
    assert answer["kinds"] == ["vendor"]
    assert answer["failure"] == "UsageError"


def test_an_unknown_attribute_of_the_package_is_an_attribute_error() -> None:
    import vendorgate

    try:
        vendorgate.no_such_thing  # noqa: B018
    except AttributeError as exc:
        assert "no_such_thing" in str(exc)
    else:
        raise AssertionError("vendorgate.no_such_thing resolved")
