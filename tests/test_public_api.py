"""The public API: a sorted __all__ whose names all exist (httpx's check)."""

import newsledger


def test_all_is_sorted_and_importable():
    assert newsledger.__all__ == sorted(newsledger.__all__)
    for name in newsledger.__all__:
        assert hasattr(newsledger, name), name


def test_spacy_factories_and_thinc_ops_are_registered_through_entry_points():
    from importlib.metadata import entry_points

    assert "newsledger_paragraphs" in {ep.name for ep in entry_points(group="spacy_factories")}
    from thinc.api import get_ops

    assert type(get_ops("numpy_gemm")).__name__ == "NumpyGemmOps"
