"""Scorers for each extractor against public evaluation sets (``newsledger eval ...``)."""
