"""The official table layouts and cell formatting shared by every output."""

import pytest

from assistant.render import table_rows
from assistant.render.layout import format_value, grid, place
from assistant.report import NULL_MARK, T3_ROW_LABELS, ReportError, empty_report, t3_rows

from .helpers import sample


@pytest.mark.parametrize("value, text", [
    (12, "12"), (0, "0"), (1.25, "1.25"), (1.5, "1.5"), (3.0, "3"), (0.0, "0"), (-2, "-2"),
    (None, NULL_MARK), (0.1, "0.1"), (123456.78, "123456.78"),
])
def test_cell_values_print_without_needless_zeros(value, text):
    assert format_value(value) == text


@pytest.mark.parametrize("name", ["t2", "t3", "t4"])
@pytest.mark.parametrize("year", [2023, 2020])
def test_every_grid_is_rectangular_and_fully_covered(name, year):
    table = grid(sample(year), name)
    covered = [[False] * table.width for _ in table.rows]
    for row_index, row in enumerate(place(table)):
        for column, cell in enumerate(row):
            if cell is not None:
                for down in range(cell.rowspan):
                    for across in range(cell.colspan):
                        assert not covered[row_index + down][column + across]
                        covered[row_index + down][column + across] = True
    assert all(all(row) for row in covered)


@pytest.mark.parametrize("year, fmt", [(2023, "2021"), (2020, "2019")])
def test_each_cell_of_the_report_is_printed_exactly_once(year, fmt):
    report = sample(year)
    printed = [cell.path for name in ("t2", "t3", "t4") for row in grid(report, name).rows
               for cell in row if cell.path]
    assert printed == [path for path, _ in report.cells()]


def test_t3_rows_have_three_header_rows_then_one_row_per_count():
    rows = table_rows(sample(2023), "t3")
    assert len(rows) == 3 + len(t3_rows("2021")) == 28
    assert rows[0][3] == "申请人情况" and rows[1][3] == "自然人" and rows[1][4] == "法人或其他组织"
    assert rows[2][4:9] == ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    assert rows[3][0] == T3_ROW_LABELS["new"] and rows[3][3:] == ["5", "1", "0", "0", "0", "0", "6"]
    assert rows[-1][0] == "四、结转下年度继续办理"


def test_t3_groups_are_labelled_once_where_they_start():
    rows = table_rows(sample(2023), "t3")
    first_deny = next(i for i, row in enumerate(rows) if row[2] == "1.属于国家秘密")
    assert rows[first_deny][1] == "（三）不予公开" and rows[first_deny + 1][1] == ""
    assert rows[5][0] == "三、本年度办理结果" and rows[6][0] == ""
    assert [row[2] for row in rows if row[2].startswith("3.其他")] == ["3.其他"]


def test_2019_t3_has_a_single_other_row_and_2019_t2_columns():
    report = sample(2020)
    rows = table_rows(report, "t3")
    assert len(rows) == 3 + 23
    assert ["（六）其他处理", "", "1"] == [rows[-3][1], rows[-3][2], rows[-3][3]]
    t2 = table_rows(report, "t2")
    assert ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"] in t2
    assert ["行政许可", "12", "-2", "40"] in t2
    assert ["政府集中采购", "3", "12.5", ""] in t2
    assert any(row[0] == "第二十条第（九）项" for row in t2)


def test_2021_t2_blocks_follow_the_official_order():
    blocks = [row[0] for row in table_rows(sample(2023), "t2") if row[0].startswith("第二十条")]
    assert blocks == ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"]
    assert ["行政事业性收费", "1.25", "", ""] in table_rows(sample(2023), "t2")


def test_t4_has_two_level_header_and_fifteen_numbers():
    rows = table_rows(sample(2023), "t4")
    assert rows[0][0] == "行政复议" and rows[0][5] == "行政诉讼"
    assert rows[1][5] == "未经复议直接起诉" and rows[1][10] == "复议后起诉"
    assert rows[3] == ["1", "0", "0", "0", "1"] + ["0"] * 10


def test_unknown_cells_print_the_null_mark():
    rows = table_rows(empty_report("某局", 2023), "t4")
    assert rows[3] == [NULL_MARK] * 15


def test_unknown_table_name_is_a_report_error():
    with pytest.raises(ReportError):
        table_rows(sample(2023), "t5")
