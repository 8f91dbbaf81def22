"""The cache of parsed profiles and of the last runs' per-vendor pieces. It only ever saves
work: a missing, damaged or foreign entry is a miss."""
