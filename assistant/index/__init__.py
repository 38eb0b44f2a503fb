"""The index of past reports: exact figures from SQLite, passages from chroma, answers to questions."""

from assistant.index.index import CORPUS_DIR, Index, IndexedReport, IngestSummary, Passage
from assistant.index.store import StoreError

__all__ = ["CORPUS_DIR", "Index", "IndexedReport", "IngestSummary", "Passage", "StoreError"]
