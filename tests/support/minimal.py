"""A minimal rule pack and organisation profile, for tests that build a project in a tmp folder."""

PACK = """\
apiVersion: vendorgate/v1
kind: RulePack
id: mini
title: Minimal pack
rules:
  - id: mini-ai
    title: No AI training on customer content
    severity: high
    condition:
      fact: ai_training_customer_content
      in: [never, opt_in]
    citations:
      - citation: "GDPR Art. 5(1)(b)"
        url: "https://eur-lex.europa.eu/eli/reg/2016/679/oj"
    remediation: Forbid training in the contract.
"""
"""One high-severity rule: no AI training on customer content."""

ORG = """\
apiVersion: vendorgate/v1
kind: OrgProfile
name: Test Org
sectors: [healthcare]
jurisdictions: [us]
rules_paths: [rules]
vendors_paths: [vendors]
"""
"""Uses the pack above on the profiles in ``vendors/``."""
