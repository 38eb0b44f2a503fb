"""The annual report as typed value objects and its canonical JSON (see FORMAT.md)."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any, Iterator, Literal, Mapping

from pydantic import BaseModel, ConfigDict, ValidationError

Cell = int | float | None
Table = dict[str, dict[str, Cell]]
FormatVersion = Literal["2021", "2019"]

SECTION_KEYS = ("s1", "s2", "s3", "s4", "s5", "s6")
SECTION_TITLES = {
    "s1": "一、总体情况",
    "s2": "二、主动公开政府信息情况",
    "s3": "三、收到和处理政府信息公开申请情况",
    "s4": "四、政府信息公开行政复议、行政诉讼情况",
    "s5": "五、存在的主要问题及改进情况",
    "s6": "六、其他需要报告的事项",
}

T2_LAYOUT_2021: dict[str, tuple[str, ...]] = {
    "regulations": ("issued", "repealed", "valid"),
    "normative_docs": ("issued", "repealed", "valid"),
    "licensing": ("decisions",),
    "penalty": ("decisions",),
    "coercion": ("decisions",),
    "admin_fees": ("amount_wan_yuan",),
}
T2_LAYOUT_2019: dict[str, tuple[str, ...]] = {
    "regulations": ("made", "published", "total_public"),
    "normative_docs": ("made", "published", "total_public"),
    "licensing": ("prev_items", "delta_items", "decisions"),
    "other_services": ("prev_items", "delta_items", "decisions"),
    "penalty": ("prev_items", "delta_items", "decisions"),
    "coercion": ("prev_items", "delta_items", "decisions"),
    "admin_fees": ("prev_items", "delta_items"),
    "gov_procurement": ("items", "amount"),
}
T2_ROW_LABELS = {
    "regulations": "规章",
    "normative_docs": "行政规范性文件",
    "licensing": "行政许可",
    "other_services": "其他对外管理服务事项",
    "penalty": "行政处罚",
    "coercion": "行政强制",
    "admin_fees": "行政事业性收费",
    "gov_procurement": "政府集中采购",
}
T2_COLUMN_LABELS = {
    "issued": "本年制发件数",
    "repealed": "本年废止件数",
    "valid": "现行有效件数",
    "decisions": "本年处理决定数量",
    "amount_wan_yuan": "本年收费金额（单位：万元）",
    "made": "本年新制作数量",
    "published": "本年新公开数量",
    "total_public": "对外公开总数量",
    "prev_items": "上一年项目数量",
    "delta_items": "本年增/减",
    "items": "采购项目数量",
    "amount": "采购总金额",
}
T2_BLOCKS = {
    "regulations": "第二十条第（一）项",
    "normative_docs": "第二十条第（一）项",
    "licensing": "第二十条第（五）项",
    "other_services": "第二十条第（五）项",
    "penalty": "第二十条第（六）项",
    "coercion": "第二十条第（六）项",
    "admin_fees": "第二十条第（八）项",
    "gov_procurement": "第二十条第（九）项",
}
T2_DECIMAL_CELLS = frozenset({("admin_fees", "amount_wan_yuan"), ("gov_procurement", "amount")})
T2_SIGNED_CELLS = frozenset(
    (row, "delta_items") for row in ("licensing", "other_services", "penalty", "coercion", "admin_fees")
)

T3_COLUMNS = ("np", "biz", "res", "soc", "law", "oth", "total")
T3_COLUMN_LABELS = {
    "np": "自然人",
    "biz": "商业企业",
    "res": "科研机构",
    "soc": "社会公益组织",
    "law": "法律服务机构",
    "oth": "其他",
    "total": "总计",
}
T3_RESULT_ROWS_COMMON = (
    "granted", "partial",
    "deny_secret", "deny_law", "deny_3s1w", "deny_third_party",
    "deny_internal", "deny_process", "deny_case_file", "deny_query",
    "na_not_held", "na_need_create", "na_unclear",
    "np_petition", "np_duplicate", "np_publication", "np_massive", "np_confirm",
)
T3_RESULT_ROWS = {
    "2021": T3_RESULT_ROWS_COMMON + ("other_no_correction", "other_fee_unpaid", "other_other"),
    "2019": T3_RESULT_ROWS_COMMON + ("other",),
}
T3_ROW_LABELS = {
    "new": "一、本年新收政府信息公开申请数量",
    "carry_in": "二、上年结转政府信息公开申请数量",
    "granted": "（一）予以公开",
    "partial": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "deny_secret": "1.属于国家秘密",
    "deny_law": "2.其他法律行政法规禁止公开",
    "deny_3s1w": "3.危及“三安全一稳定”",
    "deny_third_party": "4.保护第三方合法权益",
    "deny_internal": "5.属于三类内部事务信息",
    "deny_process": "6.属于四类过程性信息",
    "deny_case_file": "7.属于行政执法案卷",
    "deny_query": "8.属于行政查询事项",
    "na_not_held": "1.本机关不掌握相关政府信息",
    "na_need_create": "2.没有现成信息需要另行制作",
    "na_unclear": "3.补正后申请内容仍不明确",
    "np_petition": "1.信访举报投诉类申请",
    "np_duplicate": "2.重复申请",
    "np_publication": "3.要求提供公开出版物",
    "np_massive": "4.无正当理由大量反复申请",
    "np_confirm": "5.要求行政机关确认或重新出具已获取信息",
    "other_no_correction": "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "other_fee_unpaid": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "other_other": "3.其他",
    "other": "（六）其他处理",
    "processed_total": "（七）总计",
    "carry_out": "四、结转下年度继续办理",
}
T3_GROUP_LABELS = {
    "deny": "（三）不予公开",
    "na": "（四）无法提供",
    "np": "（五）不予处理",
    "other": "（六）其他处理",
}

TABLE_LABELS = {"t2": "表二", "t3": "表三", "t4": "表四"}

T4_GROUPS = ("review", "lit_direct", "lit_after_review")
T4_GROUP_LABELS = {
    "review": "行政复议",
    "lit_direct": "行政诉讼·未经复议直接起诉",
    "lit_after_review": "行政诉讼·复议后起诉",
}
T4_COLUMNS = ("upheld", "corrected", "other", "pending", "total")
T4_COLUMN_LABELS = {
    "upheld": "结果维持",
    "corrected": "结果纠正",
    "other": "其他结果",
    "pending": "尚未审结",
    "total": "总计",
}


NULL_MARK = "【待填】"
"""How a cell whose value is unknown (null) is printed; the parser reads it back as null."""


class ReportError(ValueError):
    """Input that is not a usable report; the message is shown to the user."""


def t2_layout(fmt: str) -> dict[str, tuple[str, ...]]:
    """The table 二 layout of a format version."""
    return T2_LAYOUT_2019 if fmt == "2019" else T2_LAYOUT_2021


def t3_rows(fmt: str) -> tuple[str, ...]:
    """All row keys of table 三 in print order for a format version."""
    return ("new", "carry_in") + T3_RESULT_ROWS[fmt] + ("processed_total", "carry_out")


def format_for_year(year: int | None) -> FormatVersion:
    """The table format that applies to a report year."""
    return "2019" if year is not None and year < 2021 else "2021"


def empty_tables(fmt: str, fill: Cell = None) -> tuple[Table, Table, Table]:
    """Tables 二, 三 and 四 of a format with every cell set to fill."""
    t2 = {row: {col: fill for col in cols} for row, cols in t2_layout(fmt).items()}
    t3 = {row: {col: fill for col in T3_COLUMNS} for row in t3_rows(fmt)}
    t4 = {group: {col: fill for col in T4_COLUMNS} for group in T4_GROUPS}
    return t2, t3, t4


@dataclass(frozen=True)
class ParseNote:
    """Something the parser wants the reader to know: a missing part, a blank cell read as 0."""

    code: str
    message: str
    path: str = ""


@dataclass(frozen=True)
class Report:
    """One 政府信息公开工作年度报告; title and preamble are kept beside the canonical JSON."""

    agency: str | None
    year: int | None
    format: FormatVersion
    sections: dict[str, str | None]
    t2: Table
    t3: Table
    t4: Table
    title: str | None = None
    preamble: str = ""

    def cell(self, path: str) -> Cell:
        """The value at a dotted path such as 't3.new.total'."""
        table, row, col = _split_path(path)
        return getattr(self, table)[row][col]

    def with_cell(self, path: str, value: Cell) -> Report:
        """A copy with one cell replaced."""
        table, row, col = _split_path(path)
        current = getattr(self, table)
        if row not in current or col not in current[row]:
            raise KeyError(path)
        rows = {r: dict(cells) for r, cells in current.items()}
        rows[row][col] = value
        return replace(self, **{table: rows})

    def with_section(self, key: str, text: str | None) -> Report:
        """A copy with one section's text replaced."""
        if key not in SECTION_KEYS:
            raise KeyError(key)
        return replace(self, sections={**self.sections, key: text})

    def cells(self) -> Iterator[tuple[str, Cell]]:
        """Every (path, value) of tables 二, 三 and 四 in print order."""
        for name in ("t2", "t3", "t4"):
            for row, cols in getattr(self, name).items():
                for col, value in cols.items():
                    yield f"{name}.{row}.{col}", value

    @property
    def display_title(self) -> str:
        """The title as printed: the source's own, or built from agency and year."""
        if self.title:
            return self.title
        return f"{self.agency or ''}{self.year or ''}年政府信息公开工作年度报告"

    def to_dict(self) -> dict[str, Any]:
        """The canonical JSON object, with exactly the keys of FORMAT.md."""
        return {
            "agency": self.agency,
            "year": self.year,
            "format": self.format,
            "sections": {key: self.sections.get(key) for key in SECTION_KEYS},
            "t2": _copy_table(self.t2),
            "t3": _copy_table(self.t3),
            "t4": _copy_table(self.t4),
        }

    def to_json(self, indent: int | None = 2) -> str:
        """The canonical JSON text."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Report:
        """Read canonical JSON data, rejecting unknown or missing keys."""
        try:
            edge = ReportIn.model_validate(data)
        except ValidationError as exc:
            raise ReportError(f"报告 JSON 不符合格式：{_first_error(exc)}") from None
        fmt = edge.format
        t2 = _checked_table("t2", edge.t2, t2_layout(fmt))
        t3 = _checked_table("t3", edge.t3, {row: T3_COLUMNS for row in t3_rows(fmt)})
        t4 = _checked_table("t4", edge.t4, {group: T4_COLUMNS for group in T4_GROUPS})
        sections = {key: edge.sections.get(key) for key in SECTION_KEYS}
        return cls(edge.agency, edge.year, fmt, sections, t2, t3, t4)

    @classmethod
    def from_json(cls, text: str) -> Report:
        """Read canonical JSON text."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ReportError(f"不是有效的 JSON：第 {exc.lineno} 行 {exc.msg}") from None
        if not isinstance(data, dict):
            raise ReportError("报告 JSON 必须是一个对象")
        return cls.from_dict(data)


class ReportIn(BaseModel):
    """The canonical JSON as it arrives from outside."""

    model_config = ConfigDict(extra="forbid")

    agency: str | None
    year: int | None
    format: FormatVersion
    sections: dict[Literal["s1", "s2", "s3", "s4", "s5", "s6"], str | None]
    t2: dict[str, dict[str, int | float | None]]
    t3: dict[str, dict[str, int | None]]
    t4: dict[str, dict[str, int | None]]


def empty_report(agency: str | None = None, year: int | None = None, fmt: str | None = None) -> Report:
    """A report with no text and every cell unknown (null)."""
    version = fmt or format_for_year(year)
    t2, t3, t4 = empty_tables(version)
    return Report(agency, year, version, {key: None for key in SECTION_KEYS}, t2, t3, t4)


def normalise_cell(value: Cell) -> Cell:
    """Integral floats become ints so that JSON round trips compare equal."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, float):
        return round(value, 6)
    return value


def _split_path(path: str) -> tuple[str, str, str]:
    parts = path.split(".")
    if len(parts) != 3 or parts[0] not in ("t2", "t3", "t4"):
        raise KeyError(path)
    return parts[0], parts[1], parts[2]


def _copy_table(table: Table) -> Table:
    return {row: {col: normalise_cell(v) for col, v in cols.items()} for row, cols in table.items()}


def _checked_table(name: str, table: dict, layout: Mapping[str, tuple[str, ...]]) -> Table:
    if set(table) != set(layout):
        missing, extra = set(layout) - set(table), set(table) - set(layout)
        raise ReportError(f"{name} 的行不符合格式：缺少 {sorted(missing)}，多出 {sorted(extra)}")
    for row, cols in layout.items():
        if set(table[row]) != set(cols):
            raise ReportError(f"{name}.{row} 的列应为 {list(cols)}，实际为 {list(table[row])}")
    return {row: {col: normalise_cell(table[row][col]) for col in cols} for row, cols in layout.items()}


def _first_error(exc: ValidationError) -> str:
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"])
    return f"{where}: {error['msg']}"


@dataclass(frozen=True)
class ParseResult:
    """A parsed report, what the parser noticed, and where it came from."""

    report: Report
    notes: tuple[ParseNote, ...] = ()
    source: str = ""
