"""Baselines run beside newsledger in ``make eval`` (each in an environment of its own)."""
