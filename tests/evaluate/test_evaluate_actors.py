"""The actor evaluation: readers and scorers on the public sets, a small slice to pin a floor."""

from __future__ import annotations

from newsledger.evaluate.actors import _Coref, iob1_spans, read_conll, read_meantime, score_meantime


def test_iob1_spans_split_on_type_change_and_b_tags():
    assert iob1_spans(["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"]) == {(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC"), (5, 6, "ORG")}


def test_pooled_scores_equal_one_corpus_score():
    from scorch import scores

    k1, r1 = [{1, 2, 3}, {4}], [{1, 2}, {3, 4}]
    k2, r2 = [{5, 6}], [{5}, {6}]
    pooled = _Coref()
    pooled.add(k1, r1)
    pooled.add(k2, r2)
    whole = scores.conll2012(k1 + k2, r1 + r2)
    assert abs(pooled.row("x")["CoNLL F1"] - round(whole, 3)) <= 0.001


def test_conll_reader_counts_testb(shared):
    docs = read_conll(shared / "eval" / "conll2003-en" / "eng.testb")
    n = sum(len(iob1_spans(tags)) for d in docs for _, tags in d)
    assert n == 5648  # the official count (eval/conll2003-en/README.txt)


def test_meantime_slice_beats_exact_string(nlp, shared, tmp_path):
    folder = shared / "eval" / "meantime" / "meantime_newsreader_english_oct15"
    docs = read_meantime(folder)
    assert len(docs) == 120 and sum(len(d["gold"]) for d in docs) > 1000
    # a slice of one sub-corpus keeps the test fast; make eval scores all 120 articles
    slice_dir = tmp_path / "intra-doc_annotation" / "corpus_airbus"
    slice_dir.mkdir(parents=True)
    for path in sorted((folder / "intra-doc_annotation" / "corpus_airbus").glob("*.xml"))[:12]:
        (slice_dir / path.name).symlink_to(path)
    table = score_meantime(tmp_path, nlp)
    ours, base = table.rows
    assert ours["CoNLL F1"] > base["CoNLL F1"] + 0.05
    assert ours["CoNLL F1"] >= 0.55


def test_ecbplus_gold_is_only_the_sentences_annotated_for_coreference(shared):
    """ECB+'s README: evaluate on the sentences of ECBplus_coreference_sentences.csv only (outside them
    mentions were annotated without their coreference, so they read as false singletons)."""
    import csv
    import xml.etree.ElementTree as ET

    from newsledger.evaluate.actors import ECB_CHOICE_TOPICS, ECB_TYPES, read_ecbplus

    folder = shared / "eval" / "ecbplus" / "ECB+_LREC2014"
    topics = read_ecbplus(folder)
    assert sum(len(d["gold"]) for t in ECB_CHOICE_TOPICS for d in topics[str(t)]) == 3311  # of 6,798 in all sentences
    with open(folder / "ECBplus_coreference_sentences.csv", encoding="utf-8") as f:
        listed = {(r["File"], int(r["Sentence Number"])) for r in csv.DictReader(f) if r["Topic"] == "1"}
    inside, outside = set(), set()
    for path in sorted((folder / "ECB+" / "1").glob("*.xml")):
        root = ET.parse(path).getroot()
        sentence = {t.get("t_id"): int(t.get("sentence")) for t in root.iter("token")}
        for el in root.find("Markables"):
            anchors = [a.get("t_id") for a in el.findall("token_anchor")]
            if el.tag in ECB_TYPES and anchors:
                key = (path.stem.split("_", 1)[1], sentence[anchors[0]])
                (inside if key in listed else outside).add(f"{path.stem}:{el.get('m_id')}")
    read = {gid for d in topics["1"] for gid in d["gold"]}
    assert outside and read == inside


def test_ecbplus_page_urls_are_not_read_as_text(shared):
    """Each document of the ECB+ half opens with its page URL as sentence 0: left out, the gold spans still index their words."""
    from newsledger.evaluate.actors import read_ecbplus

    docs = {d["name"]: d for d in read_ecbplus(shared / "eval" / "ecbplus" / "ECB+_LREC2014")["3"]}
    assert not any(d["words"][0].lower().startswith("http") for d in docs.values())
    d = docs["3_2ecbplus"]
    assert d["words"][:4] == ["Convicted", "Child", "Molestor", "Arcade"] and d["starts"][0]
    assert " ".join(d["words"][slice(*d["gold"]["3_2ecbplus:4"])]) == "Arcade Joseph Comeaux Jr"


def test_a_gold_description_never_takes_the_actor_of_a_modifier_inside_it(nlp):
    """ECB+ 26_10ecb and 3_3ecbplus: "Mafia boss" is the boss, not the Mafia named inside it; a gold name still aligns."""
    from newsledger.evaluate.actors import _align, _docs, _system_mentions

    sentences = [("A Mafia boss in Palermo hanged himself in jail .", (1, 3)),
                 ("Texas inmate Arcade Joseph Comeaux Jr . escaped when he was being transported to a prison .", (2, 6))]
    docs = list(_docs(nlp, [(text.split(), [True] + [False] * (len(text.split()) - 1)) for text, _ in sentences]))
    (boss, comeaux) = docs
    boss_system = _system_mentions(boss)
    assert [boss[s:e].text for s, e, _, _ in boss_system] == ["Mafia"]  # the modifier is a mention of ours
    assert _align(boss, {"g": sentences[0][1]}, boss_system) == {}
    aligned = _align(comeaux, {"g": sentences[1][1]}, _system_mentions(comeaux))
    assert comeaux._.actors[aligned["g"]]["name"] == "Arcade Joseph Comeaux Jr."
