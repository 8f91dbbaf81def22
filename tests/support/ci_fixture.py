"""A small, self-contained vendor repository for the CI tests (diff, pre-commit): the example
hospital, one HIPAA rule, and Zoom's profile in two versions - after the August 2023 rewrite
(approved) and under the March 2023 clauses (rejected). Every quote is copied verbatim from the
snapshots the profiles pin (byte-exact copies of the corpus, credited in snapshots/NOTICE.md);
the test repository gets its own copies of those two snapshots."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.support.cli import REPO

ORG_NAME = "Riverside Community Hospital (example)"

ORG = f"""apiVersion: vendorgate/v1
kind: OrgProfile
name: {ORG_NAME}
sectors: [healthcare]
jurisdictions: [us]
rules_paths: [rules]
vendors_paths: [vendors]
blocking:
  severity: high
  undetermined: block
evidence:
  require: verified
"""

RULES = """apiVersion: vendorgate/v1
kind: RulePack
id: healthcare-hipaa
title: HIPAA - vendors that receive protected health information
rules:
  - id: hipaa-no-ai-training-on-phi
    title: PHI is never used to train the vendor's or third parties' AI models
    severity: critical
    applies_to:
      data_classes: [phi]
    condition:
      all:
        - fact: ai_training_customer_content
          equals: never
        - fact: ai_training_third_party
          equals: never
    citations:
      - authority: hipaa-164-504-e-2-i
        citation: "45 CFR 164.504(e)(2)(i)"
        title: "HIPAA - business associate contract: permitted uses"
        url: "https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-E/section-164.504"
    remediation: The BAA must forbid using PHI to train any AI model.
"""

_HEADER = """apiVersion: vendorgate/v1
kind: VendorProfile
id: {id}
name: Zoom
category: video_conferencing
documents:
  - id: tos
    title: {title}
    type: terms_of_service
    url: https://explore.zoom.us/en/terms/
    effective: {effective}
    sha256: {sha256}
    snapshot: ../snapshots/zoom/terms-of-service/{snapshot}
facts:
"""

_AUGUST_FACTS = """  ai_training_customer_content:
    value: never
    evidence:
      - doc: tos
        section: "10.2"
        quote: >-
          Zoom does not use any of your audio, video, chat, screen sharing, attachments or
          other communications-like Customer Content (such as poll results, whiteboard and
          reactions) to train Zoom or third-party artificial intelligence models.
  ai_training_third_party:
    value: never
    evidence:
      - doc: tos
        section: "10.2"
        quote: >-
          to train Zoom or third-party artificial intelligence models
"""

_MARCH_FACTS = """  ai_training_customer_content:
    value: always
    evidence:
      - doc: tos
        section: "10.4"
        quote: >-
          (ii) for the purpose of product and service development, marketing, analytics,
          quality assurance, machine learning, artificial intelligence, training, testing,
          improvement of the Services, Software, or Zoom’s other products, services, and
          software, or any combination thereof
  ai_training_third_party:
    value: undisclosed
"""

_USAGE = """usage:
  status: active
  data_classes: [phi]
"""


def zoom_august(vendor_id: str = "zoom") -> str:
    """Zoom after the August 2023 rewrite: passes the rule."""
    head = _HEADER.format(
        id=vendor_id,
        title="Zoom Terms of Service (effective August 11, 2023)",
        effective="2023-08-11",
        sha256="f5f148d2abc7696a2e50af347409b384037d3e83a03b3a75b2bffde0a1ec5551",
        snapshot="2023-08-11.md",
    )
    return head + _AUGUST_FACTS + _USAGE


def zoom_march(vendor_id: str = "zoom") -> str:
    """Zoom under the March 2023 clauses: fails the rule."""
    head = _HEADER.format(
        id=vendor_id,
        title="Zoom Terms of Service (effective March 31, 2023)",
        effective="2023-03-31",
        sha256="23793ad8e1f704cd5867aded44c51e6c8ce0c4e0518429399b9ef50d768e33b3",
        snapshot="2023-04-01.md",
    )
    return head + _MARCH_FACTS + _USAGE


GIT_ENV = {
    "GIT_AUTHOR_NAME": "vendorgate tests",
    "GIT_AUTHOR_EMAIL": "tests@example.org",
    "GIT_COMMITTER_NAME": "vendorgate tests",
    "GIT_COMMITTER_EMAIL": "tests@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **GIT_ENV, "HOME": str(repo.parent)}
    return subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=check
    )


def make_repo(root: Path) -> Path:
    """An initialised git repository holding the organisation, the rule pack and snapshots,
    committed, with no vendors yet."""
    repo = root / "vendor-list"
    (repo / "rules").mkdir(parents=True)
    (repo / "vendors").mkdir()
    (repo / "vendorgate.yaml").write_text(ORG, encoding="utf-8")
    (repo / "rules" / "healthcare-hipaa.yaml").write_text(RULES, encoding="utf-8")
    target = repo / "snapshots" / "zoom" / "terms-of-service"
    target.mkdir(parents=True)
    for name in ("2023-04-01.md", "2023-08-11.md"):
        shutil.copyfile(REPO / "snapshots" / "zoom" / "terms-of-service" / name, target / name)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "commit.gpgsign", "false")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "organisation, rules, snapshots")
    return repo
