"""What a draft is made from: notes, counts (JSON, CSV, XLSX) and the 依申请公开登记台账 register."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import warnings
from pathlib import Path
from typing import Any, Iterable, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assistant.report import (
    T2_ROW_LABELS, T3_COLUMNS, T4_COLUMNS, T4_GROUPS, Cell, ReportError, Table, empty_tables, format_for_year,
    t2_layout, t3_rows,
)

ApplicantKey = Literal["np", "biz", "res", "soc", "law", "oth"]
TableIn = dict[str, dict[str, int | float | None]]


class CountsIn(BaseModel):
    """Counts as canonical JSON: a whole report or just some of the t2/t3/t4 keys."""

    model_config = ConfigDict(extra="forbid")

    agency: str | None = None
    year: int | None = None
    format: Literal["2021", "2019"] | None = None
    sections: dict[str, str | None] | None = None
    t2: TableIn | None = None
    t3: TableIn | None = None
    t4: TableIn | None = None


class RegisterEntry(BaseModel):
    """One row of the register: when it came, who asked, how it ended and when."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    row: int
    received: dt.date
    applicant: ApplicantKey
    outcome: str | None = None
    finished: dt.date | None = None

    @model_validator(mode="after")
    def _finished_after_received(self) -> "RegisterEntry":
        if self.finished is not None and self.finished < self.received:
            raise ValueError(f"第{self.row}行 办结日期早于收到日期")
        return self


class DraftRequest(BaseModel):
    """Everything a draft is made from."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    agency: str = Field(min_length=1)
    year: int = Field(ge=2008, le=2100)
    notes: str = ""
    counts: CountsIn | None = None
    register_entries: tuple[RegisterEntry, ...] | None = None


# ---------- counts ----------

def load_counts(path: str | Path, year: int) -> CountsIn:
    """Counts from a .json, .csv or .xlsx file; ReportError with a Chinese message when unusable."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".json":
        return counts_from_json(read_text(path))
    if suffix == ".csv":
        return counts_from_rows([list(r) for r in csv.reader(io.StringIO(read_text(path)))], year)
    if suffix in (".xlsx", ".xlsm"):
        return counts_from_rows(xlsx_rows(path), year)
    raise ReportError(f"不支持的统计数据文件类型：{path.name}（请用 .json、.csv 或 .xlsx）")


def counts_from_json(text: str) -> CountsIn:
    """Counts from canonical JSON text."""
    try:
        return CountsIn.model_validate_json(text)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(p) for p in error["loc"])
        raise ReportError(f"统计数据 JSON 不符合格式：{where}：{error['msg']}") from None


def tables_from_counts(counts: CountsIn | None, fmt: str) -> tuple[Table, Table, Table]:
    """Tables 二, 三, 四 of the format with the given cells filled in and the rest null."""
    tables = empty_tables(fmt)
    if counts is None:
        return tables
    for name, target in zip(("t2", "t3", "t4"), tables):
        _merge_cells(name, getattr(counts, name) or {}, target)
    return tables


def _merge_cells(name: str, given: TableIn, target: Table) -> None:
    for row, cells in given.items():
        if row not in target:
            raise ReportError(f"统计数据中 {name} 没有“{row}”这一行（表格格式与报告年度不符？）")
        for col, value in cells.items():
            if col not in target[row]:
                raise ReportError(f"统计数据中 {name}.{row} 没有“{col}”这一列")
            target[row][col] = value


def counts_from_rows(rows: list[list[Any]], year: int) -> CountsIn:
    """Counts from spreadsheet rows laid out like the official tables (labels first, numbers after)."""
    fmt = format_for_year(year)
    t2: TableIn = {}
    t3_data: list[tuple[str, list[Cell]]] = []
    t4: TableIn = {}
    for labels, numbers in _label_number_rows(rows):
        label = "".join(labels)
        t2_row = _t2_row_for(label, fmt)
        if t2_row and len(numbers) == len(t2_layout(fmt)[t2_row]):
            t2[t2_row] = dict(zip(t2_layout(fmt)[t2_row], numbers))
        elif len(numbers) == len(T3_COLUMNS) and label:
            t3_data.append((label, numbers))
        elif len(numbers) == len(T4_GROUPS) * len(T4_COLUMNS):
            t4 = {g: dict(zip(T4_COLUMNS, numbers[i * 5:(i + 1) * 5])) for i, g in enumerate(T4_GROUPS)}
    if not (t2 or t3_data or t4):
        raise ReportError("表格中没有找到统计数据：请按官方表格排列（第一列为项目名称，其后为数字）")
    return CountsIn(t2=t2 or None, t3=_t3_from_rows(t3_data, fmt), t4=t4 or None)


def _t3_from_rows(data: list[tuple[str, list[Cell]]], fmt: str) -> TableIn | None:
    if not data:
        return None
    keys = t3_rows(fmt)
    if len(data) != len(keys):
        raise ReportError(f"表三应有 {len(keys)} 行数字，表格中找到 {len(data)} 行；请检查是否缺行或多行")
    if "新收" not in data[0][0] or "结转" not in data[-1][0]:
        raise ReportError("表三的第一行应为“本年新收政府信息公开申请数量”，最后一行应为“结转下年度继续办理”")
    return {key: dict(zip(T3_COLUMNS, numbers)) for key, (_, numbers) in zip(keys, data)}


def _t2_row_for(label: str, fmt: str) -> str | None:
    plain = re.sub(r"\s+", "", label)
    for row in t2_layout(fmt):
        name = T2_ROW_LABELS[row]
        if plain.endswith(name):
            return row
    if plain.endswith("规范性文件"):
        return "normative_docs"
    return None


def _label_number_rows(rows: Iterable[list[Any]]) -> Iterable[tuple[list[str], list[Cell]]]:
    for row in rows:
        labels: list[str] = []
        numbers: list[Cell] = []
        for value in row:
            number = _as_number(value)
            if number is not None:
                numbers.append(number)
            elif isinstance(value, str) and value.strip():
                labels.append(value.strip())
        if numbers:
            yield labels, numbers


_ZERO_MARKS = {"/", "／", "-", "—", "－", "无"}


def _as_number(value: Any) -> Cell:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return int(value) if float(value).is_integer() else float(value)
    text = str(value).strip().replace(",", "")
    if text in _ZERO_MARKS:
        return 0
    if re.fullmatch(r"-?\d+(\.\d+)?", text):
        number = float(text)
        return int(number) if number.is_integer() else number
    return None


def xlsx_rows(path: Path) -> list[list[Any]]:
    """The cell values of every sheet of a workbook, sheet after sheet (merged cells: top-left only)."""
    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # style warnings of files saved by WPS and others say nothing about data
            book = openpyxl.load_workbook(path, read_only=False, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a bad file
        raise ReportError(f"无法读取 Excel 文件 {path.name}：{exc}") from None
    rows: list[list[Any]] = []
    for sheet in book.worksheets:
        rows.extend(list(r) for r in sheet.iter_rows(values_only=True))
    book.close()
    return rows


def read_text(path: Path) -> str:
    """A text file's content, UTF-8 (with or without BOM) or GBK; ReportError when unreadable."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ReportError(f"无法读取文件 {path}：{exc.strerror}") from None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ReportError(f"文件 {path.name} 不是 UTF-8 或 GBK 编码的文本")


def load_notes(path: str | Path) -> str:
    """The notes text of a file."""
    return read_text(Path(path))
