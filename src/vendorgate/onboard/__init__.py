"""Onboarding a vendor (``vendorgate new``): a first, complete vendor profile from a vendor's
documents, ready for review."""
