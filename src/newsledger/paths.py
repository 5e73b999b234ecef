r"""File paths as text: one lossless, printable form for the paths records carry and the store keeps.

A POSIX file name is bytes, not text. Python hands a name that is not valid UTF-8 over as a ``str``
with lone surrogates (:func:`os.fsdecode`, ``surrogateescape``: byte ``0xFF`` becomes ``'\udcff'``),
and such a string cannot be written as UTF-8: not to SQLite, not to JSON on stdout, not to a CSV.

:func:`path_text` is the one conversion, used wherever a path enters a record
(``Article.source_path``, ``Skip.path``) or a message:

* a path that is valid UTF-8, holds no control character and does not begin with ``"`` is kept as
  it is (every ordinary path, so stored paths and golden files do not change);
* any other is quoted the way Git quotes paths (``core.quotePath``): in double quotes, with ``\\``,
  ``\"``, ``\t``, ``\n``, ``\r`` escaped, and every other byte that is a control character or not
  valid UTF-8 written as a three-digit octal escape: ``bad-\377.txt`` is stored and shown as
  ``"bad-\377.txt"``.

The form is lossless: :func:`os_path` turns it back into the name the operating system knows, and
a quoted form can never be mistaken for a plain name (plain names never begin with ``"``).
"""

from __future__ import annotations

import os

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\a": "\\a", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\v": "\\v",
            "\f": "\\f", "\r": "\\r"}
_UNESCAPES = {v[1]: k for k, v in _ESCAPES.items()}


def _plain(text: str) -> bool:
    """True when ``text`` is valid Unicode (no lone surrogates) with no control character (C0, DEL, C1)."""
    return not any(c < " " or "\x7f" <= c <= "\x9f" or "\ud800" <= c <= "\udfff" for c in text)


def is_plain(text: str) -> bool:
    """True when ``text`` can be written as UTF-8 and printed as it is (no lone surrogate, no control character)."""
    return _plain(text)


def path_text(path: str | bytes | os.PathLike) -> str:
    r"""The path as text: itself when plain, else Git-style quoted (``"bad-\377.txt"``). See the module.

    Args:
        path: an OS path (``str`` with surrogate escapes, ``bytes`` or path-like) or any text holding one.

    Returns:
        Valid Unicode with no control characters; :func:`os_path` gives ``path`` back.
    """
    p = os.fsdecode(os.fspath(path))
    if _plain(p) and not p.startswith('"'):
        return p
    out = ['"']
    for c in p:
        if c in _ESCAPES:
            out.append(_ESCAPES[c])
        elif "\udc80" <= c <= "\udcff":  # an undecodable byte, as surrogateescape hands it over
            out.append(f"\\{ord(c) - 0xDC00:03o}")
        elif c < " " or "\x7f" <= c <= "\x9f" or "\ud800" <= c <= "\udfff":
            out.extend(f"\\{b:03o}" for b in c.encode("utf-8", "surrogatepass"))
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


def os_path(text: str) -> str:
    r"""The OS path (``str``, surrogate-escaped as :func:`os.fsdecode` gives it) of a :func:`path_text` form.

    ``os_path(path_text(p)) == os.fsdecode(p)`` for every path ``p``.
    """
    if len(text) < 2 or not (text[0] == text[-1] == '"'):
        return text
    out = bytearray()
    i, end = 1, len(text) - 1
    while i < end:
        c = text[i]
        if c == "\\" and i + 1 < end:
            n = text[i + 1]
            if n in "01234567":
                out.append(int(text[i + 1 : i + 4], 8))
                i += 4
                continue
            out += _UNESCAPES.get(n, n).encode("utf-8")
            i += 2
            continue
        out += c.encode("utf-8", "surrogatepass")
        i += 1
    return os.fsdecode(bytes(out))


def message_text(message: str, *paths: str) -> str:
    """``message`` safe to store and print: each of ``paths`` in it shown by :func:`path_text`,
    any other undecodable byte or control character (but newlines and tabs) as an octal escape."""
    for p in paths:
        if p and not _plain(p):
            message = message.replace(p, path_text(p))
    if _plain(message.replace("\n", "").replace("\t", "")):
        return message
    return "".join(c if c in "\n\t" or _plain(c) else path_text(c)[1:-1] for c in message)
