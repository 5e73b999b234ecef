"""The stories evaluation: scorers on hand-computed inputs, readers on the real sets, the feed order, what the system sees."""

from __future__ import annotations

import json
import numpy as np
import pytest
from click.testing import CliRunner

from newsledger.cli import cli
from newsledger.evaluate.stories import (
    GVC_TFIDF_THRESHOLD, bcubed, choose_threshold, coreference, feed_order, run_system, same_date, similarities,
    singletons, story_labels, tfidf_centroids, write_neutral,
)
from newsledger.evaluate.story_sets import (
    Document, detokenize, read_allsides, read_basil, read_ecb_event_mentions, read_ecbplus, read_gvc, verb_lemma,
)


# ------------------------------------------------------------------ scorers, by hand


def test_bcubed_by_hand():
    gold = {"a": 1, "b": 1, "c": 2}
    pred = {"a": "x", "b": "y", "c": "y"}
    # a: P 1/1 R 1/2; b: P 1/2 R 1/2; c: P 1/2 R 1/1
    s = bcubed(pred, gold)
    assert s["P"] == pytest.approx(2 / 3) and s["R"] == pytest.approx(2 / 3) and s["F1"] == pytest.approx(2 / 3)
    # averaged over a subset, clusters still taken over the whole pool: c alone has P 1/2 (b is in its cluster), R 1
    s = bcubed(pred, gold, ["c"])
    assert (s["P"], s["R"]) == (0.5, 1.0) and s["F1"] == pytest.approx(2 / 3)
    assert bcubed(gold, gold)["F1"] == 1.0


def test_bcubed_refuses_mismatched_items():
    with pytest.raises(ValueError):
        bcubed({"a": 1}, {"a": 1, "b": 1})
    with pytest.raises(ValueError):
        bcubed({"a": 1}, {"a": 1}, [])


def test_coreference_by_hand():
    key = {"a": "K1", "b": "K1", "c": "K2"}
    response = {"a": "R", "b": "R", "c": "R"}
    s = coreference(key, response)
    # MUC: R = (2-1)/(2-1) = 1, P = (3-2)/(3-1) = 1/2 → F 2/3
    assert s["MUC F1"] == pytest.approx(2 / 3)
    # B³: P = (2/3 + 2/3 + 1/3)/3 = 5/9, R = 1 → F 10/14
    assert s["B3 F1"] == pytest.approx(10 / 14)
    # CEAF-e: φ4(K1, R) = 2·2/(2+3) = 4/5 is the best alignment; R = .8/2, P = .8/1 → F 8/15
    assert s["CEAF-e F1"] == pytest.approx(8 / 15)
    assert s["CoNLL F1"] == pytest.approx((2 / 3 + 10 / 14 + 8 / 15) / 3)


def test_tfidf_centroids_by_hand():
    sim = np.array([[1.0, 0.9, 0.1], [0.9, 1.0, 0.1], [0.1, 0.1, 1.0]])
    # doc 1 meets the centroid of {0} at cosine .9; doc 2 meets the centroid of {0, 1} at .2 / √3.8 ≈ .10
    assert tfidf_centroids(sim, 0.5) == [0, 0, 1]
    assert tfidf_centroids(sim, 0.95) == [0, 1, 2]
    assert tfidf_centroids(sim, 0.05) == [0, 0, 0]


def _doc(key, gold, published=None, split=None, text="Body text."):
    return Document(key=key, gold=gold, title="A title", paragraphs=[text], published=published, split=split)


def test_baselines_and_feed_order():
    docs = [_doc("u", "g1"), _doc("b", "g1", "2020-01-02"), _doc("a", "g2", "2020-01-01"),
            *[_doc(f"t{i}", "g3", "2020-01-03") for i in range(8)]]
    assert singletons(docs) == {d.key: d.key for d in docs}
    days = same_date(docs)
    assert days["t0"] == days["t7"] and days["a"] != days["b"] and days["u"] == ("alone", "u")
    order = [d.key for d in feed_order(docs, seed=0)]
    assert order[:2] == ["a", "b"] and order[-1] == "u"  # by day; undated last
    assert order == [d.key for d in feed_order(docs, seed=0)]  # the same seed, the same order
    assert sorted(order[2:-1]) == [f"t{i}" for i in range(8)]
    ties = {tuple(d.key for d in feed_order(docs, seed=s)[2:-1]) for s in range(5)}
    assert len(ties) == 5  # each seed breaks the eight ties its own way (8! orders)


def test_story_labels_take_the_lead_story():
    stories = [{"story_id": "s1", "reports": ["a", "b"]}, {"story_id": "s2", "reports": [{"article_id": "b"}, "c"],
                                                           "lead_reports": ["b"]}, {"story_id": "s3", "reports": ["a"]}]
    assert story_labels(stories) == {"a": "s1", "b": "s2", "c": "s2"}


def test_detokenize_and_verb_lemma():
    assert detokenize(["He", "did", "n't", "say", "(", "yet", ")", "on", "a", "90", "-", "day", "stay", "."]) == \
        "He didn't say (yet) on a 90-day stay."
    assert detokenize(["Police", "said", ":", "'", "no", "'", "-", "-", "then", "left", "."]) == "Police said: ' no ' - - then left."
    assert verb_lemma("shooting", "shooting") == "shoot" and verb_lemma("Killed", "kill") == "kill"
    assert verb_lemma("death", "death") == "death" and verb_lemma("injuries", "injury") == "injury"


# ------------------------------------------------------------------ readers on the real sets


def test_read_gvc_dev(shared):
    es = read_gvc(shared / "eval" / "gvc" / "val")
    assert len(es.documents) == 78 and len({d.gold for d in es.documents}) == 37
    assert all(d.published for d in es.documents)
    assert len(es.mentions) == 977 and len({m["chain"] for m in es.mentions}) == 271
    first = es.documents[0]
    assert first.published == "2014-06-15" and first.title == "Shooting at Kokomo bar sends 4 people to the hospital"
    assert first.paragraphs[0].startswith("INDIANAPOLIS, Ind. (June 15, 2014)")
    assert all("//n" not in p for d in es.documents for p in d.paragraphs)
    assert {m["doc"] for m in es.mentions} <= {d.key for d in es.documents}


def test_read_ecbplus(shared):
    es = read_ecbplus(shared / "eval" / "ecbplus")
    assert len(es.documents) == 982 and not es.dated and not any(d.published for d in es.documents)
    by_split = {s: [d for d in es.documents if d.split == s] for s in ("choice", "report")}
    assert (len(by_split["choice"]), len(by_split["report"])) == (772, 210)
    assert len({d.gold for d in by_split["report"]}) == 20  # topics 36-45, two halves each
    # the ECB+ half's page URL is dropped: it would tell the halves (the gold sub-topics) apart
    assert not any(d.text.lower().startswith("http") for d in es.documents)
    jeffs = next(d for d in es.documents if d.key == "36_2ecbplus")
    assert jeffs.title == "Polygamist leader Warren Jeffs sentenced to life in prison" and jeffs.gold == "36ecbplus"


def test_read_basil(shared):
    es = read_basil(shared / "eval" / "basil")
    assert len(es.documents) == 300 and len({d.gold for d in es.documents}) == 100
    assert all(d.published and len(d.published) == 10 for d in es.documents)
    assert sum(d.split == "report" for d in es.documents) == 150


def test_read_allsides(shared):
    es = read_allsides(shared / "eval" / "allsides-roundups")
    assert es.roundups == 506 and len(es.documents) == 1479
    assert len({d.gold for d in es.documents}) == 505  # one roundup lists no outlet item
    assert len({d.gold for d in es.documents if d.split == "choice"}) == 208
    assert not any(d.published for d in read_allsides(shared / "eval" / "allsides-roundups", dated=False).documents)


def test_read_ecb_event_mentions_of_topic_36(shared):
    from collections import defaultdict

    ms = read_ecb_event_mentions(shared / "eval" / "ecbplus", topics=[36])
    docs_of = defaultdict(set)
    for m in ms:
        docs_of[m["chain"]].add(m["doc"])
    assert (len(ms), len(docs_of), sum(len(v) > 1 for v in docs_of.values())) == (145, 66, 17)
    first = {m["id"]: m for m in ms if m["doc"] == "36_1ecb"}
    assert first["36_1ecb:23"]["chain"] == first["36_1ecb:24"]["chain"] == "ACT17642853147528564"  # "arrested" … "arrest"
    assert first["36_1ecb:18"]["chain"] == ("singleton", "36_1ecb", "18")  # "practicing": in no coreference relation
    assert first["36_1ecb:21"]["lemma"] == "charge"


def test_gvc_baseline_figures(shared):
    from newsledger.evaluate.stories import score_set

    grouping, coref = score_set("gvc", shared / "eval" / "gvc" / "val", system=False)
    by = {r["system"].split(" (")[0].split(",")[0]: r for r in grouping.rows}
    # the floors GVC's README measured on dev: singletons .643; same date .782 (P .921, R .679)
    assert by["all singletons"]["F1"] == 0.643
    assert (by["same publication date"]["P"], by["same publication date"]["R"], by["same publication date"]["F1"]) == \
        (0.921, 0.679, 0.782)
    assert by["TF-IDF centroid"]["F1"] == 0.946  # "about .95" in the README
    conll = {r["system"].split(" (")[0]: r["CoNLL F1"] for r in coref.rows}
    assert conll["same head lemma across the corpus"] == 0.295
    assert conll["gold incidents × head verb lemma"] == 0.58
    assert conll["Bugert et al. 2021, GVC test"] == 0.594


def test_gvc_threshold_is_the_one_chosen_on_ecbplus(shared):
    ordered = feed_order(read_ecbplus(shared / "eval" / "ecbplus").documents, seed=0)
    assert choose_threshold(ordered, similarities(ordered)) == GVC_TFIDF_THRESHOLD


# ------------------------------------------------------------------ what the system sees


def test_neutral_files_carry_text_and_date_only(shared, tmp_path):
    es = read_basil(shared / "eval" / "basil")
    ordered = feed_order(es.documents[:6], seed=0)
    paths = write_neutral(ordered, tmp_path)
    assert [p.rsplit("/", 1)[-1] for p in paths] == [f"d{i:06d}.txt" for i in range(1, 7)]
    for path, d in zip(paths, ordered):
        text = open(path, encoding="utf-8").read()
        sidecar = json.loads(open(path[:-4] + ".json", encoding="utf-8").read())
        assert sidecar == {"published": d.published}
        assert d.key not in text and d.gold not in text and text.startswith(d.title)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [f"d{i:06d}.txt" for i in range(1, 7)] + [f"d{i:06d}.json" for i in range(1, 7)])


def test_run_system_maps_articles_back_to_documents(nlp):
    docs = [_doc("x1", "g1", "2021-03-01", text="The council of Springfield approved the new budget on Monday after a long debate."),
            _doc("x2", "g1", "2021-03-01", text="The council of Springfield approved the new budget on Monday after a long debate."),
            _doc("x3", "g2", "2021-03-02", text="A storm closed the harbour of Dover for two days, the port authority said.")]

    def one_story_but_the_storm(store):
        rows = store.articles()
        return [{"story_id": "s", "reports": [r["article_id"] for r in rows if "storm" not in (r["title"] or "") and
                                               "storm" not in store.article(r["article_id"]).text]}]

    run = run_system(feed_order(docs), nlp=nlp, stories=one_story_but_the_storm)
    # x1 and x2 are one article (exact copies): they share its story; x3, in no story, is a story of its own
    assert run.labels == {"x1": "s", "x2": "s", "x3": ("alone", "x3")}
    assert run.shared_articles == 1 and run.skipped == 0


# ------------------------------------------------------------------ the command


def _small_gvc(shared, folder, n_docs=4):
    """The first ``n_docs`` documents of GVC dev and their mentions, as a gvc folder of their own."""
    src = shared / "eval" / "gvc" / "val"
    keep: list[str] = []
    with open(src / "dataset.conll", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#begin document") and len(keep) < n_docs:
                keep.append(line[line.index("(") + 1 : line.index(")")])
    keep = set(keep)
    lines = []
    current = None
    with open(src / "dataset.conll", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#begin document"):
                current = line[line.index("(") + 1 : line.index(")")]
            if current in keep:
                lines.append(line)
    (folder / "dataset.conll").write_text("".join(lines), encoding="utf-8")
    mentions = [m for m in json.loads((src / "event_mentions.json").read_text(encoding="utf-8"))
                if m["conll_doc_key"] in keep]
    (folder / "event_mentions.json").write_text(json.dumps(mentions), encoding="utf-8")
    return keep, mentions


def test_command_baselines_only_on_a_few_gvc_documents(shared, tmp_path):
    keep, mentions = _small_gvc(shared, tmp_path)
    result = CliRunner().invoke(cli, ["eval", "stories", "--set", "gvc", "--data", str(tmp_path), "--baselines-only", "--json"])
    assert result.exit_code == 0, result.output
    grouping, coref = json.loads(result.output)
    assert grouping["data"].endswith(f"{len(keep)} documents, {len({k.split('/')[1] for k in keep})} gold stories")
    singles = next(r for r in grouping["rows"] if r["system"].startswith("all singletons"))
    assert singles["P"] == 1.0 and singles["stories"] == len(keep)
    assert coref["data"].startswith(f"GVC dev: {len(mentions)} gold event mentions")
    assert coref["rows"][-1]["CoNLL F1"] == 0.594  # the published row


def test_command_names_a_folder_without_the_set(tmp_path):
    result = CliRunner().invoke(cli, ["eval", "stories", "--set", "basil", "--data", str(tmp_path)])
    assert result.exit_code == 2 and "no articles/ folder" in result.output


# ------------------------------------------------------------------ with the stories stage


def test_shuffling_the_tie_break_moves_the_figure_by_at_most_a_hundredth(shared, nlp):
    # the ten BASIL events of 2019 (30 articles; the three outlets often publish on one day: ties)
    es = read_basil(shared / "eval" / "basil")
    docs = [d for d in es.documents if d.published.startswith("2019")]
    assert len(docs) == 30
    gold = {d.key: d.gold for d in docs}
    orders = [feed_order(docs, seed=s) for s in (0, 1)]
    assert [d.key for d in orders[0]] != [d.key for d in orders[1]]
    f1 = [bcubed(run_system(o, nlp=nlp).labels, gold)["F1"] for o in orders]
    assert f1[0] > 0.5 and abs(f1[0] - f1[1]) <= 0.01, f1


def test_command_runs_newsledger_on_a_few_gvc_documents(shared, tmp_path):
    keep, mentions = _small_gvc(shared, tmp_path)
    result = CliRunner().invoke(cli, ["eval", "stories", "--set", "gvc", "--data", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    grouping, coref = json.loads(result.output)
    ours = next(r for r in grouping["rows"] if r["system"] == "newsledger stories")
    assert 1 <= ours["stories"] <= len(keep) and 0 < ours["F1"] <= 1
    assert any(r["system"] == "newsledger stories × head verb lemma" for r in coref["rows"])
    assert "ingested" in grouping["notes"][0]
