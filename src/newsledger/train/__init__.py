"""Training and development of newsledger's learned parts, on the **train** splits of ``../shared/eval``.

Each trainer module exposes ``main(argv) -> int`` and is listed in
:data:`~newsledger.train.__main__.TRAINERS`; run one with ``python -m
newsledger.train NAME ...``. Trainers write what they learn to an ``--out``
folder, never into the installed package: shipping new weights is a commit
that copies the file into the package's ``data/`` folder.

Modules: :mod:`.attribution` (the attribution rules' train-split harness and
the learned cue detector, ``analyze/attribution/data/cue_weights.json``).
"""
