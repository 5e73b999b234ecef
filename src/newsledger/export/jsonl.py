"""JSON Lines export: one JSON object a line, each tagged with its ``record`` kind (``story`` for now)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

from ..store import Store
from ..store.filters import StoryFilter


def story_lines(store: Store) -> Iterator[dict[str, Any]]:
    """Every story (as ``Store.stories`` gives it), latest first, with ``"record": "story"`` first in each object."""
    for s in store.stories(StoryFilter()):
        yield {"record": "story", **s}


def write_jsonl(store: Store, out: TextIO) -> int:
    """Write the JSON Lines export of ``store`` to ``out`` (UTF-8 text); returns the number of lines."""
    n = 0
    for obj in story_lines(store):
        out.write(json.dumps(obj, ensure_ascii=False) + "\n")
        n += 1
    return n
