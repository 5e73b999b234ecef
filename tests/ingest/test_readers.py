"""Readers on every file of ../shared/corpus/formats, and the paragraph roles they yield."""

from __future__ import annotations

import pytest

from newsledger.errors import IngestError, SkipReason
from newsledger.ingest.article import build_article
from newsledger.ingest.readers import discover, parse_field_map, read_input, sniff
from newsledger.errors import ConfigError

CSV_MAP = {"body": "text", "headline": "title", "pub_date": "published", "link": "url", "site": "outlet"}


def articles_of(path, fmt=None, field_map=None):
    out = []
    for item in read_input(str(path), fmt, field_map=field_map):
        assert not isinstance(item, IngestError), item
        out.append(build_article(item))
    return out


def test_discover_formats_folder_ignores_readme(shared):
    found = discover([str(shared / "corpus" / "formats")])
    kinds = {p.rsplit("/", 1)[1]: k for p, k in found.inputs}
    assert kinds == {
        "aeb-sample.warc.gz": "warc",
        "articles.csv": "csv",
        "articles.jsonl": "jsonl",
        "feed-atom.xml": "feed",
        "feed-rss.xml": "feed",
    }
    assert [p.rsplit("/", 1)[1] for p in found.ignored] == ["README.md"]
    assert found.missing == []


def test_seed_sidecar_metadata(shared):
    [a] = articles_of(shared / "corpus" / "seed" / "presstv-haftar-son-israel.txt")
    assert (a.outlet, a.published, a.published_precision, a.published_evidence, a.language) == (
        "Press TV", "2021-11-09", "day", "sidecar", "en")
    assert a.title == "Haftar’s son visited Israel to seek support: Report"
    roles = [p.role for p in a.paragraphs]
    assert roles[:3] == ["boilerplate", "title", "caption"]
    assert roles[-3:] == ["boilerplate"] * 3
    assert roles.count("body") == 14
    # the text is the file's text (NFC), and every paragraph indexes it
    raw = (shared / "corpus" / "seed" / "presstv-haftar-son-israel.txt").read_text(encoding="utf-8")
    assert a.text == raw


def test_jsonl_text_html_and_no_metadata(shared):
    rail, mayor, bare = articles_of(shared / "corpus" / "formats" / "articles.jsonl")
    assert (rail.outlet, rail.published, rail.url) == ("Valley Post", "2022-11-12", "https://valley-post.example/2022/11/12/rail")
    assert rail.text.startswith("Rail link reopens after landslide\n\nThe mountain rail link reopened on Saturday")
    assert [p.role for p in mayor.paragraphs] == ["title", "body", "body"]
    assert mayor.text.endswith("Two council members said an audit would be ordered next month.")
    assert (bare.outlet, bare.published, bare.published_evidence) == (None, None, None)


def test_csv_needs_map_then_reads_rows(shared):
    path = shared / "corpus" / "formats" / "articles.csv"
    [err] = list(read_input(str(path), "csv"))
    assert isinstance(err, IngestError) and err.reason == SkipReason.MALFORMED
    assert "--map" in err.message and "headline, body, pub_date, link, site" in err.message
    drive, dam = articles_of(path, "csv", CSV_MAP)
    assert (drive.title, drive.outlet, drive.published) == ("Vaccination drive extended", "Health Wire", "2021-05-19")
    assert 'a deal was "within reach"' in dam.text


def test_rss_feed_entries(shared):
    strike, barrier, ferry = articles_of(shared / "corpus" / "formats" / "feed-rss.xml")
    assert {a.outlet for a in (strike, barrier, ferry)} == {"Coastal Bulletin"}
    assert strike.published == "2024-03-12T08:15:00+00:00" and strike.published_evidence == "feed"
    assert strike.byline == "Ama Boateng"
    assert strike.language == "en-GB"
    # content:encoded gives two paragraphs; a description-only item gives one
    assert [p.role for p in strike.paragraphs] == ["title", "body", "body"]
    assert [p.role for p in barrier.paragraphs] == ["title", "body"]
    assert ferry.text.endswith("the operator announced on Friday.")


def test_atom_published_never_updated(shared):
    coup, curfew = articles_of(shared / "corpus" / "formats" / "feed-atom.xml")
    assert coup.published == "2023-07-27T06:30:00+00:00"  # <updated> says 2023-07-28T08:00
    assert curfew.published == "2023-07-28T07:10:00+00:00"
    assert coup.outlet == "Sahel Monitor" and coup.url == "https://sahel-monitor.example/2023/07/27/detained"


def test_warc_html_records_only(shared):
    items = list(read_input(str(shared / "corpus" / "formats" / "aeb-sample.warc.gz"), "warc"))
    assert not [i for i in items if isinstance(i, IngestError)]  # the PNG record is passed over, not skipped
    arts = [build_article(i) for i in items]
    assert len(arts) == 6
    by_domain = {a.outlet_domain: a for a in arts}
    assert set(by_domain) == {"wsj.com", "nytimes.com", "ctpost.com", "venturebeat.com", "slashgear.com", "newsnation.in"}
    vb = by_domain["venturebeat.com"]
    assert vb.text.split("\n\n")[1].startswith("(Reuters) — The New York State Attorney General (NYAG) is investigating WeWork")
    # the Reuters credits line at the end is boilerplate
    assert vb.paragraphs[-1].role == "boilerplate" and vb.text[vb.paragraphs[-1].start:].startswith("(Reporting by")
    evidence = {a.outlet_domain: (a.published, a.published_evidence) for a in arts if a.published}
    # trafilatura's date for VentureBeat is its address's (/2019/11/18/; the markup says 2019-11-19): evidence "url"
    assert evidence.pop("venturebeat.com") == ("2019-11-18", "url")
    assert {e for _, e in evidence.values()} == {"html metadata"}


def test_figcaption_kept_as_caption(tmp_path):
    page = tmp_path / "page.html"
    body = " ".join(["The council voted on the new harbour plan after a long debate about costs and jobs."] * 4)
    page.write_text(
        "<html><head><title>Harbour plan approved</title></head><body><article><h1>Harbour plan approved</h1>"
        "<figure><img src='a.jpg'><figcaption>Councillors vote in the town hall on Tuesday. (Photo by Jan Berg)</figcaption></figure>"
        f"<p>{body}</p><p>{body}</p></article></body></html>",
        encoding="utf-8",
    )
    [a] = articles_of(page)
    caps = [a.text[p.start:p.end] for p in a.paragraphs if p.role == "caption"]
    assert caps == ["Councillors vote in the town hall on Tuesday. (Photo by Jan Berg)"]
    # placed before the body it precedes in the page
    roles = [p.role for p in a.paragraphs]
    assert roles.index("caption") < roles.index("body")


@pytest.mark.parametrize("data, kind", [
    (b"WARC/1.0\r\n", "warc"), (b"\x1f\x8b\x08", "warc"), (b'{"text": "x"}\n', "jsonl"),
    (b"<?xml version='1.0'?><rss version='2.0'>", "feed"), (b"<!doctype html><html>", "html"), (b"Plain words.", "text"),
])
def test_sniff(data, kind):
    assert sniff(data) == kind


def test_field_map_parsing():
    assert parse_field_map("body=text, pub_date=published") == {"body": "text", "pub_date": "published"}
    with pytest.raises(ConfigError, match="not an article field"):
        parse_field_map("body=content")
    with pytest.raises(ConfigError, match="COLUMN=FIELD"):
        parse_field_map("body")


# ---------------------------------------------------------------- damaged inputs: reported by name, never raised

def items_of(path, fmt=None, field_map=None):
    items = list(read_input(str(path), fmt, field_map=field_map))
    return [i for i in items if not isinstance(i, IngestError)], [i for i in items if isinstance(i, IngestError)]


def _warc_record(body: bytes, uri: str | None) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
    head = b"WARC/1.0\r\nWARC-Type: response\r\n"
    if uri:
        head += f"WARC-Target-URI: {uri}\r\n".encode()
    head += f"Content-Length: {len(http)}\r\n\r\n".encode()
    return head + http + b"\r\n\r\n"


_PAGE = ("<html><head><title>Harbour plan approved</title></head><body><article><h1>Harbour plan approved</h1>"
         + "<p>The council voted on the new harbour plan after a long debate about costs and jobs in the town.</p>" * 4
         + "</article></body></html>").encode()


def test_warc_record_without_target_uri_is_read_not_a_crash(tmp_path):
    path = tmp_path / "nouri.warc"
    path.write_bytes(_warc_record(_PAGE, None) + _warc_record(_PAGE.replace(b"Harbour", b"Port"), "https://example.org/port"))
    docs, errs = items_of(path, "warc")
    assert errs == []
    assert [d.url for d in docs] == [None, "https://example.org/port"]
    assert docs[0].path == f"{path}#record-1"


def test_warc_truncated_record_without_target_uri_is_reported(tmp_path):
    path = tmp_path / "plain_trunc.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\n"
                     b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>cut")
    docs, [err] = items_of(path, "warc")
    assert docs == [] and err.reason == SkipReason.TRUNCATED
    assert str(path) in err.message and "record 1" in err.message


@pytest.mark.parametrize("cut", [119890, 120000, 119741, 150000])
def test_warc_gz_cut_anywhere_in_a_record_keeps_records_before_and_reports(shared, tmp_path, cut):
    # 119740 is where the second gzip member starts; a cut in its first ~400 bytes used to go unreported
    path = tmp_path / "cut.warc.gz"
    path.write_bytes((shared / "corpus" / "formats" / "aeb-sample.warc.gz").read_bytes()[:cut])
    docs, [err] = items_of(path, "warc")
    assert len(docs) == 1 and docs[0].url.startswith("https://www.wsj.com/")
    assert err.reason == SkipReason.TRUNCATED and str(path) in err.message
    assert "truncated" in err.message and "1 record(s)" in err.message


def test_warc_gzip_of_random_bytes_is_not_a_warc_and_no_binary_in_message(tmp_path):
    import gzip
    import random

    path = tmp_path / "n.warc.gz"
    path.write_bytes(gzip.compress(random.Random(5).randbytes(5000)))
    docs, [err] = items_of(path, "warc")
    assert docs == [] and err.reason == SkipReason.MALFORMED
    assert f"{path}: not a WARC file" in err.message
    assert err.message.isascii() and len(err.message) < 200 + len(str(path))


def test_warc_format_forced_on_jsonl_reports_and_prints_nothing(shared, capfd):
    path = shared / "corpus" / "formats" / "articles.jsonl"
    docs, [err] = items_of(path, "warc")
    assert docs == [] and f"{path}: not a WARC file" in err.message
    assert len(err.message) < 250 + len(str(path))
    out, errout = capfd.readouterr()
    assert (out, errout) == ("", "")


def test_warc_wrong_content_length_reported_not_printed(tmp_path, capfd):
    good = _warc_record(_PAGE, "https://example.org/a")
    n = len(good.split(b"\r\n\r\n", 1)[1]) - 4
    # the first record says it is 10 bytes shorter than it is: warcio warns on stderr and resyncs
    bad = good.replace(f"Content-Length: {n}".encode(), f"Content-Length: {n - 10}".encode())
    assert bad != good
    path = tmp_path / "badlen.warc"
    path.write_bytes(bad + _warc_record(_PAGE, "https://example.org/b"))
    docs, [err] = items_of(path, "warc")  # never raises
    assert str(path) in err.message and "record 1 does not end where its Content-Length says" in err.message
    assert [d.url for d in docs] == ["https://example.org/a", "https://example.org/b"]
    out, errout = capfd.readouterr()
    assert "WARNING" not in errout and "Remainder" not in errout


def test_reader_crash_becomes_an_error_item(tmp_path, monkeypatch):
    from newsledger.ingest import readers

    def boom(path, data):
        raise AttributeError("'NoneType' object has no attribute 'startswith'")
        yield  # pragma: no cover

    monkeypatch.setattr(readers, "read_warc", boom)
    path = tmp_path / "x.warc"
    path.write_bytes(b"WARC/1.0\r\n")
    [err] = list(read_input(str(path), "warc"))
    assert isinstance(err, IngestError) and str(path) in err.message and "AttributeError" in err.message


def test_truncated_feed_keeps_entries_and_reports_damage(shared, tmp_path):
    path = tmp_path / "t.xml"
    lines = (shared / "corpus" / "formats" / "feed-rss.xml").read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:15]), encoding="utf-8")
    docs, [err] = items_of(path, "feed")
    assert [d.title for d in docs] == ["Harbour strike enters second week"]
    assert err.reason == SkipReason.TRUNCATED
    assert err.message.startswith(f"{path}: the feed is truncated or malformed (no element found")
    assert err.message.endswith(": 1 entry read.")


def test_feed_cut_in_its_head_is_truncated_not_empty(tmp_path):
    path = tmp_path / "head.xml"
    path.write_text('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Coastal', encoding="utf-8")
    docs, [err] = items_of(path, "feed")
    assert docs == [] and str(path) in err.message and "truncated or malformed" in err.message
    assert "0 entries read" in err.message


def test_feed_encoding_declaration_mismatch_is_not_damage(tmp_path):
    path = tmp_path / "enc.xml"
    path.write_bytes(
        '<?xml version="1.0" encoding="us-ascii"?>\n<rss version="2.0"><channel><title>Café Wire</title>'
        "<item><title>Café closes</title><description>The café on the square closed on Monday after forty years.</description></item>"
        "</channel></rss>".encode("utf-8")
    )
    import feedparser

    assert isinstance(feedparser.parse(path.read_bytes()).bozo_exception, feedparser.CharacterEncodingOverride)
    docs, errs = items_of(path, "feed")
    assert errs == [] and [d.title for d in docs] == ["Café closes"]


def _stdin(monkeypatch, data: bytes):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_stdin_csv_is_sniffed_not_taken_as_text(shared, monkeypatch):
    data = (shared / "corpus" / "formats" / "articles.csv").read_bytes()
    _stdin(monkeypatch, data)
    docs, [err] = items_of("-")  # no --map: the CSV's own complaint, not one article holding raw CSV
    assert docs == [] and err.message.startswith("<stdin>: no 'text' or 'html' column (columns: headline, body")
    _stdin(monkeypatch, data)
    drive, dam = articles_of("-", None, CSV_MAP)
    assert drive.title == "Vaccination drive extended" and drive.outlet == "Health Wire"


@pytest.mark.parametrize("name, kind", [
    ("articles.jsonl", "jsonl"), ("feed-rss.xml", "feed"), ("feed-atom.xml", "feed"), ("aeb-sample.warc.gz", "warc"),
])
def test_stdin_sniffs_every_format(shared, monkeypatch, name, kind):
    _stdin(monkeypatch, (shared / "corpus" / "formats" / name).read_bytes())
    docs, errs = items_of("-")
    assert errs == [] and docs
    assert {d.path.split("#")[0].split(":")[0] for d in docs} == {"<stdin>"}
    assert len(docs) == {"jsonl": 3, "feed": len(docs), "warc": 6}[kind]


def test_stdin_plain_text_with_map_is_an_error(monkeypatch):
    _stdin(monkeypatch, b"The council voted on Monday, after a long debate.\n\nA second paragraph.\n")
    [err] = list(read_input("-", None, field_map={"body": "text"}))
    assert isinstance(err, IngestError)
    assert "--map applies to CSV/JSONL input; stdin looks like plain text: pass --format csv" in err.message
    _stdin(monkeypatch, b"The council voted on Monday, after a long debate.\n\nA second paragraph.\n")
    [a] = articles_of("-")  # without --map it is plain text
    assert a.text.startswith("The council voted")


@pytest.mark.parametrize("data, kind", [
    (b'<?xml version="1.0"?>\n<!DOCTYPE html>\n<html><body><p>x</p></body></html>', "html"),
    (b'<?xml version="1.0"?>\n<!-- a feed -->\n<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
    (b"title,text\nA,The council voted.\n", "csv"),
    (b"title\ttext\nA\tThe council voted.\n", "csv"),
    (b"Rail link reopens, after landslide\n\nThe mountain rail link, closed since October, reopened.\n", "text"),
])
def test_sniff_roots_and_csv_headers(data, kind):
    assert sniff(data) == kind


# ---------------------------------------------------------------- --map problems and record messages

@pytest.mark.parametrize("spec, message", [
    ("body=text,body2=text", "text is mapped twice"),
    ("body=text,body=title", "the column body is mapped twice"),
])
def test_field_map_twice_is_a_config_error(spec, message):
    with pytest.raises(ConfigError, match=message):
        parse_field_map(spec)


def test_csv_map_naming_a_missing_column_warns_and_reads_rows(shared):
    path = shared / "corpus" / "formats" / "articles.csv"
    docs, errs = items_of(path, "csv", parse_field_map("body=text,pubdate=published"))
    assert errs == [] and len(docs) == 2
    assert docs[0].warnings == [
        f"{path}: --map names columns the file lacks: pubdate (columns: body, headline, link, pub_date, site)."
    ]
    assert docs[1].warnings == []


def test_csv_map_naming_a_missing_text_column_names_it(shared):
    path = shared / "corpus" / "formats" / "articles.csv"
    docs, [err] = items_of(path, "csv", {"nosuch": "text"})
    assert docs == [] and err.message.startswith(f"{path}: --map names a text column the file lacks: nosuch (columns: headline")


def test_jsonl_map_naming_missing_keys(tmp_path, shared):
    path = shared / "corpus" / "formats" / "articles.jsonl"
    docs, errs = items_of(path, "jsonl", {"pubdate": "published"})
    assert errs == [] and len(docs) == 3
    assert docs[0].warnings[0].startswith(f"{path}: --map names columns the file lacks: pubdate (columns: ")
    nosuch = tmp_path / "n.jsonl"
    nosuch.write_text('{"body": "The council voted on Monday."}\n', encoding="utf-8")
    docs, errs = items_of(nosuch, "jsonl", {"nosuch": "text"})
    assert docs == []
    assert any(f"{nosuch}:1: the record has no 'nosuch' field (named for the text by --map" in e.message for e in errs)
    assert any(f"{nosuch}: --map names columns the file lacks: nosuch (columns: body)." == e.message for e in errs)


def test_a_cut_json_lines_row_is_named_with_its_column(tmp_path):
    """The row a copy cut short is reported by line and column in one readable phrase (it read 'starting at at
    column', Python's message with ' at column' appended)."""
    path = tmp_path / "rows.jsonl"
    path.write_text('{"text": "The council voted on Monday."}\n{"text": "The mayor sai\n', encoding="utf-8")
    docs, errs = items_of(path, "jsonl", {})
    assert len(docs) == 1
    assert [e.message for e in errs] == [
        f"{path}:2: not valid JSON (Unterminated string starting at: column 10)."]


def test_record_messages_and_non_string_metadata(tmp_path):
    path = tmp_path / "types.jsonl"
    lines = [
        {"text": ""},
        {"text": 123},
        {"text": "The minister said on Monday that talks had failed.", "published": 20211109, "outlet": 5},
        {"text": "The mayor denied the claims on Tuesday, officials said.", "title": ["a", "b"], "url": {"x": 1}},
    ]
    import json

    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    items = list(read_input(str(path), "jsonl"))
    empty, notstr, numbers, nested = items
    assert empty.message == f"{path}:1: the 'text' field is empty."
    assert notstr.message == f"{path}:2: the 'text' field is not a string (int)."
    assert (numbers.published, numbers.outlet, numbers.warnings) == ("20211109", "5", [])
    assert (nested.title, nested.url) == (None, None)
    assert nested.warnings == [
        f"{path}:4: the 'title' field is a list, not text; it is left out.",
        f"{path}:4: the 'url' field is a dict, not text; it is left out.",
    ]


def test_csv_empty_text_cell_message(tmp_path):
    path = tmp_path / "e.csv"
    path.write_text("title,text\nA,\nB,The council voted on Monday.\n", encoding="utf-8")
    docs, [err] = items_of(path, "csv")
    assert err.message == f"{path}:2: the 'text' field is empty."
    assert [d.title for d in docs] == ["B"]


def test_sidecar_list_metadata_dropped_with_warning(tmp_path):
    (tmp_path / "a.txt").write_text("The council voted on Monday.\n", encoding="utf-8")
    (tmp_path / "a.json").write_text('{"url": ["x"], "outlet": 5}', encoding="utf-8")
    [doc] = list(read_input(str(tmp_path / "a.txt"), "text"))
    assert (doc.url, doc.outlet) == (None, "5")
    assert doc.warnings == [f"{tmp_path / 'a.json'}: the 'url' field is a list, not text; it is left out."]


def test_whitespace_only_file_message(tmp_path):
    blank, empty = tmp_path / "w.txt", tmp_path / "e.txt"
    blank.write_bytes(b"  \n\t \n")
    empty.write_bytes(b"")
    [err] = list(read_input(str(blank), "text"))
    assert err.message == f"{blank}: the file holds only whitespace."
    [err] = list(read_input(str(empty), "text"))
    assert err.message == f"{empty}: the file is empty."
