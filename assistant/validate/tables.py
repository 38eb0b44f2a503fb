"""Table rules: 勾稽关系 of tables 三 and 四, whole non-negative counts, the layout version."""

from __future__ import annotations

from typing import Iterator

from ..report import (T2_ROW_LABELS, T2_COLUMN_LABELS, T2_SIGNED_CELLS, T3_COLUMN_LABELS, T3_COLUMNS,
                      T3_RESULT_ROWS, T3_ROW_LABELS, TABLE_LABELS, T4_COLUMN_LABELS, T4_GROUP_LABELS,
                      T4_GROUPS, Report)
from .model import Context, Finding, finding, fmt, rule

APPLICANT_COLUMNS = ("np", "biz", "res", "soc", "law", "oth")
T4_PARTS = ("upheld", "corrected", "other", "pending")


def cell_label(path: str) -> str:
    """A Chinese label for a cell path such as t3.new.total."""
    table, row, col = path.split(".")
    if table == "t3":
        name = _SHORT_ROWS.get(row) or _short(T3_ROW_LABELS.get(row, row))
        return f"表三“{name}”行“{T3_COLUMN_LABELS.get(col, col)}”列"
    if table == "t4":
        return f"表四“{T4_GROUP_LABELS.get(row, row)}”的“{T4_COLUMN_LABELS.get(col, col)}”"
    return f"表二“{T2_ROW_LABELS.get(row, row)}”的“{T2_COLUMN_LABELS.get(col, col)}”"


_SHORT_ROWS = {"new": "本年新收申请", "carry_in": "上年结转申请", "processed_total": "办理结果（七）总计",
               "carry_out": "结转下年度继续办理"}


def _short(label: str) -> str:
    return label.split("（区分")[0]


def _known(*values: object) -> bool:
    return None not in values


@rule("T3.ID")
def t3_identity(ctx: Context) -> Iterator[Finding]:
    """new + carry_in = processed_total + carry_out, column by column."""
    t3 = ctx.report.t3
    for col in T3_COLUMNS:
        a, b = t3["new"][col], t3["carry_in"][col]
        c, d = t3["processed_total"][col], t3["carry_out"][col]
        if not _known(a, b, c, d) or a + b == c + d:
            continue
        message = (f"表三“{T3_COLUMN_LABELS[col]}”列：第一项加第二项（{fmt(a)}+{fmt(b)}={fmt(a + b)}）"
                   f"不等于第三项加第四项（{fmt(c)}+{fmt(d)}={fmt(c + d)}）")
        values = {f"t3.new.{col}": a, f"t3.carry_in.{col}": b,
                  f"t3.processed_total.{col}": c, f"t3.carry_out.{col}": d}
        yield finding("T3.ID", ("t3", "processed_total", col), message,
                      expected=a + b, actual=c + d, values=values)


@rule("T3.SUM")
def t3_result_sum(ctx: Context) -> Iterator[Finding]:
    """（七）总计 = the sum of the result rows, column by column."""
    t3, rows = ctx.report.t3, T3_RESULT_ROWS[ctx.report.format]
    for col in T3_COLUMNS:
        parts = [t3[row][col] for row in rows]
        total = t3["processed_total"][col]
        if not _known(total, *parts) or sum(parts) == total:
            continue
        message = (f"表三“{T3_COLUMN_LABELS[col]}”列：（七）总计为 {fmt(total)}，"
                   f"但各项办理结果（一）至（六）之和为 {fmt(sum(parts))}")
        values = {f"t3.{row}.{col}": t3[row][col] for row in rows if t3[row][col]}
        values[f"t3.processed_total.{col}"] = total
        yield finding("T3.SUM", ("t3", "processed_total", col), message,
                      expected=sum(parts), actual=total, values=values)


@rule("T3.ROW")
def t3_row_total(ctx: Context) -> Iterator[Finding]:
    """Each row's 总计 = 自然人 + the five kinds of 法人或其他组织."""
    for row, cells in ctx.report.t3.items():
        where = f"表三“{_short(T3_ROW_LABELS.get(row, row))}”行：各类申请人之和"
        yield from _parts_total("T3.ROW", ("t3", row), cells, APPLICANT_COLUMNS, where)


@rule("T4.SUM")
def t4_group_total(ctx: Context) -> Iterator[Finding]:
    """Each group of table 四: 维持 + 纠正 + 其他 + 尚未审结 = 总计."""
    for group in T4_GROUPS:
        where = f"表四“{T4_GROUP_LABELS[group]}”：结果维持、结果纠正、其他结果、尚未审结之和"
        yield from _parts_total("T4.SUM", ("t4", group), ctx.report.t4[group], T4_PARTS, where)


def _parts_total(rule_id: str, row_path: tuple[str, str], cells: dict, part_columns: tuple[str, ...],
                 where: str) -> Iterator[Finding]:
    """A finding when the parts of a row do not add up to its 总计."""
    parts = [cells[col] for col in part_columns]
    if not _known(cells["total"], *parts) or sum(parts) == cells["total"]:
        return
    shown = "+".join(fmt(p) for p in parts)
    message = f"{where}（{shown}={fmt(sum(parts))}）不等于总计 {fmt(cells['total'])}"
    values = {f"{row_path[0]}.{row_path[1]}.{col}": value for col, value in cells.items()}
    yield finding(rule_id, (*row_path, "total"), message, expected=sum(parts), actual=cells["total"], values=values)


@rule("INT")
def whole_counts(ctx: Context) -> Iterator[Finding]:
    """Counts are whole numbers ≥ 0; the fee and amounts are ≥ 0."""
    for path, value in _suspect_cells(ctx.report):
        problem = _int_problem(path, value)
        if problem:
            table, row, col = path.split(".")
            yield finding("INT", (table, row, col), f"{cell_label(path)}为 {fmt(value)}：{problem}",
                          expected="≥0 的整数", actual=value, values={path: value})


def _suspect_cells(report: Report) -> Iterator[tuple[str, object]]:
    """Cells that are not plain non-negative ints (the only ones INT must look at)."""
    for name in ("t2", "t3", "t4"):
        for row, cols in getattr(report, name).items():
            for col, value in cols.items():
                if value is not None and not (type(value) is int and value >= 0):
                    yield f"{name}.{row}.{col}", value


def _int_problem(path: str, value: object) -> str:
    if value is None or (type(value) is int and value >= 0):
        return ""
    table, row, col = path.split(".")
    if table == "t2" and (row, col) in T2_SIGNED_CELLS:
        return "" if float(value).is_integer() else "件数应为整数"
    if value < 0:
        return "不能为负数"
    decimal_ok = table == "t2" and col in ("amount_wan_yuan", "amount")
    if not decimal_ok and not float(value).is_integer():
        return "件数应为整数"
    return ""


@rule("VER")
def layout_version(ctx: Context) -> Iterator[Finding]:
    """2021 and later use the 2021 layout (国办公开办函〔2021〕30号); 2019–2020 the 2019 layout."""
    report: Report = ctx.report
    if report.year is None:
        return
    if report.year >= 2021 and report.format == "2019":
        message = (f"{report.year} 年度报告应使用国办公开办函〔2021〕30号规定的新版表格，"
                   "但本报告仍使用 2019 年版表格（如“本年新制作数量”“上一年项目数量”等列）")
        yield finding("VER", ("format",), message, expected="2021", actual="2019", values={"year": report.year})
    elif report.year <= 2020 and report.format == "2021":
        message = (f"{report.year} 年度报告应使用国办公开办函〔2019〕60号规定的表格，"
                   "但本报告使用了 2021 年版表格")
        yield finding("VER", ("format",), message, expected="2019", actual="2021", values={"year": report.year})


def blank_cells(report: Report) -> Iterator[Finding]:
    """Null cells in a table that has other numbers (N.BLANK); a table with no number at all is uncertain."""
    for name in ("t2", "t3", "t4"):
        table = getattr(report, name)
        values = [v for cols in table.values() for v in cols.values()]
        if all(v is None for v in values):
            if report.format == "2021" or name != "t2":
                yield finding("N.BLANK", (name,), f"{TABLE_LABELS[name]}没有读到任何数字（可能是图片或漏填），无法核对",
                              severity="uncertain")
            continue
        yield from _blank_rows(name, table)


def _blank_rows(name: str, table: dict) -> Iterator[Finding]:
    for row, cols in table.items():
        missing = [col for col, value in cols.items() if value is None]
        if not missing:
            continue
        paths = [f"{name}.{row}.{col}" for col in missing]
        labels = "、".join(cell_label(p) for p in paths[:3]) + ("等" if len(paths) > 3 else "")
        message = f"{labels}为空（漏填）；没有发生请填 0"
        yield finding("N.BLANK", (name, row, missing[0]), message, expected="数字", actual=None,
                      values={p: None for p in paths})
