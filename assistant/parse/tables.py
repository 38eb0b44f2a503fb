"""Reading tables 二, 三 and 四 from the segment stream: find each row label in order, take its cells."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..report import (
    T2_COLUMN_LABELS, T2_DECIMAL_CELLS, T2_ROW_LABELS, T3_COLUMN_LABELS, T3_COLUMNS, T3_ROW_LABELS,
    T4_COLUMN_LABELS, T4_COLUMNS, T4_GROUP_LABELS, T4_GROUPS, Cell, ParseNote, Table, empty_tables,
    t2_layout, t3_rows,
)
from .rows import COMPILED, FORMAT_2019, FORMAT_2021, T2_START, T3_START, T4_START
from .tokens import DASH, EMPTY, NULL, NUM, VALUE_KINDS, Segment, Token

EXPLANATION = re.compile(r"\([^()]{8,}\)")
TABLE_NAMES = {"t2": "表二（主动公开政府信息情况）", "t3": "表三（收到和处理政府信息公开申请情况）",
               "t4": "表四（行政复议、行政诉讼情况）"}


@dataclass
class TableRead:
    """Tables 二–四 as read, with the notes about blanks and missing parts."""

    t2: Table
    t3: Table
    t4: Table
    notes: list[ParseNote] = field(default_factory=list)
    found: set[str] = field(default_factory=set)


def take_cells(cells: list[Token], count: int) -> list[Token | None]:
    """The count cells of a row: numbers first; else positions, with empty cells where they must be."""
    values = [c for c in cells if c.kind in VALUE_KINDS]
    if len(values) >= count:
        return list(values[:count])
    if all(c.kind == EMPTY for c in cells[count:]):
        return (list(cells[:count]) + [None] * count)[:count]
    kinds = [c.kind for c in cells]
    first = next((i for i, k in enumerate(kinds) if k != EMPTY), len(cells))
    last = max((i for i, k in enumerate(kinds) if k != EMPTY), default=-1)
    chosen: list[Token | None] = list(cells[first:last + 1])
    chosen += cells[last + 1:][: max(0, count - len(chosen))]
    if len(chosen) < count:
        chosen = list(cells[:first][-(count - len(chosen)):]) + chosen
    return (chosen + [None] * count)[:count]


def split_at(segs: list[Segment], pattern: re.Pattern, start: int = 0) -> int:
    """Index of the first segment at or after start whose text matches; the match starts that segment."""
    for index in range(start, len(segs)):
        match = pattern.search(segs[index].text)
        if match and match.start() > 0:
            head, tail = segs[index].text[: match.start()], segs[index].text[match.start():]
            segs[index: index + 1] = [Segment(head), Segment(tail, segs[index].cells)]
            return index + 1
        if match:
            return index
    return len(segs)


def regions(segs: list[Segment]) -> dict[str, list[Segment]]:
    """The segments of tables 二, 三 and 四, cut where table 三 and table 四 begin."""
    segs = list(segs)
    t2_at = split_at(segs, T2_START)
    t3_at = split_at(segs, T3_START)
    t4_at = split_at(segs, T4_START, t3_at if t3_at < len(segs) else 0)
    t3_at = min(t3_at, t4_at)
    t2_at = split_at(segs, T2_START) if t2_at < t3_at else 0
    return {"t2": segs[t2_at:t3_at], "t3": segs[t3_at:t4_at], "t4": segs[t4_at:]}


def detect_format(segs: list[Segment], year: int | None) -> str:
    """'2019' or '2021' from the table columns, else from the year."""
    text = "".join(s.text for s in segs)
    new, old = len(FORMAT_2021.findall(text)), len(FORMAT_2019.findall(text))
    if new != old:
        return "2021" if new > old else "2019"
    if re.search(r"其他处理$", _text_before_value(segs)):
        return "2019"
    return "2019" if year is not None and year < 2021 else "2021"


def _text_before_value(segs: list[Segment]) -> str:
    for seg in segs:
        if "其他处理" in seg.text and any(c.kind in VALUE_KINDS for c in seg.cells):
            return seg.text
    return ""


def find_rows(segs: list[Segment], keys: list[str], width: dict[str, int],
              raw: dict[str, list[Token]] | None = None) -> dict[str, list[Token | None] | None]:
    """For each row key in order: its cells, [] when the label shows without cells, None when absent; raw gets all cells."""
    found: dict[str, list[Token | None] | None] = {}
    seg_at, offset = 0, 0
    for position, key in enumerate(keys):
        hit = _locate(segs, COMPILED[key], seg_at, offset)
        if hit is None:
            found[key] = None
            continue
        index, end = hit
        later = [COMPILED[k] for k in keys[position + 1:]]
        if any(p.search(label_text(segs[index].text), end) for p in later):
            found[key], seg_at, offset = [], index, end
        else:
            found[key], seg_at, offset = take_cells(segs[index].cells, width[key]), index + 1, 0
            if raw is not None:
                raw[key] = segs[index].cells
    return found


@lru_cache(maxsize=4096)
def label_text(text: str) -> str:
    """A label with long explanations in brackets ('行政许可(指…行政处罚…)') blanked out, same length."""
    return EXPLANATION.sub(lambda m: "\u3000" * len(m.group()), text) if "(" in text else text


def _locate(segs: list[Segment], pattern: re.Pattern, seg_at: int, offset: int) -> tuple[int, int] | None:
    for index in range(seg_at, len(segs)):
        match = pattern.search(label_text(segs[index].text), offset if index == seg_at else 0)
        if match:
            return index, match.end()
    return None


def read_tables(segs: list[Segment], year: int | None) -> tuple[str, TableRead]:
    """The format and tables 二–四 of a segment stream."""
    parts = regions(segs)
    fmt = detect_format(segs, year)
    read = TableRead(*empty_tables(fmt))
    layout = t2_layout(fmt)
    _fill_rows(read, "t2", find_rows(parts["t2"], list(layout), {k: len(c) for k, c in layout.items()}), layout)
    t3_layout = {key: T3_COLUMNS for key in t3_rows(fmt)}
    raw: dict[str, list[Token]] = {}
    t3_found = find_rows(parts["t3"], list(t3_layout), {k: 7 for k in t3_layout}, raw)
    _balance_t3(read, t3_found, raw)
    _fill_rows(read, "t3", t3_found, t3_layout)
    _fill_t4(read, parts["t4"])
    return fmt, read


def _balance_t3(read: TableRead, rows: dict, raw: dict[str, list[Token]]) -> None:
    """Rows printing fewer numbers than columns: when read in order they break 总计 = the sum, put the last in 总计."""
    for key, cells in rows.items():
        if not cells or key not in raw or _row_adds_up(cells):
            continue
        values = [c for c in raw[key] if c.kind in VALUE_KINDS]
        if not 2 <= len(values) < len(T3_COLUMNS):
            continue
        filler = Token(EMPTY) if len(raw[key]) >= len(T3_COLUMNS) else None
        moved = values[:-1] + [filler] * (len(T3_COLUMNS) - len(values)) + values[-1:]
        if _row_adds_up(moved):
            rows[key] = moved
            message = f"表三「{T3_ROW_LABELS[key]}」一行只印了 {len(values)} 个数字，按各栏之和等于总计，把最后一个数字读作总计"
            read.notes.append(ParseNote("cells_aligned", message, f"t3.{key}"))


def _row_adds_up(cells: list) -> bool:
    numbers = [c.value if c is not None and c.kind == NUM else 0 for c in cells]
    return sum(numbers[:-1]) == numbers[-1]


def _fill_rows(read: TableRead, name: str, rows: dict, layout: dict[str, tuple[str, ...]]) -> None:
    seen = [key for key, cells in rows.items() if cells is not None]
    if not seen:
        read.notes.append(ParseNote("missing_table", f"没有找到{TABLE_NAMES[name]}，其单元格留空（null）", name))
        return
    read.found.add(name)
    absent = [key for key, cells in rows.items() if cells is None]
    if absent:
        labels = "、".join(_row_label(name, key) for key in absent)
        read.notes.append(ParseNote("missing_rows", f"{TABLE_NAMES[name]}缺少以下行，留空（null）：{labels}", name))
    bare = [key for key in seen if not rows[key]]
    if bare:
        labels = "、".join(_row_label(name, key) for key in bare)
        read.notes.append(ParseNote("missing_cells", f"{TABLE_NAMES[name]}以下行只有行名、没有数字，留空（null）：{labels}", name))
    for key in seen:
        _fill_row(read, name, key, layout[key], rows[key])


def _fill_row(read: TableRead, name: str, key: str, cols: tuple[str, ...], cells: list) -> None:
    cells = (cells or []) + [None] * (len(cols) - len(cells or []))
    if any(c is None for c in cells) and not all(c is None for c in cells):
        read.notes.append(ParseNote(
            "missing_cells", f"{TABLE_NAMES[name]}「{_row_label(name, key)}」一行的数字不全，缺的格留空（null）",
            f"{name}.{key}"))
    for col, token in zip(cols, cells):
        getattr(read, name)[key][col] = _cell_value(read, f"{name}.{key}.{col}", token)


def _cell_value(read: TableRead, path: str, token: Token | None) -> Cell:
    if token is None or token.kind == NULL:
        return None
    if token.kind in (EMPTY, DASH):
        shown = "空白" if token.kind == EMPTY else f"“{token.text}”"
        read.notes.append(ParseNote("blank_as_zero", f"{_cell_label(path)}为{shown}，按 0 读取", path))
        return 0
    value = token.value
    _, row, col = path.split(".")
    if isinstance(value, float) and value.is_integer() and (row, col) not in T2_DECIMAL_CELLS:
        return int(value)
    return value


def _fill_t4(read: TableRead, segs: list[Segment]) -> None:
    row = _t4_row(segs)
    if row is None:
        read.notes.append(ParseNote("missing_table", f"没有找到{TABLE_NAMES['t4']}的数字，其单元格留空（null）", "t4"))
        return
    read.found.add("t4")
    cells = take_cells(row, len(T4_GROUPS) * len(T4_COLUMNS))
    if any(c is None for c in cells):
        read.notes.append(ParseNote("missing_cells", f"{TABLE_NAMES['t4']}的数字不全，缺的格留空（null）", "t4"))
    paths = [f"t4.{g}.{c}" for g in T4_GROUPS for c in T4_COLUMNS]
    for path, token in zip(paths, cells):
        _, group, col = path.split(".")
        read.t4[group][col] = _cell_value(read, path, token)


def _t4_row(segs: list[Segment]) -> list[Token] | None:
    """The cells of table 四: from the first segment with numbers on, across group rows if it is printed by group."""
    need = len(T4_GROUPS) * len(T4_COLUMNS)
    start = next((i for i, seg in enumerate(segs) if any(c.kind in VALUE_KINDS for c in seg.cells)), None)
    if start is None:
        wide = [seg.cells for seg in segs if len(seg.cells) >= need]
        return wide[-1] if wide else None
    cells: list[Token] = []
    for seg in segs[start:]:
        cells += seg.cells
        if sum(1 for c in cells if c.kind in VALUE_KINDS) >= need:
            break
    return cells


def _row_label(name: str, key: str) -> str:
    if name == "t2":
        return T2_ROW_LABELS[key]
    return T3_ROW_LABELS[key]


def _cell_label(path: str) -> str:
    name, row, col = path.split(".")
    if name == "t2":
        return f"表二「{T2_ROW_LABELS[row]}」行「{T2_COLUMN_LABELS[col]}」栏"
    if name == "t3":
        return f"表三「{T3_ROW_LABELS[row]}」行「{T3_COLUMN_LABELS[col]}」栏"
    return f"表四「{T4_GROUP_LABELS[row]}」的「{T4_COLUMN_LABELS[col]}」栏"
