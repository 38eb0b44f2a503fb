"""The index of past reports: SQLite for figures and text, chroma for passage vectors."""

from __future__ import annotations

import datetime as _dt
import functools
import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable

import numpy as np

from assistant.events import Progress
from assistant.index.chunks import report_chunks
from assistant.index.embedders import (
    USES_BM25, VECTOR_PART, bm25_score, normalise_embedder, reciprocal_rank_fusion, term_counts,
    tokens, vector_embedder,
)
from assistant.index.loader import collect_files, file_sha256, load_report
from assistant.index.store import ReportRow, Store, StoreError
from assistant.report import SECTION_TITLES, Report, ReportError
from assistant.settings import PROJECT_DIR, Settings

CORPUS_DIR = PROJECT_DIR / "corpus"
VECTOR_BATCH = 1000
IndexedReport = ReportRow


@dataclass
class IngestSummary:
    """What an ingest did: file descriptions per outcome, and skipped files with the reason."""

    ingested: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)

    @property
    def read_any(self) -> bool:
        """Whether at least one file was a usable report."""
        return bool(self.ingested or self.replaced or self.unchanged)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {"ingested": self.ingested, "replaced": self.replaced, "unchanged": self.unchanged,
                "skipped": [{"file": f, "reason": r} for f, r in self.skipped]}

    def text(self) -> str:
        """A Chinese summary, one line per replaced or skipped file."""
        lines = [f"导入 {len(self.ingested)} 份，替换 {len(self.replaced)} 份，未变 {len(self.unchanged)} 份，"
                 f"跳过 {len(self.skipped)} 份。"]
        lines += [f"替换：{item}" for item in self.replaced]
        lines += [f"跳过：{name}：{reason}" for name, reason in self.skipped]
        return "\n".join(lines)


@dataclass(frozen=True)
class Passage:
    """A retrieved passage of a past report and where it is."""

    text: str
    source: str
    agency: str
    year: int
    section: str
    score: float
    subsection: str = ""
    heading: str = ""
    report_id: str = ""
    start: int = 0
    end: int = 0

    @property
    def location(self) -> str:
        """Where the passage is, in Chinese: year, section and sub-section."""
        part = f"（{self.subsection}）{self.heading}" if self.subsection else ""
        return f"{self.agency}{self.year}年报告 {SECTION_TITLES.get(self.section, self.section)}{part}"

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON, with the location."""
        return {**asdict(self), "location": self.location}


def serialised(method):
    """One thread at a time: the index shares one SQLite connection and a pending-vector buffer."""

    @functools.wraps(method)
    def locked(self, *args, **kwargs):
        with self._lock:
            return method(self, *args, **kwargs)

    return locked


class Index:
    """Past reports indexed for exact figure look-ups and passage retrieval; safe to share between threads."""

    def __init__(self, settings: Settings, embedder: str | None = None) -> None:
        self.settings = settings
        self.embedder = normalise_embedder(embedder if embedder is not None else settings.embedder)
        self.store = Store(Path(settings.data_dir))
        self._vector_kind = VECTOR_PART[self.embedder]
        self._ef = vector_embedder(self._vector_kind) if self._vector_kind else None
        self._collection_obj = None
        self._client = None
        self._vectors_checked = False
        self._pending: list[tuple[str, str, dict]] = []
        self._lock = threading.RLock()

    # vector store ------------------------------------------------------------------------------

    def _collection(self):
        if self._collection_obj is None:
            self._client, self._collection_obj = open_collection(self.settings, self._vector_kind, self._ef)
        return self._collection_obj

    def _flush_vectors(self) -> None:
        if not self._pending or not self._vector_kind:
            self._pending.clear()
            return
        collection = self._collection()
        for start in range(0, len(self._pending), VECTOR_BATCH):
            batch = self._pending[start:start + VECTOR_BATCH]
            collection.upsert(ids=[b[0] for b in batch], documents=[b[1] for b in batch],
                              metadatas=[b[2] for b in batch])
        self._pending.clear()

    def _ensure_vectors(self) -> None:
        """Embed any stored chunk the vector store lacks (another embedder, an interrupted ingest)."""
        if self._vectors_checked or not self._vector_kind:
            return
        collection = self._collection()
        if collection.count() < self.store.count_chunks() and not self.store.read_only:
            present = set(collection.get(include=[])["ids"])
            missing = [uid for uid in self.store.all_chunk_uids() if uid not in present]
            self._pending = self.store.chunk_texts(missing)
            self._flush_vectors()
        self._vectors_checked = True

    # ingest ------------------------------------------------------------------------------------

    @serialised
    def ingest(self, paths, on_progress: Callable[[Progress], None] | None = None) -> IngestSummary:
        """Index report files and folders; idempotent by content, one bad file never stops the rest."""
        self.store.require_writable()
        files, problems = collect_files([Path(p) for p in ([paths] if isinstance(paths, (str, Path)) else paths)])
        summary = IngestSummary(skipped=[(str(p), reason) for p, reason in problems])
        with self.store.batch():
            for done, path in enumerate(files, start=1):
                self._ingest_file(path, summary)
                if len(self._pending) >= VECTOR_BATCH:
                    self._flush_vectors()
                    self.store.checkpoint()
                if on_progress:
                    on_progress(Progress(done, len(files), path.name))
            self._flush_vectors()
        return summary

    def _ingest_file(self, path: Path, summary: IngestSummary) -> None:
        source = str(path.resolve())
        try:
            sha = file_sha256(path)
            same = self.store.report_by("sha256", sha)
            if same:
                summary.unchanged.append(f"{path.name}（{same.agency}{same.year}年，已在索引中）")
                return
            report = load_report(path)
        except ReportError as exc:
            summary.skipped.append((str(path), str(exc)))
            return
        except OSError as exc:
            summary.skipped.append((str(path), f"文件无法读取：{exc.strerror or exc}"))
            return
        self._store_report(report, path, source, sha, summary)

    def _store_report(self, report: Report, path: Path, source: str, sha: str, summary: IngestSummary) -> None:
        replaced = self._remove_older(report, source)
        report_id = sha[:12]
        chunks = [_chunk_record(report_id, n, chunk) for n, chunk in enumerate(report_chunks(report))]
        when = _dt.datetime.now().isoformat(timespec="seconds")
        self.store.add_report(report_id, report, source, sha, when, chunks)
        self._pending.extend(self.store.chunk_texts([c["uid"] for c in chunks]))
        label = f"{path.name}（{report.agency}{report.year}年）"
        (summary.replaced if replaced else summary.ingested).append(f"{label}{replaced}")

    def _remove_older(self, report: Report, source: str) -> str:
        """Remove an older version of this file or another file's report of the same agency and year."""
        notes = []
        for old in (self.store.report_by("source", source), self.store.report_for(report.agency, report.year)):
            if old and self.store.report_by("id", old.id):
                self._delete(old)
                notes.append("取代了同一文件的旧版本" if old.source == source
                             else f"取代了来自 {Path(old.source).name} 的{old.agency}{old.year}年报告")
        return "；".join(notes)

    def _delete(self, row: ReportRow) -> None:
        uids = self.store.chunk_rows_for_report(row.id)
        gone = set(uids)
        self._pending = [item for item in self._pending if item[0] not in gone]
        self.store.delete_report(row.id)
        if self._vector_kind and uids:
            self._collection().delete(ids=uids)

    @serialised
    def ensure_corpus(self, corpus_dir: Path | None = None) -> IngestSummary | None:
        """Ingest the bundled sample reports when the index is empty (and writable)."""
        if self.store.count_reports() or self.store.read_only:
            return None
        return self.ingest([corpus_dir or CORPUS_DIR])

    # queries -----------------------------------------------------------------------------------

    @serialised
    def list(self) -> list[IndexedReport]:
        """Every indexed report, by agency and year."""
        return self.store.reports()

    @serialised
    def remove(self, id_or_path: str) -> IndexedReport:
        """Remove a report by its id or its source file; StoreError when there is none."""
        self.store.require_writable()
        row = self.store.report_by("id", id_or_path)
        if row is None:
            row = self.store.report_by("source", str(Path(id_or_path).expanduser().resolve()))
        if row is None:
            raise StoreError(f"索引中没有编号或来源文件为“{id_or_path}”的报告")
        self._delete(row)
        return row

    @serialised
    def agencies(self) -> list[str]:
        """Agencies with at least one indexed report."""
        return self.store.agencies()

    @serialised
    def years(self, agency: str) -> list[int]:
        """Years indexed for an agency."""
        return self.store.years(agency)

    @serialised
    def report(self, agency: str, year: int) -> Report | None:
        """The indexed report of an agency and year, rebuilt from SQLite."""
        row = self.store.report_for(agency, year)
        return self.store.rebuild_report(row) if row else None

    @serialised
    def previous_report(self, agency: str, year: int) -> Report | None:
        """The report of the year before `year` for the agency, if indexed."""
        return self.report(agency, year - 1)

    @serialised
    def similar_passages(self, query: str, *, agency: str | None = None, section: str | None = None,
                         k: int = 5, year: int | None = None) -> list[Passage]:
        """Passages nearest the query, optionally within one agency, section or year."""
        pool = max(4 * k, 20)
        rankings: list[list[str]] = []
        scores: dict[str, float] = {}
        if self._vector_kind and not self._vectors_unavailable():
            ranked = self._vector_ranking(query, agency, section, year, pool)
            if ranked:
                rankings.append([uid for uid, _ in ranked])
                scores.update(ranked)
        if USES_BM25[self.embedder] or not rankings:
            ranked = self.bm25_ranking(query, agency, section, year, pool)
            rankings.append([uid for uid, _ in ranked])
            scores.update(ranked)
        ordered = reciprocal_rank_fusion(rankings) if len(rankings) > 1 else [(u, scores[u]) for u in rankings[0]]
        return self._passages(ordered[:k])

    def _vectors_unavailable(self) -> bool:
        try:
            self._ensure_vectors()
            return False
        except StoreError:
            if self.store.read_only:
                return True
            raise

    def _vector_ranking(self, query, agency, section, year, pool) -> list[tuple[str, float]]:
        """Nearest chunks by cosine: exact over one agency's few vectors, else the HNSW index."""
        embedding = np.asarray(self._ef.embed_query([query])[0], dtype=np.float32)
        where = _where(agency, section, year)
        if agency is not None:
            found = self._collection().get(where=where, include=["embeddings"])
            if not found["ids"]:
                return []
            scores = np.asarray(found["embeddings"], dtype=np.float32) @ embedding
            order = np.argsort(-scores, kind="stable")[:pool]
            return [(found["ids"][i], float(scores[i])) for i in order]
        found = self._collection().query(query_embeddings=[embedding], n_results=pool, where=where,
                                         include=["distances"])
        return [(uid, 1.0 - dist) for uid, dist in zip(found["ids"][0], found["distances"][0])]

    def bm25_ranking(self, query: str, agency: str | None, section: str | None, year: int | None,
                     pool: int) -> list[tuple[str, float]]:
        """Chunk uids by Okapi BM25 over the jieba terms stored in SQLite."""
        agency_id = self.store.agency_id(agency) if agency else None
        if agency and agency_id is None:
            return []
        n_docs, avg_len = self.store.chunk_stats(agency_id)
        totals: dict[int, float] = {}
        for term in set(tokens(query)):
            hits = self.store.postings(term, agency_id)
            if not hits or (n_docs > 2000 and len(hits) > n_docs // 2):
                continue
            for chunk_id, tf, length in hits:
                totals[chunk_id] = totals.get(chunk_id, 0.0) + bm25_score(tf, len(hits), length, n_docs, avg_len)
        return self._filtered(sorted(totals.items(), key=lambda p: -p[1]), section, year, pool)

    def _filtered(self, ranked: list[tuple[int, float]], section, year, pool) -> list[tuple[str, float]]:
        kept: list[tuple[str, float]] = []
        for start in range(0, len(ranked), 400):
            part = ranked[start:start + 400]
            info = self.store.chunk_filter_info([cid for cid, _ in part])
            for cid, score in part:
                uid, chunk_year, chunk_section, _ = info[cid]
                if (section is None or chunk_section == section) and (year is None or chunk_year == year):
                    kept.append((uid, score))
            if len(kept) >= pool:
                break
        return kept[:pool]

    def _passages(self, ordered: list[tuple[str, float]]) -> list[Passage]:
        rows = self.store.chunk_rows([uid for uid, _ in ordered])
        passages = []
        for uid, score in ordered:
            if uid in rows:
                _, report_id, agency, year, section, sub, heading, text, start, end, source = rows[uid]
                passages.append(Passage(text, source, agency, year, section, round(float(score), 6), sub, heading,
                                        report_id, start, end))
        return passages

    @serialised
    def ask(self, question: str, *, agency: str | None = None, year: int | None = None,
            draft_year: int | None = None, llm=None):
        """Answer a question about past reports: figures looked up, comparisons computed, wording retrieved.

        `year`: the report year meant when the question names none; `draft_year`: the year being drafted
        (去年 = draft_year - 1), default settings.draft_year. `llm` is accepted for phrasing but unused here:
        numbers never pass through a model."""
        from assistant.index.answer import answer_question

        return answer_question(self, question, agency=agency, year=year,
                               draft_year=draft_year or self.settings.draft_year, llm=llm)

    @serialised
    def close(self) -> None:
        """Write pending vectors, release the chroma client and close SQLite."""
        self._flush_vectors()
        if self._client is not None:
            _close_client(self._client)
            self._client, self._collection_obj = None, None
        self.store.close()


def _chunk_record(report_id: str, number: int, chunk) -> dict:
    return {"uid": f"{report_id}:{number}", "section": chunk.section, "subsection": chunk.subsection,
            "heading": chunk.heading, "text": chunk.text, "start": chunk.start, "end": chunk.end,
            "terms": term_counts(f"{chunk.heading} {chunk.text}")}


def _where(agency: str | None, section: str | None, year: int | None) -> dict | None:
    clauses = [{name: value} for name, value in (("agency", agency), ("section", section), ("year", year))
               if value is not None]
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def open_collection(settings: Settings, kind: str, ef):
    """(client, collection) of one vector embedder, embedded or on a Chroma server."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    try:
        if settings.chroma_url:
            host, port, ssl = _split_url(settings.chroma_url)
            client = chromadb.HttpClient(host=host, port=port, ssl=ssl, settings=chroma_settings)
        else:
            client = chromadb.PersistentClient(path=str(Path(settings.data_dir) / "chroma"), settings=chroma_settings)
        collection = client.get_or_create_collection(f"nianbao_passages_{kind}", embedding_function=ef,
                                                     metadata={"hnsw:space": "cosine"})
        return client, collection
    except Exception as exc:
        where = settings.chroma_url or str(Path(settings.data_dir) / "chroma")
        raise StoreError(f"无法打开向量库（{where}）：{type(exc).__name__}: {exc}") from None


def _close_client(client) -> None:
    """Release a chroma client; when its shared system stops, close the HTTP session chroma leaves open."""
    from chromadb.api.shared_system_client import SharedSystemClient

    servers = (getattr(client, "_server", None), getattr(getattr(client, "_admin_client", None), "_server", None))
    sessions = [getattr(server, "_session", None) for server in servers]
    client.close()
    if client._identifier not in SharedSystemClient._identifier_to_system:
        for session in filter(None, sessions):
            session.close()


def _split_url(url: str) -> tuple[str, int, bool]:
    from urllib.parse import urlparse

    parsed = urlparse(url if "://" in url else f"http://{url}")
    ssl = parsed.scheme == "https"
    return parsed.hostname or "127.0.0.1", parsed.port or (443 if ssl else 8000), ssl
