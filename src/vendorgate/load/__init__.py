"""From files to checked inputs: YAML with the position of every value, validation against
the schemas (compiled yes/no check first, jsonschema to explain), profiles, rule packs,
waiver and usage checks, the workspace (roots, discovery, display paths), lineage, and path
options checked before they are read."""
