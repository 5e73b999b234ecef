"""``newsledger export``: GeoJSON layers and GEXF actor networks."""

from __future__ import annotations

import json
import sys

import click

from .errors import handles_errors, open_db
from .group import cli
from .options import (
    db_option,
)


@cli.command()
@db_option
@click.option("--format", "fmt_out", type=click.Choice(["geojson", "gexf", "jsonl"]), default="geojson", show_default=True,
              help="geojson: places and events as points (QGIS); gexf: an actor network (Gephi); jsonl: stories, one a line.")
@click.option("--layer", "layer_names", multiple=True, help="geojson: only this layer (repeatable; default: all, e.g. places).")
@click.option("--network", type=click.Choice(["events", "cooccurrence", "provenance"]), default="events", show_default=True,
              help="gexf: events (directed, source actor → recipient), cooccurrence (actors in the same article) or "
                   "provenance (each story's origins → reports, and text reuse between reports).")
@click.option("--story", "story_ref", metavar="ID", help="gexf --network provenance: only this story (id or 6+ character prefix).")
@click.option("--country", metavar="CC", help="Only features (or events) in this country (ISO 3166-1 alpha-2).")
@click.option("--article", help="Only this article (id, unique id prefix or URL).")
@click.option("--out", type=click.Path(dir_okay=False, writable=True), help="Write to this file (default: stdout).")
@handles_errors
def export(db, fmt_out, layer_names, network, story_ref, country, article, out):
    """Export the ledger for other tools: GeoJSON (RFC 7946) for QGIS, GEXF for Gephi.

    GeoJSON: a FeatureCollection with one Point per resolved place mention
    with coordinates (layer "places": article_id, outlet, published, title,
    url, text (the mention), name, feature, country, admin1, gazetteer,
    gazetteer_id, score) and per located event (layer "events").

    GEXF 1.2: nodes are global actors (label, kind, country, articles,
    mentions); with --network events, a directed edge per source → recipient
    pair (weight = events, event_types, first_when, last_when, articles);
    with --network cooccurrence, an undirected edge per pair of actors named
    in the same article (weight = articles). With --network provenance, the
    stories' independent sources: origin nodes (origin_kind, story_id) with
    an edge to each report resting on them (evidence kinds), and report →
    report edges for text reuse (METER labels, coverages, passages). A
    summary line goes to stderr.

    JSON Lines: one object a line, ``"record": "story"`` and the fields of
    newsledger stories --json (reports, outlets, member events, ...).

    \b
    Example:
        newsledger export --format geojson --out places.geojson
        newsledger export --format jsonl --out stories.jsonl
        newsledger export --layer places --country IL | jq '.features | length'
        newsledger export --format gexf --network events --out actors.gexf
        newsledger export --format gexf --network provenance --out sources.gexf
    """
    if story_ref and (fmt_out != "gexf" or network != "provenance"):
        raise click.UsageError("--story applies to --format gexf --network provenance only.")
    if fmt_out == "jsonl":
        if layer_names or country or article:
            raise click.UsageError("--layer, --country and --article apply to geojson and gexf only.")
        _export_jsonl(open_db(db), out)
        sys.exit(0)
    if fmt_out == "gexf":
        if layer_names:
            raise click.UsageError("--layer applies to --format geojson only.")
        if network == "provenance":
            _export_provenance(open_db(db), story_ref, country, article, out)
        else:
            _export_gexf(open_db(db), network, country, article, out)
        sys.exit(0)
    from ..export.geojson import feature_collection

    data = feature_collection(open_db(db), names=layer_names or None, country=country, article=article)
    text = json.dumps(data, ensure_ascii=False, indent=1)
    if out:
        with open(out, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    else:
        click.echo(text)
    click.echo(f"{len(data['features']):,} features" + (f" → {out}" if out else ""), err=True)
    sys.exit(0)


def _export_gexf(store, network: str, country: str | None, article: str | None, out: str | None) -> None:
    from ..export.gexf import write_gexf
    from ..query.network import actor_graph

    if country and network != "events":
        raise click.UsageError("--country applies to --network events only.")
    graph = actor_graph(store, network, country=country, article=article)
    if out:
        write_gexf(graph, out)
    else:
        write_gexf(graph, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    click.echo(f"{graph.number_of_nodes():,} actors, {graph.number_of_edges():,} edges ({network})"
               + (f" → {out}" if out else ""), err=True)


def _export_provenance(store, story_ref: str | None, country: str | None, article: str | None, out: str | None) -> None:
    from ..export.gexf import write_gexf
    from ..query.provenance import provenance_graph

    if country or article:
        raise click.UsageError("--country and --article do not apply to --network provenance (use --story).")
    graph = provenance_graph(store, story_ref)
    if out:
        write_gexf(graph, out)
    else:
        write_gexf(graph, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    origins = sum(1 for _, d in graph.nodes(data=True) if d["type"] == "origin")
    click.echo(f"{origins:,} origins, {graph.number_of_nodes() - origins:,} reports, {graph.number_of_edges():,} edges"
               " (provenance)" + (f" → {out}" if out else ""), err=True)


def _export_jsonl(store, out: str | None) -> None:
    from ..export.jsonl import write_jsonl

    if out:
        with open(out, "w", encoding="utf-8") as f:
            n = write_jsonl(store, f)
    else:
        n = write_jsonl(store, sys.stdout)
        sys.stdout.flush()
    click.echo(f"{n:,} stories" + (f" → {out}" if out else ""), err=True)
