"""Cell tokens: numbers in their printed forms, blanks, dashes, the null mark, and row positions."""

import pytest

from assistant.parse import parse_text
from assistant.parse.tables import take_cells
from assistant.parse.tokens import DASH, EMPTY, NULL, NUM, TEXT, Token, cell_tokens, number_value
from assistant.report import NULL_MARK


@pytest.mark.parametrize("shown, value", [
    ("0", 0), ("14", 14), ("1,234", 1234), ("１２", 12), ("96171.6", 96171.6), ("-2", -2), ("+3", 3),
    ("12件", 12), ("1,234,567", 1234567),
])
def test_number_forms(shown, value):
    assert number_value(shown.translate(str.maketrans("０１２３４５６７８９", "0123456789"))) == value
    [token] = cell_tokens(shown)
    assert (token.kind, token.value) == (NUM, value)


@pytest.mark.parametrize("shown, kind", [("/", DASH), ("-", DASH), ("—", DASH), ("无", DASH), ("", EMPTY),
                                         (NULL_MARK, NULL), ("规章", TEXT), ("1.", TEXT), ("---", None)])
def test_non_number_cells(shown, kind):
    tokens = cell_tokens(shown)
    assert [t.kind for t in tokens] == ([kind] if kind else [])


def num(value):
    return Token(NUM, str(value), value)


E = Token(EMPTY)


def test_numbers_win_over_layout_blanks():
    assert take_cells([E, num(1), num(2), E, num(3)], 3) == [num(1), num(2), num(3)]


def test_a_trailing_blank_is_the_missing_cell():
    assert take_cells([num(0), num(0), E, E], 3) == [num(0), num(0), E]


def test_a_leading_blank_counts_when_trailing_ones_are_not_enough():
    assert take_cells([E, num(5), num(6)], 3) == [E, num(5), num(6)]


def test_cells_that_never_appear_stay_missing():
    assert take_cells([num(7)], 3) == [num(7), None, None]


TABLE = """某某局2023年政府信息公开工作年度报告
二、主动公开政府信息情况
第二十条第（一）项
信息内容\t本年制发件数\t本年废止件数\t现行有效件数
规章\t{a}\t{b}\t{c}
行政规范性文件\t1\t0\t4
"""


def test_null_mark_reads_as_null_without_a_note():
    result = parse_text(TABLE.format(a=NULL_MARK, b="2", c="/"))
    assert result.report.t2["regulations"] == {"issued": None, "repealed": 2, "valid": 0}
    blank = [n for n in result.notes if n.code == "blank_as_zero"]
    assert [n.path for n in blank] == ["t2.regulations.valid"]
    assert "规章" in blank[0].message and "现行有效件数" in blank[0].message


def test_fee_is_a_decimal_and_counts_are_integers():
    text = TABLE.format(a="1", b="2", c="3") + "第二十条第（八）项\n信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t0.35\n"
    report = parse_text(text).report
    assert report.t2["admin_fees"]["amount_wan_yuan"] == 0.35
    assert isinstance(report.t2["regulations"]["issued"], int)
    assert report.t2["licensing"]["decisions"] is None


def test_a_summary_table_before_table_two_is_not_read_as_table_two():
    text = ("某某局2023年政府信息公开工作年度报告\n一、总体情况\n信息类别\t条数\n规章\t5\n行政许可\t9\n"
            + TABLE.format(a="1", b="2", c="3").split("\n", 1)[1]
            + "第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\t4\n")
    report = parse_text(text).report
    assert report.t2["regulations"] == {"issued": 1, "repealed": 2, "valid": 3}
    assert report.t2["licensing"]["decisions"] == 4


def test_row_label_variants_合计_and_其它():
    rows = "\n".join(["三、收到和处理政府信息公开申请情况", "（六）其他处理\t1.申请人无正当理由逾期不补正\t0\t0\t0\t0\t0\t0\t0",
                      "\t3.其它\t2\t0\t0\t0\t0\t0\t2", "（七）合计\t\t5\t0\t0\t0\t0\t0\t5"])
    report = parse_text("某某局2023年政府信息公开工作年度报告\n" + rows).report
    assert report.t3["other_other"]["total"] == 2 and report.t3["processed_total"]["np"] == 5
