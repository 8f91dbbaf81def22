"""Evidence behind facts: pinned snapshots, quote resolution, ``evidence verify``,
``evidence diff`` between document versions, and the careful fetcher behind ``watch``."""
