"""The component base class: every newsledger component honours ``nlp.set_error_handler``."""

from __future__ import annotations

import pytest
import spacy

from newsledger.analyze import pipeline  # noqa: F401 - registers the doc extensions
from newsledger.analyze.component import Component
from newsledger.analyze.registry import extractors

FACTORIES = ["newsledger_actors", "newsledger_timex", "newsledger_places", "newsledger_attribution",
             "newsledger_events", "newsledger_quantities"]


def test_every_registered_component_is_a_component():
    assert sorted(ex.factory for ex in extractors() if ex.factory) == sorted(FACTORIES)
    nlp = spacy.blank("en")
    for factory in FACTORIES:
        assert isinstance(nlp.add_pipe(factory), Component)


@pytest.mark.parametrize("factory", FACTORIES)
@pytest.mark.parametrize("how", ["call", "pipe"])
def test_every_component_honours_the_pipelines_error_handler(factory, how, monkeypatch):
    """``nlp.set_error_handler``: a failing component calls the handler with its name, and the Doc goes on."""
    extractors()  # registers the factories and their registry functions
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    component = nlp.add_pipe(factory)
    calls = []

    def handler(name, proc, docs, exc):
        calls.append((name, proc, [d.text for d in docs], str(exc)))

    def boom(doc):
        raise ValueError("boom")

    monkeypatch.setattr(component, "find", boom)
    nlp.set_error_handler(handler)
    text = "The council met on Monday in Paris, officials said."
    docs = [nlp(text)] if how == "call" else list(nlp.pipe([text, text]))
    assert [d.text for d in docs] == [text] * len(docs)
    assert calls == [(factory, component, [text], "boom")] * len(docs)


@pytest.mark.parametrize("factory", FACTORIES)
def test_the_default_handler_raises(factory, monkeypatch):
    extractors()
    nlp = spacy.blank("en")
    component = nlp.add_pipe(factory)

    def boom(doc):
        raise ValueError("boom")

    monkeypatch.setattr(component, "find", boom)
    with pytest.raises(ValueError, match="boom"):
        nlp("The council met.")
