"""The published JSON Schemas: the shipped files (``*.schema.json``) and the builder that
generates them from the vocabulary (``python -m vendorgate.schemas.build``)."""
