"""The bench's input: the first N Reuters-21578 stories with a body, as JSON Lines."""

from __future__ import annotations

import html
import json
import re
from datetime import datetime
from pathlib import Path

_DOC = re.compile(r"<REUTERS\b.*?</REUTERS>", re.S)
_FIELD = {name: re.compile(rf"<{name}>(.*?)</{name}>", re.S) for name in ("DATE", "TITLE", "BODY", "DATELINE")}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def reuters_jsonl(corpus: Path, n: int, out: Path) -> int:
    """Write the first ``n`` Reuters-21578 stories that have a body as JSON Lines; returns the count."""
    written = 0
    with out.open("w", encoding="utf-8") as f:
        for sgm in sorted(corpus.glob("reut2-*.sgm")):
            raw = sgm.read_bytes().decode("latin-1")
            for doc in _DOC.findall(raw):
                fields = {k: (m.group(1) if (m := rx.search(doc)) else "") for k, rx in _FIELD.items()}
                body = _CONTROL.sub("", html.unescape(fields["BODY"])).replace(" Reuter\n", "\n").strip()
                if not body:
                    continue
                when = datetime.strptime(fields["DATE"].strip().split(".")[0], "%d-%b-%Y %H:%M:%S")
                f.write(json.dumps({
                    "title": _CONTROL.sub("", html.unescape(fields["TITLE"])).strip(),
                    "text": body,
                    "published": when.date().isoformat(),
                    "outlet": "Reuters",
                }) + "\n")
                written += 1
                if written >= n:
                    return written
    return written
