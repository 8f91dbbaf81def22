"""One module per output format; each takes a CheckResult and returns a string."""
