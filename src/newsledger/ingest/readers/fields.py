"""The article fields an input may give, and ``--map`` (renaming JSON Lines keys / CSV columns to them)."""

from __future__ import annotations

from ...errors import ConfigError

ARTICLE_FIELDS = ("text", "html", "title", "url", "outlet", "outlet_domain", "byline", "published", "language", "locale")
"""Field names a JSON Lines record, CSV row or sidecar may carry (DESIGN.md, Article)."""


SIDECAR_FIELDS = ("outlet", "published", "url", "title", "byline", "language", "locale")


def parse_field_map(spec: str | None) -> dict[str, str]:
    """Parse ``--map`` text: ``COLUMN=FIELD[,COLUMN=FIELD...]`` (e.g. ``body=text,pub_date=published``).

    Raises:
        ConfigError: a pair is not ``COLUMN=FIELD``, FIELD is not one of
            :data:`ARTICLE_FIELDS`, or a column or a field is named twice
            (``body=text,body2=text``: "text is mapped twice").
    """
    out: dict[str, str] = {}
    if not spec:
        return out
    for pair in spec.split(","):
        if not pair.strip():
            continue
        column, sep, name = pair.partition("=")
        column, name = column.strip(), name.strip()
        if not sep or not column or not name:
            raise ConfigError(f"--map expects COLUMN=FIELD pairs, got {pair!r}.", key="map", value=pair)
        if name not in ARTICLE_FIELDS:
            raise ConfigError(
                f"--map {pair}: {name!r} is not an article field; use one of {', '.join(ARTICLE_FIELDS)}.",
                key="map",
                value=name,
                allowed=ARTICLE_FIELDS,
            )
        if column in out:
            raise ConfigError(f"--map: the column {column} is mapped twice (to {out[column]} and {name}).", key="map", value=column)
        if name in out.values():
            source = next(c for c, f in out.items() if f == name)
            raise ConfigError(f"--map: {name} is mapped twice (from {source} and {column}).", key="map", value=name)
        out[column] = name
    return out


def _metadata_value(key: str, value: object, where: str, warnings: list[str]) -> str | None:
    """A metadata field as text: strings as they are, numbers as their str; lists and objects are dropped with a warning."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    warnings.append(f"{where}: the {key!r} field is a {type(value).__name__}, not text; it is left out.")
    return None
