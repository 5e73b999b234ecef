"""What identifies an article (issue 11, item 12): a retitled copy of an identical body is a new article.

DESIGN: ``article_id = sha256(outlet | url | content_hash)``, ``content_hash`` of the NFC body. A URL
names the publication; without one the title joins the identity (``ingest.article.article_id_for``).
"""

from __future__ import annotations

import pytest

from newsledger import run
from newsledger.ingest import article as article_module
from newsledger.ingest.article import RawDocument, build_article

BODY = ("The mayor of Oban said on Monday that the harbour bridge would reopen next week after repairs.\n\n"
        "Engineers replaced two cables damaged in the January storm, the council said.\n")


def _write(folder, name, title, body=BODY):
    path = folder / name
    path.write_text(f"{title}\n\n{body}", encoding="utf-8")
    return path


def test_issue11_a_retitled_copy_of_the_same_body_is_a_new_article(store, nlp, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _write(folder, "a.txt", "Oban bridge to reopen next week")
    _write(folder, "b.txt", "Harbour bridge repairs finished, mayor says")
    report = run.ingest([str(folder)], store, nlp=nlp)
    assert (report.ingested, report.unchanged, report.duplicates) == (2, 0, 1)
    rows = {r["source_path"].rsplit("/", 1)[-1]: r for r in store.articles()}
    a, b = store.article(rows["a.txt"]["article_id"]), store.article(rows["b.txt"]["article_id"])
    assert a.article_id != b.article_id and a.content_hash == b.content_hash
    assert b.duplicate_of == a.article_id and a.title != b.title
    again = run.ingest([str(folder)], store, nlp=nlp)  # re-ingesting changes nothing
    assert (again.ingested, again.unchanged) == (0, 2)


@pytest.mark.parametrize("url, same", [("https://example.org/news/oban-bridge", True), (None, False)])
def test_issue11_the_title_identifies_an_article_only_without_a_url(url, same):
    one, two = (build_article(RawDocument(path="x", text=BODY, title=t, url=url, outlet="Oban Times", prepend_title=True))
                for t in ("Oban bridge to reopen", "Harbour bridge repairs finished"))
    assert one.content_hash == two.content_hash
    assert (one.article_id == two.article_id) is same


def test_issue11_an_article_with_a_url_keeps_its_id():
    """Ids of articles with a URL (every golden Wikinews file) are the plain sha256(outlet | url | content_hash)."""
    a = build_article(RawDocument(path="x", text=BODY, title="T", url="https://e.org/a", outlet="E", prepend_title=True))
    assert a.article_id == article_module.sha256(f"E|https://e.org/a|{a.content_hash}")


def test_issue11_a_store_from_before_keeps_its_urlless_articles_unchanged(store, nlp, tmp_path, monkeypatch):
    """Articles stored when titles were not part of a URL-less id are still found on a re-ingest."""
    folder = tmp_path / "in"
    folder.mkdir()
    _write(folder, "a.txt", "Oban bridge to reopen next week")
    with monkeypatch.context() as m:  # the id as it was: no title
        plain = article_module.article_id_for
        m.setattr(article_module, "article_id_for", lambda o, u, h, t=None: plain(o, u, h))
        assert run.ingest([str(folder)], store, nlp=nlp).ingested == 1
    again = run.ingest([str(folder)], store, nlp=nlp)
    assert (again.ingested, again.unchanged) == (0, 1)
    _write(folder, "b.txt", "Harbour bridge repairs finished, mayor says")
    third = run.ingest([str(folder)], store, nlp=nlp)
    assert (third.ingested, third.unchanged, third.duplicates) == (1, 1, 1)
