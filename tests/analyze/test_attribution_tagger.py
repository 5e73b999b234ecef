"""The learned attribution tagger (issue 15): training data, the smoke run of training, grouping, the packaged
model and the setting that turns it on."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsledger.analyze.attribution.learned import DEFAULT_TAGGER, LABELS, group, join_pieces, load_tagger, tag_spans
from newsledger.config import Settings, load_settings
from newsledger.errors import ConfigError


def _polnear_train(shared: Path) -> Path:
    return shared / "eval" / "polnear" / "data" / "train"


def test_held_out_tenth_is_by_article_and_stable(shared):
    """84 of PolNeAR train's 840 articles are held out, whatever the order they come in; an article's several
    annotators are one GoldDoc, so they are always on the same side."""
    from newsledger.evaluate.attribution import load_brat
    from newsledger.train.attribution_tagger import held_out

    docs = load_brat(_polnear_train(shared))
    names = [d.name for d in docs]
    held = held_out(names)
    assert len(names) == 840 and len(held) == 84
    assert held == held_out(reversed(names))
    multi = [d for d in docs if len(d.annotations) > 1]
    assert multi, "PolNeAR train has articles with several annotators"
    assert len(held_out(names[:20])) == 2 and held_out(names[:20]) <= set(names[:20])


def test_runs_give_back_discontinuous_spans():
    from newsledger.train.attribution_tagger import runs

    text = "“We will win,” she said, “and soon.”"
    chars = {i for i in range(0, 14) if not text[i].isspace()} | {i for i in range(25, len(text)) if not text[i].isspace()}
    assert runs(text, chars) == [(0, 14), (25, len(text))]


def test_gold_spans_are_cut_at_sentences_and_never_edge_on_whitespace(nlp, shared):
    """On a real PolNeAR train article: every gold span lies inside one sentence, with no whitespace token at
    either edge, and a multi-sentence content comes back whole once its pieces are joined."""
    from newsledger.evaluate.attribution import chars, load_brat
    from newsledger.train.attribution_tagger import gold_spans

    docs = load_brat(_polnear_train(shared))

    def multi_sentence(d) -> bool:
        return any(". " in d.text[min(r.content):max(r.content)] for r in next(iter(d.annotations.values()))
                   if r.content)

    gold = next(d for d in docs if multi_sentence(d))
    doc = nlp(gold.text)
    rels = next(iter(gold.annotations.values()))
    spans = gold_spans(doc, rels)
    assert spans and all(s.label_ in LABELS for s in spans)
    for s in spans:
        assert not s[0].is_space and not s[-1].is_space
        assert all(not t.is_sent_start for t in s[1:])
    joined = join_pieces(doc.text, [(s.label_, s.start_char, s.end_char) for s in spans])
    contents = {chars(doc.text, [(s, e)]) for label, s, e in joined if label == "CONTENT"}
    whole = [r.content for r in rels if r.content]
    assert any(doc.text[min(c):max(c)].count(". ") for c in whole if c in contents)  # a multi-sentence one, whole
    assert sum(1 for c in whole if c in contents) >= 0.8 * len(whole)


def test_group_gives_each_content_and_source_to_its_nearest_cue(nlp):
    text = "“We will win,” Smith said. Jones told reporters that the vote was close."
    doc = nlp(text)

    def at(s: str, label: str) -> tuple[str, int, int]:
        i = text.index(s)
        return label, i, i + len(s)

    spans = [at("“We will win,”", "CONTENT"), at("Smith", "SOURCE"), at("said", "CUE"), at("Jones", "SOURCE"),
             at("told reporters", "CUE"), at("that the vote was close", "CONTENT")]
    found = group(doc, spans)
    assert [(text[slice(*a["cue"])], text[slice(*a["source"])], [text[slice(*c)] for c in a["contents"]])
            for a in found] == [("said", "Smith", ["“We will win,”"]),
                                ("told reporters", "Jones", ["that the vote was close"])]
    assert group(doc, [at("Smith", "SOURCE"), at("said", "CUE")]) == []  # a cue with no content is no attribution


def test_training_smoke_one_epoch_on_20_documents_writes_a_model_that_loads(shared, tmp_path, capsys, nlp):
    """``python -m newsledger.train attribution tagger`` on 20 PolNeAR train articles for one epoch: the model
    folder is written where --out says, loads, and tags with the three labels."""
    from newsledger.train.__main__ import main

    out = tmp_path / "out"
    rc = main(["attribution", "tagger", "--shared", str(shared), "--limit", "20", "--max-epochs", "1",
               "--out", str(out), "--data", str(tmp_path / "data"), "--cache", str(tmp_path / "cache")])
    assert rc == 0
    printed = capsys.readouterr().out
    assert "train_articles 18, heldout_articles 2" in printed
    assert (tmp_path / "data" / "train.spacy").is_file() and (tmp_path / "data" / "heldout.spacy").is_file()
    best = out / "model-best"
    assert (best / "config.cfg").is_file() and (best / "attribution_spans" / "model").is_file()
    tagger = load_tagger(str(best))
    assert set(tagger.get_pipe("attribution_spans").labels) == set(LABELS)
    doc = nlp("Officials said on Tuesday that the bridge would reopen.")
    ents_before = [(e.text, e.label_) for e in doc.ents]
    spans = tag_spans(tagger, doc)
    assert all(label in LABELS for label, _s, _e in spans)
    assert [(e.text, e.label_) for e in doc.ents] == ents_before  # the Doc's own entities are untouched


def test_pretrained_config_trains_a_self_contained_copy_of_the_model_tok2vec(shared, tmp_path, nlp):
    """``--config pretrained`` (two steps on 20 articles): the model holds its own copy of the main model's
    tok2vec (same embedding tables, started from its weights, no ``source`` left in the saved config, so it
    loads without the main model), and the tagger leaves the analysed Doc's tensor and entities as they were."""
    import numpy

    from newsledger.train.__main__ import main

    out = tmp_path / "out"
    rc = main(["attribution", "tagger", "--config", "pretrained", "--shared", str(shared), "--limit", "20",
               "--max-steps", "2", "--eval-frequency", "1", "--out", str(out), "--data", str(tmp_path / "data"),
               "--cache", str(tmp_path / "cache")])
    assert rc == 0
    tagger = load_tagger(str(out / "model-last"))
    assert tagger.pipe_names == ["tok2vec", "attribution_spans"]
    assert "source" not in tagger.config["components"]["tok2vec"]

    def tables(model):
        return [n.get_param("E") for n in model.walk() if n.has_param("E")]

    mine, main_model = tables(tagger.get_pipe("tok2vec").model), tables(nlp.get_pipe("tok2vec").model)
    assert [t.shape for t in mine] == [t.shape for t in main_model]
    assert all(numpy.corrcoef(a.ravel(), b.ravel())[0, 1] > 0.9 for a, b in zip(mine, main_model))
    doc = nlp("Officials said on Tuesday that the bridge would reopen.")
    tensor, ents = doc.tensor.copy(), [(e.text, e.label_) for e in doc.ents]
    assert all(label in LABELS for label, _s, _e in tag_spans(tagger, doc))
    assert numpy.array_equal(doc.tensor, tensor) and [(e.text, e.label_) for e in doc.ents] == ents


def test_training_refuses_to_write_into_the_package(shared, tmp_path):
    from newsledger.train.attribution_tagger import train_tagger

    with pytest.raises(ConfigError, match="installed package"):
        train_tagger([], DEFAULT_TAGGER / "x", data_dir=tmp_path)


def test_packaged_tagger_loads_without_download_and_says_what_it_was_trained_on():
    notice = (DEFAULT_TAGGER / "NOTICE").read_text(encoding="utf-8")
    assert "PolNeAR" in notice and "research" in notice
    tagger = load_tagger()
    assert tagger.pipe_names == ["attribution_spans"]
    size = sum(p.stat().st_size for p in DEFAULT_TAGGER.rglob("*") if p.is_file())
    assert size < 8_000_000


def test_missing_tagger_model_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="No attribution tagger model"):
        load_tagger(str(tmp_path))


def test_setting_turns_the_tagger_on(tmp_path):
    assert Settings().attribution_tagger is False
    assert load_settings(tmp_path / "none.toml", env={"NEWSLEDGER_ATTRIBUTION_TAGGER": "yes"}).attribution_tagger
    with pytest.raises(ConfigError):
        load_settings(tmp_path / "none.toml", env={"NEWSLEDGER_ATTRIBUTION_TAGGER": "maybe"})


def test_tagger_on_keeps_every_rule_attribution_and_adds_its_own(shared):
    """With the tagger on (combined rules first), the seed article keeps every attribution the rules find,
    and the pipeline's named entities are the same as without it."""
    from newsledger.analyze.pipeline import load_pipeline

    text = next((shared / "corpus" / "seed").glob("*.txt")).read_text(encoding="utf-8")
    off = load_pipeline(Settings())(text)
    on = load_pipeline(Settings(attribution_tagger=True))(text)
    key = lambda a: (tuple(a["cue"]), tuple(a["source"] or ()), tuple(map(tuple, a["contents"])))  # noqa: E731
    rules = {key(a) for a in off._.attributions}
    both = {key(a) for a in on._.attributions}
    assert rules and rules <= both and len(both) > len(rules)
    assert [(e.start_char, e.label_) for e in on.ents] == [(e.start_char, e.label_) for e in off.ents]
