"""Evaluation: the three-valued condition logic, one vendor and plan against every rule,
blocking and decisions (fail-closed), and the built-in findings (evidence age, expired
waivers, evaluation errors)."""
