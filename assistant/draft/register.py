"""The 依申请公开登记台账 register: read it (CSV/XLSX, varying headers) and compute table 三 from it."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

from assistant.draft.inputs import RegisterEntry, read_text, xlsx_rows
from assistant.report import T3_COLUMNS, T3_RESULT_ROWS, ReportError, Table, format_for_year

HEADER_SYNONYMS = {
    "received": ("收到日期", "申请日期", "受理日期", "收件日期", "登记日期", "收到时间", "申请时间", "接收日期"),
    "applicant": ("申请人类型", "申请人类别", "申请主体类型", "申请人性质", "申请主体", "申请人情况"),
    "outcome": ("办理结果", "答复结果", "处理结果", "答复类型", "办理结果类型", "答复情况"),
    "finished": ("办结日期", "答复日期", "完成日期", "办结时间", "答复时间"),
}
APPLICANT_WORDS = {
    "np": ("自然人", "个人", "公民", "群众"),
    "biz": ("商业企业", "企业", "公司"),
    "res": ("科研机构", "高校", "研究所"),
    "soc": ("社会公益组织", "公益组织"),
    "law": ("法律服务机构", "律师事务所", "律所"),
    "oth": ("其他组织", "其他"),
}
OUTCOME_WORDS = (
    ("deny_secret", ("国家秘密",)),
    ("deny_law", ("法律行政法规禁止", "法律法规禁止")),
    ("deny_3s1w", ("三安全一稳定",)),
    ("deny_third_party", ("第三方",)),
    ("deny_internal", ("内部事务",)),
    ("deny_process", ("过程性",)),
    ("deny_case_file", ("执法案卷",)),
    ("deny_query", ("行政查询",)),
    ("na_not_held", ("不掌握",)),
    ("na_need_create", ("另行制作",)),
    ("na_unclear", ("仍不明确", "内容不明确")),
    ("np_petition", ("信访", "举报", "投诉")),
    ("np_duplicate", ("重复申请",)),
    ("np_publication", ("公开出版物",)),
    ("np_massive", ("大量反复",)),
    ("np_confirm", ("确认或重新出具", "重新出具")),
    ("other_no_correction", ("不补正",)),
    ("other_fee_unpaid", ("缴纳费用", "未缴费", "未缴纳")),
    ("partial", ("部分公开",)),
    ("granted", ("予以公开", "公开")),
    ("other_other", ("其他",)),
)
PENDING_WORDS = ("办理中", "未办结", "在办", "待答复")


def load_register(path: str | Path) -> tuple[RegisterEntry, ...]:
    """The register entries of a .csv or .xlsx file; ReportError listing every row it cannot read."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows = [list(r) for r in csv.reader(io.StringIO(read_text(path)))]
    elif suffix in (".xlsx", ".xlsm"):
        rows = xlsx_rows(path)
    else:
        raise ReportError(f"不支持的台账文件类型：{path.name}（请用 .csv 或 .xlsx）")
    return register_from_rows(rows)


def register_from_rows(rows: list[list[Any]]) -> tuple[RegisterEntry, ...]:
    """Entries from rows whose first recognisable row is the header."""
    start, columns = _find_header(rows)
    entries, problems = [], []
    for number, row in enumerate(rows[start + 1:], start=start + 2):
        if not any(_text(v) for v in row):
            continue
        entry, problem = _entry(number, row, columns)
        if problem:
            problems.append(problem)
        else:
            entries.append(entry)
    if problems:
        raise ReportError("台账中有无法识别的内容：" + "；".join(problems))
    return tuple(entries)


def _find_header(rows: list[list[Any]]) -> tuple[int, dict[str, int]]:
    for index, row in enumerate(rows[:20]):
        columns = _header_columns([_text(v) for v in row])
        if "received" in columns and "applicant" in columns and "outcome" in columns:
            return index, columns
    raise ReportError("台账缺少表头：至少需要“收到日期（或申请日期）”“申请人类型”“办理结果”三列")


def _header_columns(cells: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for field, names in HEADER_SYNONYMS.items():
        for position, cell in enumerate(cells):
            plain = re.sub(r"\s+", "", cell)
            if plain in names or any(plain.startswith(n) for n in names):
                columns.setdefault(field, position)
    return columns


def _entry(number: int, row: list[Any], columns: dict[str, int]) -> tuple[RegisterEntry | None, str]:
    cell = lambda field: row[columns[field]] if field in columns and columns[field] < len(row) else None  # noqa: E731
    received, finished = _date(cell("received")), _date(cell("finished"))
    applicant = applicant_key(_text(cell("applicant")))
    outcome_text = _text(cell("outcome"))
    outcome = outcome_key(outcome_text)
    bad = _unreadable(cell, received, applicant, outcome, finished, outcome_text)
    if not bad:
        bad = _contradictions(received, outcome, finished, outcome_text, "finished" in columns)
    if bad:
        return None, f"第{number}行 " + "、".join(bad)
    if outcome and finished is None:
        finished = received
    return RegisterEntry(row=number, received=received, applicant=applicant, outcome=outcome,
                         finished=finished if outcome else None), ""


def _unreadable(cell: Any, received: Any, applicant: Any, outcome: Any, finished: Any, outcome_text: str) -> list[str]:
    bad = []
    if received is None:
        bad.append(f"收到日期“{_text(cell('received'))}”")
    if applicant is None:
        bad.append(f"申请人类型“{_text(cell('applicant'))}”")
    if outcome_text and outcome is None and outcome_text not in PENDING_WORDS:
        bad.append(f"办理结果“{outcome_text}”")
    if _text(cell("finished")) and finished is None:
        bad.append(f"办结日期“{_text(cell('finished'))}”")
    return bad


def _contradictions(received: dt.date, outcome: str | None, finished: dt.date | None, outcome_text: str,
                    has_finished_column: bool) -> list[str]:
    """Rows that cannot be placed in the table without guessing."""
    if finished is not None and finished < received:
        return [f"办结日期{finished.isoformat()}早于收到日期{received.isoformat()}"]
    if outcome and finished is None and has_finished_column:
        return [f"有办理结果“{outcome_text}”但没有办结日期"]
    if finished is not None and not outcome:
        return [f"有办结日期{finished.isoformat()}但没有办理结果"]
    return []


def applicant_key(text: str) -> str | None:
    """The table 三 column of an applicant type, or None when unknown."""
    plain = re.sub(r"\s+", "", text)
    for key, words in APPLICANT_WORDS.items():
        if any(plain == w for w in words):
            return key
    for key, words in APPLICANT_WORDS.items():
        if any(w in plain for w in words[:1]):
            return key
    return None


def outcome_key(text: str) -> str | None:
    """The table 三 result row of an outcome (full label or short form), or None when unknown."""
    plain = re.sub(r"[\s“”\"]+", "", text)
    if not plain or plain in PENDING_WORDS:
        return None
    for key, words in OUTCOME_WORDS:
        if any(w in plain for w in words):
            if key == "granted" and ("不予" in plain or "无法" in plain):
                continue
            return key
    return None


def entries_outside(entries: tuple[RegisterEntry, ...], year: int) -> int:
    """How many entries table 三 of the year does not count (finished before it, or received after it)."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return sum(1 for entry in entries if not _rows_of(entry, start, end, format_for_year(year)))


def t3_from_register(entries: tuple[RegisterEntry, ...], year: int, fmt: str) -> Table:
    """Table 三 of a year computed from the register entries."""
    result_rows = T3_RESULT_ROWS[fmt]
    keys = ("new", "carry_in") + result_rows + ("processed_total", "carry_out")
    table = {key: {col: 0 for col in T3_COLUMNS} for key in keys}
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    for entry in entries:
        for row in _rows_of(entry, start, end, fmt):
            table[row][entry.applicant] += 1
            table[row]["total"] += 1
    return table


def _rows_of(entry: RegisterEntry, start: dt.date, end: dt.date, fmt: str) -> list[str]:
    if entry.received > end or (entry.finished is not None and entry.finished < start):
        return []
    rows = ["new" if entry.received >= start else "carry_in"]
    if entry.finished is not None and entry.finished <= end:
        outcome = entry.outcome if entry.outcome in T3_RESULT_ROWS[fmt] else "other"
        rows += [outcome, "processed_total"]
    else:
        rows.append("carry_out")
    return rows


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return str(value).strip()


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    match = re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?", text) or re.fullmatch(r"(\d{4})(\d{2})(\d{2})", text)
    if not match:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None
