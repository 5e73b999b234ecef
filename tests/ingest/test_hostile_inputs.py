"""Issue 11 items 5 and 8: hostile bytes cost the record they damage and no more.

NUL characters, UTF-16/UTF-32 with a byte-order mark, and gzip-compressed inputs of every kind
(whole, truncated, corrupt, a bomb). Every file is made by the test.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsledger.errors import IngestError, SkipReason
from newsledger.ingest.article import build_article
from newsledger.ingest.readers import compressed, discover, format_of, read_input

GOOD = "The harbour workers' union said on Monday that the strike would end on Friday after talks."
PAGE = (
    "<html><head><title>Strike ends</title></head><body><article><h1>Strike ends</h1>"
    f"<p>{GOOD}</p><p>Port officials said ships would be unloaded again from Saturday morning.</p>"
    "</article></body></html>"
)
RSS = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Bay News</title>'
    f"<item><title>Strike ends</title><description>{GOOD}</description>"
    "<pubDate>Tue, 12 Mar 2024 08:15:00 +0000</pubDate></item></channel></rss>"
)


def read(path: Path, fmt: str | None = None, field_map=None):
    """(articles, errors) of one input; every document goes through build_article, as in a run."""
    articles, errors = [], []
    for item in read_input(str(path), fmt, field_map=field_map):
        if isinstance(item, IngestError):
            errors.append(item)
            continue
        try:
            articles.append(build_article(item))
        except IngestError as exc:
            errors.append(exc)
    return articles, errors


# --- NUL ---------------------------------------------------------------------------------------


def test_issue11_csv_with_one_nul_row_keeps_the_other_rows(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_bytes(f"title,text\nOne,{GOOD}\nTwo,broken\x00row text here\nThree,{GOOD} Again.\n".encode())
    articles, errors = read(path)
    assert [a.title for a in articles] == ["One", "Three"]
    [err] = errors
    assert err.path == f"{path}:3" and err.reason == SkipReason.MALFORMED
    assert "NUL" in err.message and str(path) in err.message


def test_csv_quote_never_closed_is_reported_not_swallowing_the_rows_after_it(tmp_path):
    # the lenient csv reader ends a runaway quoted cell at end of data: rows Two and Three were one article's text
    path = tmp_path / "rows.csv"
    path.write_text(f'title,text\nZero,{GOOD}\nOne,"{GOOD}\nTwo,{GOOD} Two.\nThree,{GOOD} Three.\n', encoding="utf-8")
    articles, errors = read(path)
    assert [a.title for a in articles] == ["Zero"]
    [err] = errors
    assert err.path == f"{path}:3" and err.reason == SkipReason.MALFORMED
    assert "never closed" in err.message and "lines 3–5" in err.message


@pytest.mark.parametrize("body", [
    f'"{GOOD}\nIt said so twice: ""twice""."',  # a quoted cell over two lines, doubled quotes inside
    f'{GOOD} A 5" screen.',  # a stray quote inside an unquoted cell, last row: the lenient reader keeps it
])
def test_csv_closed_or_stray_quotes_on_the_last_row_are_kept(tmp_path, body):
    path = tmp_path / "rows.csv"
    path.write_text(f"title,text\nOne,{GOOD}\nTwo,{body}\n", encoding="utf-8")
    articles, errors = read(path)
    assert [a.title for a in articles] == ["One", "Two"] and errors == []


def test_jsonl_a_byte_that_is_not_utf8_costs_its_line_not_the_file(tmp_path):
    # one bad byte on line 2 skipped all of the file, its good lines too (found by a newcomer check)
    path = tmp_path / "rows.jsonl"
    rows = [json.dumps({"title": t, "text": f"{GOOD} {t}."}).encode() for t in ("One", "Two", "Three")]
    rows[1] = rows[1].replace(b"harbour", b"harb\xffour")
    path.write_bytes(b"\n".join(rows) + b"\n")
    articles, errors = read(path)
    assert [a.title for a in articles] == ["One", "Three"]
    [err] = errors
    assert err.path == f"{path}:2" and err.reason == SkipReason.ENCODING and "\\xff" in err.message


def test_jsonl_a_line_separator_inside_a_string_does_not_cut_the_record(tmp_path):
    # U+2028 may stand raw inside a JSON string (RFC 8259); str.splitlines cut the record there
    path = tmp_path / "rows.jsonl"
    path.write_text(json.dumps({"title": "One", "text": f"{GOOD}\u2028Ships moved again."}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    [article], errors = read(path)
    assert errors == [] and "Ships moved again." in article.text


def test_issue11_nul_deep_in_a_big_csv_is_never_stored(tmp_path):
    path = tmp_path / "big.csv"
    rows = [f"Row {i},{GOOD} Number {i}." for i in range(400)]
    rows[300] = "Row 300,The text stops here\x00\x00\x00 and goes on after a zero block."
    path.write_bytes(("title,text\n" + "\n".join(rows) + "\n").encode())
    assert path.stat().st_size > 8192 * 3
    articles, errors = read(path)
    assert len(articles) == 399 and all("\x00" not in a.text for a in articles)
    assert [e.path for e in errors] == [f"{path}:302"]


def test_issue11_jsonl_nul_raw_or_escaped_costs_that_line(tmp_path):
    path = tmp_path / "lines.jsonl"
    path.write_bytes(
        (json.dumps({"text": GOOD, "title": "One"}) + "\n"
         + '{"text": "escaped \\u0000 NUL in the text", "title": "Two"}\n'
         + json.dumps({"text": GOOD, "title": "Three", "byline": "Ann\x00Lee"}) + "\n"
         + json.dumps({"text": GOOD + " Four.", "title": "Four"}) + "\n").encode()
    )
    articles, errors = read(path)
    assert [a.title for a in articles] == ["One", "Four"]
    assert [e.path for e in errors] == [f"{path}:2", f"{path}:3"]
    assert "byline field holds a NUL" in errors[1].message


def test_issue11_text_file_with_nul_is_skipped_by_name(tmp_path):
    path = tmp_path / "note.txt"
    path.write_bytes(f"Title\n\n{GOOD}\x00\n".encode())
    articles, [err] = read(path)
    assert articles == [] and err.reason == SkipReason.MALFORMED and "line 3" in err.message


def test_issue11_real_binary_is_still_binary(tmp_path):
    for name, data in [("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))),
                       ("db.csv", b"SQLite format 3\x00" + bytes(2000)),
                       ("noise.jsonl", bytes(range(256)) * 8)]:
        (tmp_path / name).write_bytes(data)
        _, [err] = read(tmp_path / name)
        assert err.reason == SkipReason.BINARY, name


# --- UTF-16 / UTF-32 -------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding, bom", [
    ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-32-le", b"\xff\xfe\x00\x00"), ("utf-32-be", b"\x00\x00\xfe\xff"),
])
def test_issue11_utf16_utf32_with_bom_are_decoded(tmp_path, encoding, bom):
    text = f"Grève au port\n\n{GOOD} Café owners agreed.\n"
    (tmp_path / "a.txt").write_bytes(bom + text.encode(encoding))
    [a], [] = read(tmp_path / "a.txt")
    assert a.text == text
    (tmp_path / "b.csv").write_bytes(bom + f"title,text\nOne,{GOOD}\n".encode(encoding))
    [b], [] = read(tmp_path / "b.csv")
    assert b.title == "One"
    (tmp_path / "c.html").write_bytes(bom + PAGE.encode(encoding))
    [c], [] = read(tmp_path / "c.html")
    assert GOOD in c.text
    (tmp_path / "d").write_bytes(bom + (json.dumps({"text": GOOD}) + "\n").encode(encoding))  # no extension: sniffed
    [d], [] = read(tmp_path / "d")
    assert d.text == GOOD


def test_issue11_utf16_without_bom_is_binary_with_a_hint(tmp_path):
    (tmp_path / "a.txt").write_bytes(f"Title\n\n{GOOD}\n".encode("utf-16-le"))
    _, [err] = read(tmp_path / "a.txt")
    assert err.reason == SkipReason.BINARY and "UTF-16-LE" in err.message and "iconv" in err.message


def test_issue11_bad_utf16_after_bom_is_an_encoding_error(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\xff\xfe" + "Title".encode("utf-16-le") + b"\x00\xd8")  # a lone surrogate
    _, [err] = read(tmp_path / "a.txt")
    assert err.reason == SkipReason.ENCODING and "UTF-16-LE" in err.message


# --- .gz -----------------------------------------------------------------------------------------


def _gz(path: Path, data: str | bytes) -> Path:
    path.write_bytes(gzip.compress(data.encode() if isinstance(data, str) else data))
    return path


def test_issue11_gz_of_every_kind_is_read(tmp_path):
    _gz(tmp_path / "page.html.gz", PAGE)
    _gz(tmp_path / "note.txt.gz", f"Note title\n\n{GOOD}\n")
    (tmp_path / "note.json").write_text(json.dumps({"outlet": "Bay News", "published": "2024-03-12"}))
    _gz(tmp_path / "zipped.txt.gz", f"Zipped title\n\n{GOOD} Zipped.\n")
    _gz(tmp_path / "zipped.json.gz", json.dumps({"outlet": "Zip News"}))
    _gz(tmp_path / "lines.jsonl.gz", json.dumps({"text": GOOD + " Lines.", "title": "L"}) + "\n")
    _gz(tmp_path / "rows.csv.gz", f"title,text\nR,{GOOD} Rows.\n")
    _gz(tmp_path / "feed.xml.gz", RSS)
    _gz(tmp_path / "photo.png.gz", b"\x89PNG")
    found = discover([str(tmp_path)])
    kinds = {Path(p).name: k for p, k in found.inputs}
    assert kinds == {"page.html.gz": "html", "note.txt.gz": "text", "zipped.txt.gz": "text", "lines.jsonl.gz": "jsonl",
                     "rows.csv.gz": "csv", "feed.xml.gz": "feed"}
    assert [Path(p).name for p in found.ignored] == ["photo.png.gz"]  # the sidecars are not listed
    for name in kinds:
        articles, errors = read(tmp_path / name, kinds[name])
        assert errors == [] and len(articles) == 1 and GOOD in articles[0].text, name
    [note] = read(tmp_path / "note.txt.gz", "text")[0]
    assert (note.outlet, note.published) == ("Bay News", "2024-03-12")
    [zipped] = read(tmp_path / "zipped.txt.gz", "text")[0]
    assert zipped.outlet == "Zip News"
    [sniffed] = read(tmp_path / "page.html.gz")[0]  # named on the command line: sniffed after decompressing
    assert sniffed.title == "Strike ends"


def test_issue11_format_of_gz():
    assert format_of(Path("A.HTML.GZ")) == "html"
    assert format_of(Path("x.warc.gz")) == "warc"
    assert format_of(Path("x.gz")) is None


def test_issue11_truncated_gz_is_a_named_skip(tmp_path):
    data = gzip.compress(PAGE.encode() * 20)
    (tmp_path / "cut.html.gz").write_bytes(data[: len(data) // 2])
    [], [err] = read(tmp_path / "cut.html.gz", "html")
    assert err.reason == SkipReason.TRUNCATED and "cut.html.gz" in err.message


def test_issue11_truncated_jsonl_gz_keeps_the_lines_before_the_cut(tmp_path):
    import random

    rng = random.Random(11)  # text that does not compress to nothing, so the cut falls inside the data
    lines = [json.dumps({"text": f"{GOOD} {' '.join(rng.choice(GOOD.split()) for _ in range(40))}", "title": f"T{i}"})
             for i in range(300)]
    data = gzip.compress(("\n".join(lines) + "\n").encode())
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) * 2 // 3])
    articles, errors = read(tmp_path / "cut.jsonl.gz", "jsonl")
    assert 100 < len(articles) < 300
    assert [a.title for a in articles] == [f"T{i}" for i in range(len(articles))]
    [err] = errors
    assert err.reason == SkipReason.TRUNCATED and "cut.jsonl.gz" in err.message


def test_issue11_corrupt_gz_is_a_named_skip_and_invents_nothing(tmp_path):
    data = bytearray(gzip.compress(("\n".join(json.dumps({"text": GOOD, "n": i}) for i in range(2000)) + "\n").encode()))
    data[len(data) // 2 : len(data) // 2 + 8] = b"\xff" * 8
    (tmp_path / "bad.jsonl.gz").write_bytes(bytes(data))
    articles, [err] = read(tmp_path / "bad.jsonl.gz", "jsonl")
    assert articles == []  # the member's CRC cannot vouch for any of its bytes
    assert err.reason in (SkipReason.MALFORMED, SkipReason.TRUNCATED) and "bad.jsonl.gz" in err.message
    assert "Error -3" not in err.message or "bad.jsonl.gz" in err.message


def test_issue11_gzip_bomb_is_refused_with_the_limit_named(tmp_path, monkeypatch):
    monkeypatch.setattr(compressed, "MAX_DECOMPRESSED_BYTES", 1024 * 1024)
    _gz(tmp_path / "bomb.html.gz", b"<html>" + b" " * (8 * 1024 * 1024))
    assert (tmp_path / "bomb.html.gz").stat().st_size < 20000
    [], [err] = read(tmp_path / "bomb.html.gz", "html")
    assert err.reason == SkipReason.TOO_LONG and "1 MiB" in err.message and "gunzip" in err.message


def test_issue11_several_gzip_members_are_all_read(tmp_path):
    (tmp_path / "two.jsonl.gz").write_bytes(
        gzip.compress((json.dumps({"text": GOOD, "title": "A"}) + "\n").encode())
        + gzip.compress((json.dumps({"text": GOOD + " B.", "title": "B"}) + "\n").encode())
    )
    articles, [] = read(tmp_path / "two.jsonl.gz", "jsonl")
    assert [a.title for a in articles] == ["A", "B"]


# --- WARC.gz damaged inside a record ---------------------------------------------------------------

# where the gzip members of ../shared/corpus/formats/aeb-sample.warc.gz begin (one record each)
_MEMBERS = (0, 119740, 180034, 205654, 220744, 231882, 250589)


@pytest.mark.parametrize("record, at", [(1, 60000), (1, 30), (3, 190000), (5, 225000)])
def test_issue11_warc_gz_damaged_inside_a_record_costs_that_record(shared, tmp_path, capfd, record, at):
    data = bytearray((shared / "corpus" / "formats" / "aeb-sample.warc.gz").read_bytes())
    assert _MEMBERS[record - 1] <= at < _MEMBERS[record]
    data[at : at + 16] = b"\xff" * 16
    path = tmp_path / "damaged.warc.gz"
    path.write_bytes(bytes(data))
    items = list(read_input(str(path), "warc"))
    errors = [i for i in items if isinstance(i, IngestError)]
    docs = [i for i in items if not isinstance(i, IngestError)]
    [err] = errors
    assert err.message.startswith(f"{path}: record {record} ") and err.reason == SkipReason.MALFORMED
    assert len(docs) == 5  # the sample holds 6 HTML records
    out, errout = capfd.readouterr()
    assert errout == ""  # no bare "Error -3 while decompressing data" lines
