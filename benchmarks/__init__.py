"""``make bench`` and its arms: ``run.py`` is the entry point, ``arms/`` holds one module per arm."""
