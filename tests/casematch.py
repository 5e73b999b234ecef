"""The matcher of ../shared/cases/README.md ("Matching (normative)"), over `analyze --json` output."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

SECTIONS = ("paragraphs", "mentions", "timexes", "actors", "attributions", "events", "places")
COMMENT_KEYS = {"note", "doc"}
_WS = re.compile(r"[\s\u00a0]+")


def norm(value: Any) -> Any:
    """NFC, casefold, ’‘ → ', “” → ", whitespace runs (NBSP included) → one space."""
    if not isinstance(value, str):
        return value
    s = unicodedata.normalize("NFC", value).casefold()
    s = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return _WS.sub(" ", s).strip()


def _text_of(value: Any) -> Any:
    if isinstance(value, dict) and "text" in value:
        return value["text"]
    return value


def _strings(value: Any) -> list[str]:
    """Every string a list-ish field holds: list items (span texts), or dict keys/inner keys (descriptors per outlet)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        if "text" in value and isinstance(value["text"], str):
            return [value["text"]]
        out = []
        for k, v in value.items():
            if isinstance(v, dict):
                out.extend(v.keys())
            else:
                out.append(k)
        return out
    out = []
    for item in value:
        out.extend(_strings(item) if not isinstance(item, str) else [item])
    return out


class Output:
    """One article's analysis as JSON, with look-ups the matcher needs."""

    def __init__(self, data: dict):
        self.data = data
        self.actor_names = {a["actor_id"]: a["name"] for a in data.get("actors") or []}

    def section(self, name: str) -> list[dict] | None:
        return self.data.get(name)

    def value(self, section: str, record: dict, key: str) -> Any:
        if key in ("actor", "target") and section in ("events", "mentions"):
            ref = record.get("actor_id" if (section == "mentions" and key == "actor") else key)
            return self.actor_names.get(ref, ref)
        if key == "place_country":
            place = record.get("place") or {}
            return place.get("country")
        if key == "hedged":
            return bool(record.get("hedges"))
        if key == "content":
            return record.get("contents")
        return record.get(key)


def matches(out: Output, section: str, record: dict, expected: dict) -> bool:
    """True when ``record`` satisfies every key of the partial ``expected`` record."""
    for key, want in expected.items():
        if key in COMMENT_KEYS:
            continue
        if key.endswith("_contains"):
            field = key[: -len("_contains")]
            got = out.value(section, record, field)
            texts = _strings(got) if isinstance(got, (list, tuple)) else [_text_of(got)]
            if not any(isinstance(t, str) and norm(want) in norm(t) for t in texts):
                return False
        elif key.endswith("_include"):
            field = key[: -len("_include")]
            have = {norm(s) for s in _strings(out.value(section, record, field))}
            if not all(norm(w) in have for w in want):
                return False
        else:
            got = out.value(section, record, key)
            if want is None:
                if got is not None:
                    return False
            elif isinstance(want, bool):
                if bool(got) != want:
                    return False
            elif norm(_text_of(got)) != norm(want):
                return False
    return True


def spans_in(value: Any):
    """Every nested dict that is a span (``start``, ``end``, ``text``)."""
    if isinstance(value, dict):
        if isinstance(value.get("start"), int) and isinstance(value.get("end"), int) and isinstance(value.get("text"), str):
            yield value
        for v in value.values():
            yield from spans_in(v)
    elif isinstance(value, list):
        for v in value:
            yield from spans_in(v)
