"""Data on a terminal: every character a stored text or a file name holds is shown, none is obeyed.

Text from articles and file names may hold terminal control characters (ESC
starts an ANSI/VT100 escape sequence that can recolour, move the cursor or
retitle the window; CR returns to the start of the line and lets the rest of a
line overwrite what came before; NUL and the other C0/C1 controls are
invisible or act on the terminal), and bidirectional overrides that make a
line display in another order than it reads (CVE-2021-42574, "Trojan
Source"). Printing such text for a person must neither act on the terminal
nor hide a character, so :func:`visible` replaces each one by a visible stand-in:

- C0 controls U+0000–U+001F and DEL U+007F become their Unicode *control
  pictures* (U+2400–U+2421, block "Control Pictures": ``␀`` ``␛`` ``␍`` ...),
  one character for one, so offsets into the text stay valid;
- C1 controls U+0080–U+009F, the bidi embeddings, overrides and isolates
  (U+202A–U+202E, U+2066–U+2069) and the line and paragraph separators
  U+2028/U+2029 become ``\\x9b`` / ``\\u202e`` escapes (Unicode has no
  pictures for them);
- TAB stays a tab (it only moves the cursor right); LF (newline) stays a
  newline where the output is multi-line (a table cell, an article) and
  becomes ``␊`` where one line is one record (an error, a skip, a warning), so
  a file name cannot forge a line of its own.

Rich markup (``[bold]``) is a separate matter: :mod:`newsledger.cli.output`
hands data to rich as ``rich.text.Text``, which rich never parses as markup.
Machine output (``--json``, ``--nl``, ``--csv``) is never passed through here:
it stays exact.
"""

from __future__ import annotations

_ONE_LINE: dict[int, str] = {c: chr(0x2400 + c) for c in range(0x20)}
_ONE_LINE[0x7F] = "\u2421"
_ONE_LINE.update({c: f"\\x{c:02x}" for c in range(0x80, 0xA0)})
_ONE_LINE.update({c: f"\\u{c:04x}" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x2028, 0x2029)})
del _ONE_LINE[0x09]  # TAB stays
_MULTI_LINE = {**_ONE_LINE}
del _MULTI_LINE[0x0A]  # LF stays a newline

_TABLES = {True: str.maketrans(_MULTI_LINE), False: str.maketrans(_ONE_LINE)}


def visible(text: str, *, newlines: bool = True) -> str:
    """``text`` with every terminal control character replaced by a visible stand-in (see the module docstring).

    Args:
        text: data to print: a stored text, a title, a file name, an error naming one.
        newlines: keep LF as a line break (multi-line output); False shows it as ``␊``.

    Returns:
        The text to print. A C0 control or DEL maps to one character, so
        offsets into ``text`` stay valid when ``text`` holds no C1 or bidi controls.
    """
    return text.translate(_TABLES[newlines])


__all__ = ["visible"]


def rich_console(**kwargs):
    """A ``rich.console.Console(**kwargs)`` on which a broken pipe raises ``BrokenPipeError``.

    Rich's own handler (``Console.on_broken_pipe``) exits 1 on the spot; raised instead, the error reaches
    the CLI's one handler (:func:`newsledger.cli.errors.reader_gone`: quiet, exit 0), as it does from
    ``click.echo`` or ``json.dump``. rich is imported here, on first use.
    """
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            self.quiet = True  # nothing more to write: the reader is gone
            raise BrokenPipeError(32, "Broken pipe")

    return _Console(**kwargs)
