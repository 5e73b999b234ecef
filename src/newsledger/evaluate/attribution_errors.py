"""Error analysis of the attribution rules on PolNeAR train, by component and kind, with counts.

Run through ``python -m newsledger.train attribution errors``. Every
gold attribution of every annotation is compared with our top-level
predictions (the one whose cue shares a token with the gold cue):

* **cue missed**: no prediction's cue overlaps the gold cue; counted by the
  kind of the gold cue (its head word's part of speech and lemma, "according
  to", punctuation …) and by whether the gold cue sits inside one of our
  contents (a nested cue PolNeAR does not annotate the same way);
* **cue extent**: the cue is found but not exactly (gold wider or narrower
  on the left or right, with the words that differ);
* **source**: exact, boundary only, missing (gold has one, we have none),
  extra (gold has none), or another phrase;
* **content**: exact, boundary only (start, end or both), or another span.

False positives are counted by our cue lemma. Only counts and single words
(lemmas, the words at a boundary) are printed, never article text beyond a
cue's words.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict


_TOKEN = re.compile(r"\w+|[^\w\s]")


def _tokens(text: str, cs: frozenset[int]) -> list[tuple[int, int]]:
    """Token spans (word runs or single punctuation marks) that lie inside the character set."""
    if not cs:
        return []
    lo, hi = min(cs), max(cs) + 1
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text, lo, hi) if m.start() in cs]


def _overlap(text: str, a: frozenset[int], b: frozenset[int]) -> bool:
    common = a & b
    return bool(common) and (any(text[i].isalnum() for i in common) or not (
        any(text[i].isalnum() for i in a) and any(text[i].isalnum() for i in b)))


def cue_kind(doc, cue: frozenset[int]) -> str:
    """A label for a gold cue: ``VERB:say``, ``NOUN:statement``, ``according to``, ``PUNCT::`` …"""
    from ..analyze.syntax import lemma

    if not cue:
        return "empty"
    lo, hi = min(cue), max(cue) + 1
    span = doc.char_span(lo, hi, alignment_mode="expand")
    if span is None or not len(span):
        return "?"
    low = span.text.lower()
    if low.startswith("according to"):
        return "according to"
    if all(t.is_punct for t in span):
        return f"PUNCT:{span.text.strip()}"
    verbs = [t for t in span if t.tag_.startswith("VB") and t.dep_ not in ("aux", "auxpass")]
    if verbs:
        return f"VERB:{lemma(verbs[0])}"
    root = span.root
    if root.tag_.startswith("NN"):
        return f"NOUN:{root.lower_}"
    if root.tag_ == "IN":
        return f"PREP:{root.lower_}"
    return f"{root.tag_}:{root.lower_}"


def error_report(pairs, *, top: int = 40) -> Counter:
    """Print counts of errors by component and kind over ``pairs`` of (GoldDoc, parsed Doc).

    Returns:
        The counts printed first (``gold``, ``whole exact``, ``cue missed``, ``cue extent``, ``source …``,
        ``content …``, ``false positive``).
    """
    from ..analyze.attribution.component import find_attributions
    from ..train.attribution import to_rel

    c: Counter = Counter()
    missed: Counter = Counter()
    missed_nested: Counter = Counter()
    fp_kinds: Counter = Counter()
    cue_ext: Counter = Counter()
    cue_words: dict[str, Counter] = defaultdict(Counter)
    src_words: dict[str, Counter] = defaultdict(Counter)
    content_words: dict[str, Counter] = defaultdict(Counter)
    gold_kinds: Counter = Counter()
    for g, doc in pairs:
        text = g.text
        found = find_attributions(doc)
        raw = [a for a in found if a.get("parent") is None]
        preds = [to_rel(text, a) for a in raw]
        nested = [to_rel(text, a) for a in found if a.get("parent") is not None]
        for annotator, gold in g.annotations.items():
            used = set()
            for gr in gold:
                c["gold"] += 1
                kind = cue_kind(doc, gr.cue)
                gold_kinds[kind] += 1
                if not gr.source:
                    c["gold no-source"] += 1
                match = next((k for k, p in enumerate(preds) if k not in used and _overlap(text, p.cue, gr.cue)), None)
                if match is None:
                    c["cue missed"] += 1
                    if any(_overlap(text, n.cue, gr.cue) for n in nested):
                        c["cue missed: found nested (parent set)"] += 1
                        missed_nested[kind] += 1
                    elif any(gr.cue <= p.content for p in preds):
                        c["cue missed: inside one of our contents"] += 1
                        missed_nested[kind] += 1
                    else:
                        missed[kind] += 1
                    continue
                used.add(match)
                p = preds[match]
                ok = {"cue": p.cue == gr.cue, "source": p.source == gr.source, "content": p.content == gr.content}
                if all(ok.values()):
                    c["whole exact"] += 1
                    continue
                c["whole wrong"] += 1
                if not ok["cue"]:
                    c["cue extent"] += 1
                    gt, pt = set(_tokens(text, gr.cue)), set(_tokens(text, p.cue))
                    for side, toks in (("gold adds", gt - pt), ("pred adds", pt - gt)):
                        for s, e in toks:
                            cue_words[side][text[s:e].lower()] += 1
                    key = ("gold wider" if gr.cue > p.cue else "pred wider" if p.cue > gr.cue else "differ")
                    cue_ext[key] += 1
                if not ok["source"]:
                    if gr.source and not p.source:
                        k = "source missing"
                    elif p.source and not gr.source:
                        k = "source extra (gold has none)"
                    elif _overlap(text, p.source, gr.source):
                        k = "source boundary"
                        gt, pt = set(_tokens(text, gr.source)), set(_tokens(text, p.source))
                        for side, toks in (("gold adds", gt - pt), ("pred adds", pt - gt)):
                            for s, e in toks:
                                src_words[side][text[s:e].lower()] += 1
                    else:
                        k = "source other phrase"
                    c[k] += 1
                if not ok["content"]:
                    if _overlap(text, p.content, gr.content):
                        gs, ge = min(gr.content), max(gr.content)
                        ps, pe = min(p.content), max(p.content)
                        k = "content boundary: " + ("start " if gs != ps else "") + ("end" if ge != pe else "") + (
                            " (gaps)" if gs == ps and ge == pe else "")
                        gt, pt = set(_tokens(text, gr.content)), set(_tokens(text, p.content))
                        for side, toks in (("gold adds", gt - pt), ("pred adds", pt - gt)):
                            for s, e in sorted(toks)[:1] + sorted(toks)[-1:]:
                                content_words[side][text[s:e].lower()] += 1
                    else:
                        k = "content other span"
                    c[k] += 1
            for k, p in enumerate(preds):
                if k not in used:
                    c["false positive"] += 1
                    fp_kinds[raw[k].get("cue_lemma") or "?"] += 1
    print("== counts (every annotation of every article)")
    for k, v in sorted(c.items()):
        print(f"  {k:45s} {v:7d}")
    print("== cue extent:", dict(cue_ext))
    for side, cnt in cue_words.items():
        print(f"  cue, {side}: {cnt.most_common(top)}")
    for side, cnt in src_words.items():
        print(f"  source, {side}: {cnt.most_common(top)}")
    for side, cnt in content_words.items():
        print(f"  content edge, {side}: {cnt.most_common(top)}")
    print("== gold cue kinds:", gold_kinds.most_common(top))
    print("== missed cues by kind (not nested):", missed.most_common())
    print("== missed cues that we nested:", missed_nested.most_common(top))
    print("== false positives by our cue lemma:", fp_kinds.most_common(top))
    return c
