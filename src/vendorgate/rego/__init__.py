"""Rego: YAML rules compiled to Rego, packs written in Rego, regopy in a bounded worker
process, the OPA REST client, OPA bundles, and the adapter that lets ``check`` use them."""
