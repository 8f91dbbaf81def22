"""What CI needs beyond a check: baselines of accepted findings, the verdicts of two git
revisions compared, and read-only git access."""
