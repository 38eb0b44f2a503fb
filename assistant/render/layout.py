"""The official layout of a report, shared by the Markdown, HTML and Word renderers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from ..report import (
    NULL_MARK, SECTION_KEYS, SECTION_TITLES, T2_BLOCKS, T2_COLUMN_LABELS, T2_ROW_LABELS,
    T3_COLUMN_LABELS, T3_COLUMNS, T3_GROUP_LABELS, T3_RESULT_ROWS, T3_ROW_LABELS,
    T4_COLUMN_LABELS, T4_COLUMNS, T4_GROUP_LABELS, T4_GROUPS, Cell, Report, ReportError, t2_layout,
)

TABLE_NAMES = ("t2", "t3", "t4")
TABLE_AFTER_SECTION = {"s2": "t2", "s3": "t3", "s4": "t4"}
ALWAYS_SHOWN_SECTIONS = frozenset(TABLE_AFTER_SECTION)
T3_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_APPLICANTS = "申请人情况"
T3_LEGAL_PERSONS = "法人或其他组织"
T3_RESULTS = "三、本年度办理结果"
T4_LITIGATION = "行政诉讼"
T4_SUBGROUP_LABELS = {"lit_direct": "未经复议直接起诉", "lit_after_review": "复议后起诉"}
T2_CONTENT_LABEL = "信息内容"
T2_WIDTH = 4
T2_2019_ROW_LABELS = {**T2_ROW_LABELS, "normative_docs": "规范性文件"}
T2_2019_COLUMN_LABELS = {**T2_COLUMN_LABELS, "decisions": "处理决定数量"}
T3_LABEL_WIDTH = 3
T3_GROUP_OF_ROW = {"deny_": "deny", "na_": "na", "np_": "np", "other_": "other"}
COLUMN_WIDTHS_CM = {
    "t2": (4.8, 3.6, 3.6, 3.6),
    "t3": (1.5, 2.3, 4.4) + (1.05,) * 7,
    "t4": (1.04,) * 15,
}
SUBHEADING = re.compile(r"^（[一二三四五六七八九十]{1,2}）")
SUBHEADING_MAX_CHARS = 30
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


@dataclass(frozen=True)
class GridCell:
    """One printed table cell; covers rowspan × colspan grid positions from where it starts."""

    text: str
    rowspan: int = 1
    colspan: int = 1
    header: bool = False
    path: str | None = None


@dataclass(frozen=True)
class Grid:
    """A table as rows of the cells that start in each row, like HTML."""

    name: str
    width: int
    header_rows: int
    rows: tuple[tuple[GridCell, ...], ...]


def format_value(value: Cell) -> str:
    """A cell value as printed: '12', '1.25', '0', or NULL_MARK for unknown."""
    if value is None:
        return NULL_MARK
    if isinstance(value, bool):
        raise ReportError(f"表格单元格不能是布尔值：{value}")
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("0", "-0") else text


def grid(report: Report, name: str) -> Grid:
    """The official layout of table 二, 三 or 四 of a report."""
    builders = {"t2": t2_grid, "t3": t3_grid, "t4": t4_grid}
    if name not in builders:
        raise ReportError(f"未知的表格：{name}（应为 t2、t3 或 t4）")
    return builders[name](report)


def table_rows(report: Report, name: str) -> list[list[str]]:
    """The official layout as a rectangle of display strings; merged-over positions are ''."""
    return [[cell.text if cell else "" for cell in row] for row in place(grid(report, name))]


def starts(table: Grid) -> Iterator[tuple[GridCell, int, int]]:
    """Each cell with the row and column where it starts, filling positions left free by spans."""
    taken = [[False] * table.width for _ in table.rows]
    for row_index, row in enumerate(table.rows):
        column = 0
        for cell in row:
            while taken[row_index][column]:
                column += 1
            for down, across in _span(cell):
                taken[row_index + down][column + across] = True
            yield cell, row_index, column
            column += cell.colspan


def place(table: Grid, repeat_row_labels: bool = False) -> list[list[GridCell | None]]:
    """Every grid position with the cell that starts there (or, if asked, the row label it repeats)."""
    spots: list[list[GridCell | None]] = [[None] * table.width for _ in table.rows]
    for cell, row, column in starts(table):
        is_label = not cell.header and cell.path is None
        for down in range(cell.rowspan if repeat_row_labels and is_label else 1):
            spots[row + down][column] = cell
    return spots


def origins(table: Grid) -> list[list[tuple[GridCell, int, int]]]:
    """Every grid position with the cell covering it and the row and column where that cell starts."""
    found: list[list] = [[None] * table.width for _ in table.rows]
    for cell, row, column in starts(table):
        for down, across in _span(cell):
            found[row + down][column + across] = (cell, row, column)
    return found


def _span(cell: GridCell) -> Iterator[tuple[int, int]]:
    return ((down, across) for down in range(cell.rowspan) for across in range(cell.colspan))


def t2_grid(report: Report) -> Grid:
    """Table 二: one block of rows per 第二十条 item, in the layout of the report's format."""
    layout = t2_layout(report.format)
    row_labels = T2_2019_ROW_LABELS if report.format == "2019" else T2_ROW_LABELS
    column_labels = T2_2019_COLUMN_LABELS if report.format == "2019" else T2_COLUMN_LABELS
    rows: list[tuple[GridCell, ...]] = []
    for block, keys in _t2_blocks(layout):
        columns = layout[keys[0]]
        rows.append((GridCell(block, colspan=T2_WIDTH, header=True),))
        rows.append(_t2_row(GridCell(T2_CONTENT_LABEL, header=True),
                            [GridCell(column_labels[c], header=True) for c in columns]))
        for key in keys:
            values = [_value_cell(report, f"t2.{key}.{c}") for c in columns]
            rows.append(_t2_row(GridCell(row_labels[key]), values))
    return Grid("t2", T2_WIDTH, 0, tuple(rows))


def _t2_blocks(layout: dict[str, tuple[str, ...]]) -> list[tuple[str, list[str]]]:
    blocks: dict[str, list[str]] = {}
    for key in layout:
        blocks.setdefault(T2_BLOCKS[key], []).append(key)
    return list(blocks.items())


def _t2_row(label: GridCell, cells: list[GridCell]) -> tuple[GridCell, ...]:
    """A table 二 row whose last cell stretches to the table's right edge."""
    last = cells[-1]
    stretched = GridCell(last.text, colspan=T2_WIDTH - len(cells), header=last.header, path=last.path)
    return (label, *cells[:-1], stretched)


def _value_cell(report: Report, path: str) -> GridCell:
    return GridCell(format_value(report.cell(path)), path=path)


def t3_grid(report: Report) -> Grid:
    """Table 三: three header rows, then one row per application count."""
    rows = _t3_header()
    rows.append(_t3_row(report, "new", GridCell(T3_ROW_LABELS["new"], colspan=T3_LABEL_WIDTH)))
    rows.append(_t3_row(report, "carry_in", GridCell(T3_ROW_LABELS["carry_in"], colspan=T3_LABEL_WIDTH)))
    rows.extend(_t3_results(report))
    rows.append(_t3_row(report, "carry_out", GridCell(T3_ROW_LABELS["carry_out"], colspan=T3_LABEL_WIDTH)))
    return Grid("t3", T3_LABEL_WIDTH + len(T3_COLUMNS), 3, tuple(rows))


def _t3_header() -> list[tuple[GridCell, ...]]:
    legal = [c for c in T3_COLUMNS if c not in ("np", "total")]
    return [
        (GridCell(T3_CORNER, rowspan=3, colspan=T3_LABEL_WIDTH, header=True),
         GridCell(T3_APPLICANTS, colspan=len(T3_COLUMNS), header=True)),
        (GridCell(T3_COLUMN_LABELS["np"], rowspan=2, header=True),
         GridCell(T3_LEGAL_PERSONS, colspan=len(legal), header=True),
         GridCell(T3_COLUMN_LABELS["total"], rowspan=2, header=True)),
        tuple(GridCell(T3_COLUMN_LABELS[c], header=True) for c in legal),
    ]


def _t3_results(report: Report) -> list[tuple[GridCell, ...]]:
    """The rows under 三、本年度办理结果, whose label spans all of them down the first column."""
    result_rows = T3_RESULT_ROWS[report.format] + ("processed_total",)
    rows: list[tuple[GridCell, ...]] = []
    for index, key in enumerate(result_rows):
        labels = list(_t3_result_labels(key, report.format))
        if index == 0:
            labels.insert(0, GridCell(T3_RESULTS, rowspan=len(result_rows)))
        rows.append(_t3_row(report, key, *labels))
    return rows


def _t3_result_labels(key: str, fmt: str) -> Iterator[GridCell]:
    group = _t3_group(key, fmt)
    if group is None:
        yield GridCell(T3_ROW_LABELS[key], colspan=2)
        return
    members = [k for k in T3_RESULT_ROWS[fmt] if _t3_group(k, fmt) == group]
    if key == members[0]:
        yield GridCell(T3_GROUP_LABELS[group], rowspan=len(members))
    yield GridCell(T3_ROW_LABELS[key])


def _t3_group(key: str, fmt: str) -> str | None:
    """The group (三)–(六) a numbered result row belongs to, or None for a row of its own."""
    if fmt == "2019" and key == "other":
        return None
    for prefix, group in T3_GROUP_OF_ROW.items():
        if key.startswith(prefix):
            return group
    return None


def _t3_row(report: Report, key: str, *labels: GridCell) -> tuple[GridCell, ...]:
    return (*labels, *(_value_cell(report, f"t3.{key}.{c}") for c in T3_COLUMNS))


def t4_grid(report: Report) -> Grid:
    """Table 四: 行政复议 then 行政诉讼 split by whether a review came first; one data row."""
    width = len(T4_COLUMNS)
    columns = [GridCell(T4_COLUMN_LABELS[c], header=True) for c in T4_COLUMNS]
    review = GridCell(T4_GROUP_LABELS["review"], colspan=width, header=True)
    litigation = GridCell(T4_LITIGATION, colspan=2 * width, header=True)
    review_columns = [GridCell(c.text, rowspan=2, header=True) for c in columns]
    subgroups = [GridCell(T4_SUBGROUP_LABELS[g], colspan=width, header=True) for g in T4_GROUPS[1:]]
    values = [_value_cell(report, f"t4.{g}.{c}") for g in T4_GROUPS for c in T4_COLUMNS]
    rows = ((review, litigation), (*review_columns, *subgroups), (*columns, *columns), tuple(values))
    return Grid("t4", width * len(T4_GROUPS), 3, rows)


@dataclass(frozen=True)
class Block:
    """One printed piece of the report in reading order."""

    kind: str  # "title" | "preamble" | "heading" | "subheading" | "paragraph" | "table"
    text: str = ""
    table: Grid | None = None


def blocks(report: Report) -> Iterator[Block]:
    """The report in reading order: title, preamble, then each section with its table."""
    yield Block("title", printable(report.display_title))
    for line in paragraphs(report.preamble):
        yield Block("preamble", line)
    for key in SECTION_KEYS:
        yield from _section_blocks(report, key)


def _section_blocks(report: Report, key: str) -> Iterator[Block]:
    text = report.sections.get(key)
    if text is None and key not in ALWAYS_SHOWN_SECTIONS:
        return
    yield Block("heading", SECTION_TITLES[key])
    for line in paragraphs(text):
        yield Block("subheading" if is_subheading(line) else "paragraph", line)
    if key in TABLE_AFTER_SECTION:
        yield Block("table", table=grid(report, TABLE_AFTER_SECTION[key]))


def paragraphs(text: str | None) -> list[str]:
    """The non-blank lines of a text, stripped of spaces and of control characters."""
    lines = (printable(line).strip() for line in (text or "").replace("\r\n", "\n").split("\n"))
    return [line for line in lines if line]


def printable(text: str) -> str:
    """Text without the control characters that XML (and so .docx) cannot hold."""
    return CONTROL_CHARACTERS.sub("", text)


def is_subheading(line: str) -> bool:
    """A short line such as '（一）主动公开' that titles a part of a section."""
    return bool(SUBHEADING.match(line)) and len(line) <= SUBHEADING_MAX_CHARS and "。" not in line[:-1]


def run_in_heading(line: str) -> tuple[str, str]:
    """Split '（一）主动公开。正文…' into its short lead-in heading and the rest ('' if none)."""
    if not SUBHEADING.match(line):
        return "", line
    lead, stop, rest = line.partition("。")
    if not stop or len(lead) >= SUBHEADING_MAX_CHARS or not rest:
        return "", line
    return lead + stop, rest
