"""The SQLite side of the index: reports, sections, figures (looked up, never retrieved), chunks, BM25 postings."""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from assistant.report import (
    SECTION_KEYS, T2_BLOCKS, T2_COLUMN_LABELS, T2_LAYOUT_2019, T2_LAYOUT_2021, T2_ROW_LABELS,
    T3_COLUMN_LABELS, T3_COLUMNS, T3_ROW_LABELS, T4_COLUMN_LABELS, T4_COLUMNS, T4_GROUP_LABELS,
    T4_GROUPS, Report, empty_tables, normalise_cell, t3_rows,
)

SCHEMA_VERSION = 1
TABLE_LABELS = {"t2": "表二", "t3": "表三", "t4": "表四"}

SCHEMA = """
CREATE TABLE reports (
  id TEXT PRIMARY KEY, agency TEXT NOT NULL, year INTEGER NOT NULL, format TEXT NOT NULL,
  title TEXT, preamble TEXT NOT NULL DEFAULT '', source TEXT NOT NULL, sha256 TEXT NOT NULL,
  ingested_at TEXT NOT NULL, sections_found TEXT NOT NULL, tables_found TEXT NOT NULL,
  UNIQUE (agency, year));
CREATE INDEX reports_source ON reports (source);
CREATE INDEX reports_sha ON reports (sha256);
CREATE TABLE sections (report_id TEXT NOT NULL, key TEXT NOT NULL, text TEXT,
  PRIMARY KEY (report_id, key)) WITHOUT ROWID;
CREATE TABLE cells (report_id TEXT NOT NULL, key TEXT NOT NULL, value NUMERIC,
  PRIMARY KEY (report_id, key)) WITHOUT ROWID;
CREATE TABLE cell_labels (key TEXT PRIMARY KEY, table_label TEXT NOT NULL,
  row_label TEXT NOT NULL, column_label TEXT NOT NULL) WITHOUT ROWID;
CREATE VIEW figures AS
  SELECT r.id AS report_id, r.agency, r.year, c.key, c.value, r.source AS source_file,
         l.table_label, l.row_label, l.column_label
  FROM cells c JOIN reports r ON r.id = c.report_id JOIN cell_labels l ON l.key = c.key;
CREATE TABLE agencies (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE chunks (
  id INTEGER PRIMARY KEY, uid TEXT NOT NULL UNIQUE, report_id TEXT NOT NULL, agency_id INTEGER NOT NULL,
  year INTEGER NOT NULL, section TEXT NOT NULL, subsection TEXT NOT NULL, heading TEXT NOT NULL,
  text TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, length INTEGER NOT NULL);
CREATE INDEX chunks_report ON chunks (report_id);
CREATE INDEX chunks_agency ON chunks (agency_id, length);
CREATE TABLE postings (term TEXT NOT NULL, agency_id INTEGER NOT NULL, chunk_id INTEGER NOT NULL,
  tf INTEGER NOT NULL, dl INTEGER NOT NULL, PRIMARY KEY (term, agency_id, chunk_id)) WITHOUT ROWID;
CREATE INDEX postings_chunk ON postings (chunk_id);
"""


class StoreError(RuntimeError):
    """The data folder cannot be used as asked; the message says why, in Chinese."""


@dataclass(frozen=True)
class ReportRow:
    """One indexed report as stored."""

    id: str
    agency: str
    year: int
    format: str
    source: str
    sha256: str
    ingested_at: str
    sections_found: tuple[str, ...]
    tables_found: tuple[str, ...]


@dataclass(frozen=True)
class Figure:
    """One table cell of an indexed report, with its labels and source."""

    report_id: str
    agency: str
    year: int
    key: str
    value: int | float | None
    source_file: str
    table_label: str
    row_label: str
    column_label: str


def cell_labels(key: str) -> tuple[str, str, str]:
    """(table label, row label, column label) of a cell path."""
    table, row, col = key.split(".")
    if table == "t2":
        return TABLE_LABELS[table], f"{T2_BLOCKS.get(row, '')}{T2_ROW_LABELS.get(row, row)}", T2_COLUMN_LABELS.get(col, col)
    if table == "t3":
        return TABLE_LABELS[table], T3_ROW_LABELS.get(row, row), T3_COLUMN_LABELS.get(col, col)
    return TABLE_LABELS[table], T4_GROUP_LABELS.get(row, row), T4_COLUMN_LABELS.get(col, col)


def _all_cell_keys() -> set[str]:
    keys: set[str] = set()
    for layout in (T2_LAYOUT_2021, T2_LAYOUT_2019):
        keys.update(f"t2.{row}.{col}" for row, cols in layout.items() for col in cols)
    for fmt in ("2021", "2019"):
        keys.update(f"t3.{row}.{col}" for row in t3_rows(fmt) for col in T3_COLUMNS)
    keys.update(f"t4.{group}.{col}" for group in T4_GROUPS for col in T4_COLUMNS)
    return keys


class Store:
    """An open figures.sqlite: writable, or read-only when the folder cannot be written."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / "figures.sqlite"
        self.read_only = not _writable(data_dir, self.path)
        self._batching = False
        self.conn = self._open(data_dir)
        self._check_version()

    def _open(self, data_dir: Path) -> sqlite3.Connection:
        if self.read_only:
            if not self.path.exists():
                return sqlite3.connect(":memory:", check_same_thread=False)
            uri = f"file:{self.path}?mode=ro"
            return sqlite3.connect(uri, uri=True, check_same_thread=False)
        data_dir.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
        conn.execute("PRAGMA synchronous=NORMAL")
        return conn

    def _check_version(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        empty = not self.conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone()
        if version == 0 and empty:
            if self.read_only:
                self.conn.executescript(SCHEMA)
                self._fill_labels()
                return
            with self.conn:
                self.conn.executescript(SCHEMA)
                self._fill_labels()
                self.conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            return
        if version != SCHEMA_VERSION:
            self.conn.close()
            raise StoreError(
                f"数据目录中的索引（{self.path}）来自另一个版本（结构版本 {version}，本程序需要 {SCHEMA_VERSION}），"
                "无法使用；索引未做任何改动。请换用匹配版本的程序，或指定新的数据目录（ASSISTANT_DATA_DIR）后重新导入。"
            )

    def _fill_labels(self) -> None:
        rows = [(key, *cell_labels(key)) for key in sorted(_all_cell_keys())]
        self.conn.executemany("INSERT OR REPLACE INTO cell_labels VALUES (?,?,?,?)", rows)

    def require_writable(self) -> None:
        """Raise StoreError when the data folder is read-only."""
        if self.read_only:
            raise StoreError(f"数据目录只读（{self.path.parent}），无法导入或删除报告；已有索引未改动，仍可查询。")

    @contextmanager
    def batch(self):
        """Group many writes in one transaction (committed at the end or at each checkpoint)."""
        self._batching = True
        try:
            with self.conn:
                yield
        finally:
            self._batching = False

    def checkpoint(self) -> None:
        """Commit what a batch has written so far."""
        self.conn.commit()

    def _transaction(self):
        return nullcontext() if self._batching else self.conn

    # reports -----------------------------------------------------------------------------------

    def reports(self) -> list[ReportRow]:
        """Every indexed report, by agency and year."""
        rows = self.conn.execute(
            "SELECT id, agency, year, format, source, sha256, ingested_at, sections_found, tables_found "
            "FROM reports ORDER BY agency, year").fetchall()
        return [_report_row(row) for row in rows]

    def report_by(self, column: str, value) -> ReportRow | None:
        """The report whose id, source or sha256 equals value."""
        assert column in ("id", "source", "sha256")
        row = self.conn.execute(
            "SELECT id, agency, year, format, source, sha256, ingested_at, sections_found, tables_found "
            f"FROM reports WHERE {column} = ?", (value,)).fetchone()
        return _report_row(row) if row else None

    def report_for(self, agency: str, year: int) -> ReportRow | None:
        """The report of an agency and year."""
        row = self.conn.execute(
            "SELECT id, agency, year, format, source, sha256, ingested_at, sections_found, tables_found "
            "FROM reports WHERE agency = ? AND year = ?", (agency, year)).fetchone()
        return _report_row(row) if row else None

    def agencies(self) -> list[str]:
        """Agencies with at least one report."""
        return [row[0] for row in self.conn.execute("SELECT DISTINCT agency FROM reports ORDER BY agency")]

    def years(self, agency: str) -> list[int]:
        """Years indexed for an agency, ascending."""
        return [row[0] for row in self.conn.execute(
            "SELECT year FROM reports WHERE agency = ? ORDER BY year", (agency,))]

    def count_reports(self) -> int:
        """How many reports are indexed."""
        return self.conn.execute("SELECT COUNT(*) FROM reports").fetchone()[0]

    def add_report(self, report_id: str, report: Report, source: str, sha: str, when: str,
                   chunks: list[dict]) -> None:
        """Store a report, its sections, cells, chunks and postings in one transaction."""
        sections = tuple(key for key in SECTION_KEYS if (report.sections.get(key) or "").strip())
        tables = tuple(name for name in ("t2", "t3", "t4")
                       if any(v is not None for cols in getattr(report, name).values() for v in cols.values()))
        with self._transaction():
            self.conn.execute(
                "INSERT INTO reports VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (report_id, report.agency, report.year, report.format, report.title, report.preamble or "",
                 source, sha, when, ",".join(sections), ",".join(tables)))
            self.conn.executemany("INSERT INTO sections VALUES (?,?,?)",
                                  [(report_id, key, report.sections.get(key)) for key in SECTION_KEYS])
            self.conn.executemany("INSERT INTO cells VALUES (?,?,?)",
                                  [(report_id, key, value) for key, value in report.cells()])
            self._add_chunks(report_id, self._agency_id(report.agency), report.year, chunks)

    def _agency_id(self, name: str) -> int:
        self.conn.execute("INSERT OR IGNORE INTO agencies (name) VALUES (?)", (name,))
        return self.conn.execute("SELECT id FROM agencies WHERE name = ?", (name,)).fetchone()[0]

    def _add_chunks(self, report_id: str, agency_id: int, year: int, chunks: list[dict]) -> None:
        for chunk in chunks:
            cursor = self.conn.execute(
                "INSERT INTO chunks (uid, report_id, agency_id, year, section, subsection, heading, text, start, end, length) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (chunk["uid"], report_id, agency_id, year, chunk["section"], chunk["subsection"], chunk["heading"],
                 chunk["text"], chunk["start"], chunk["end"], sum(chunk["terms"].values())))
            length = sum(chunk["terms"].values())
            self.conn.executemany("INSERT INTO postings VALUES (?,?,?,?,?)",
                                  [(term, agency_id, cursor.lastrowid, tf, length) for term, tf in chunk["terms"].items()])

    def delete_report(self, report_id: str) -> None:
        """Remove a report and everything derived from it."""
        with self._transaction():
            self.conn.execute("DELETE FROM postings WHERE chunk_id IN (SELECT id FROM chunks WHERE report_id = ?)",
                              (report_id,))
            for table in ("chunks", "cells", "sections"):
                self.conn.execute(f"DELETE FROM {table} WHERE report_id = ?", (report_id,))
            self.conn.execute("DELETE FROM reports WHERE id = ?", (report_id,))

    # figures and reports back ------------------------------------------------------------------

    def figure(self, agency: str, year: int, key: str) -> Figure | None:
        """One cell of the agency's report for the year, or None when that report is not indexed."""
        row = self.conn.execute(
            "SELECT report_id, agency, year, key, value, source_file, table_label, row_label, column_label "
            "FROM figures WHERE agency = ? AND year = ? AND key = ?", (agency, year, key)).fetchone()
        return Figure(*row) if row else None

    def rebuild_report(self, row: ReportRow) -> Report:
        """The report as stored: sections and cells back into a Report."""
        title, preamble = self.conn.execute(
            "SELECT title, preamble FROM reports WHERE id = ?", (row.id,)).fetchone()
        t2, t3, t4 = empty_tables(row.format)
        tables = {"t2": t2, "t3": t3, "t4": t4}
        for key, value in self.conn.execute("SELECT key, value FROM cells WHERE report_id = ?", (row.id,)):
            table, r, c = key.split(".")
            if r in tables[table] and c in tables[table][r]:
                tables[table][r][c] = normalise_cell(value)
        sections = {key: text for key, text in self.conn.execute(
            "SELECT key, text FROM sections WHERE report_id = ?", (row.id,))}
        return Report(row.agency, row.year, row.format, {k: sections.get(k) for k in SECTION_KEYS},
                      t2, t3, t4, title=title, preamble=preamble or "")

    # chunks and BM25 ---------------------------------------------------------------------------

    def chunk_rows(self, uids: Iterable[str]) -> dict[str, tuple]:
        """uid -> (uid, report_id, agency, year, section, subsection, heading, text, start, end, source)."""
        uids = list(uids)
        if not uids:
            return {}
        marks = ",".join("?" * len(uids))
        rows = self.conn.execute(
            "SELECT c.uid, c.report_id, r.agency, c.year, c.section, c.subsection, c.heading, c.text, c.start, "
            f"c.end, r.source FROM chunks c JOIN reports r ON r.id = c.report_id WHERE c.uid IN ({marks})", uids)
        return {row[0]: row for row in rows}

    def chunk_rows_for_report(self, report_id: str) -> list[str]:
        """The chunk uids of one report."""
        return [row[0] for row in self.conn.execute("SELECT uid FROM chunks WHERE report_id = ?", (report_id,))]

    def all_chunk_uids(self) -> list[str]:
        """Every chunk uid."""
        return [row[0] for row in self.conn.execute("SELECT uid FROM chunks")]

    def count_chunks(self) -> int:
        """How many chunks are stored."""
        return self.conn.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]

    def agency_id(self, name: str) -> int | None:
        """The id of an agency name, if known."""
        row = self.conn.execute("SELECT id FROM agencies WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def chunk_stats(self, agency_id: int | None) -> tuple[int, float]:
        """(number of chunks, average length) overall or for one agency."""
        if agency_id is None:
            row = self.conn.execute("SELECT COUNT(*), AVG(length) FROM chunks").fetchone()
        else:
            row = self.conn.execute("SELECT COUNT(*), AVG(length) FROM chunks WHERE agency_id = ?",
                                    (agency_id,)).fetchone()
        return row[0], row[1] or 0.0

    def postings(self, term: str, agency_id: int | None) -> list[tuple[int, int, int]]:
        """(chunk id, tf, chunk length) of a term, overall or within one agency."""
        if agency_id is None:
            return self.conn.execute("SELECT chunk_id, tf, dl FROM postings WHERE term = ?", (term,)).fetchall()
        return self.conn.execute("SELECT chunk_id, tf, dl FROM postings WHERE term = ? AND agency_id = ?",
                                 (term, agency_id)).fetchall()

    def chunk_filter_info(self, ids: list[int]) -> dict[int, tuple[str, int, str, int]]:
        """chunk id -> (uid, year, section, length)."""
        info: dict[int, tuple[str, int, str, int]] = {}
        for start in range(0, len(ids), 900):
            part = ids[start:start + 900]
            marks = ",".join("?" * len(part))
            for row in self.conn.execute(
                    f"SELECT id, uid, year, section, length FROM chunks WHERE id IN ({marks})", part):
                info[row[0]] = row[1:]
        return info

    def chunk_texts(self, uids: list[str]) -> list[tuple[str, str, dict]]:
        """(uid, embedding text, metadata) of chunks, for (re)filling the vector store."""
        rows = self.chunk_rows(uids)
        return [(uid, *chunk_document(rows[uid])) for uid in uids if uid in rows]

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()


def chunk_document(row: tuple) -> tuple[str, dict]:
    """The text a vector embedder sees and the metadata chroma stores for a chunk row."""
    uid, report_id, agency, year, section, subsection, heading, text, start, end, source = row
    from assistant.report import SECTION_TITLES

    document = f"{SECTION_TITLES.get(section, '')}\n{text}"
    meta = {"report_id": report_id, "agency": agency, "year": year, "section": section,
            "subsection": subsection, "heading": heading, "source": source, "start": start, "end": end}
    return document, meta


def _report_row(row: tuple) -> ReportRow:
    return ReportRow(*row[:7], tuple(filter(None, row[7].split(","))), tuple(filter(None, row[8].split(","))))


def _writable(data_dir: Path, db_path: Path) -> bool:
    probe = data_dir
    while not probe.exists():
        probe = probe.parent
    if not os.access(probe, os.W_OK):
        return False
    return not db_path.exists() or os.access(db_path, os.W_OK)
