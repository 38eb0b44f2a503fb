"""assistant.numbers: Chinese and Arabic numbers, units, spans, and structural numbers vs figures."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from assistant.numbers import find_figures, find_numbers, to_number

FIGURES = [
    ("共计公开 16 条", 16, "条"),
    ("收到申请22件", 22, "件"),
    ("全年收到申请二十二件", 22, "件"),
    ("受理两件", 2, "件"),
    ("办结一百零五件", 105, "件"),
    ("公开十件", 10, "件"),
    ("答复１２件", 12, "件"),
    ("公开信息1,234条", 1234, "条"),
    ("收费1.2万元", 1.2, "万元"),
    ("收费96171.6万元", 96171.6, "万元"),
    ("收取信息处理费3940元", 3940, "元"),
    ("占比35%", 35, "%"),
    ("占比35.5％", 35.5, "%"),
    ("占百分之三十五", 35, "%"),
    ("访问量1600万人次", 16000000, "人次"),
    ("发布会9场", 9, "场"),
    ("行政复议三件", 3, "件"),
]

STRUCTURAL = [
    ("2023年，我局", "2023", "year"),
    ("2023 年度我局", "2023", "year"),
    ("统计期限自2023年1月1日至2023年12月31日", "1", "date"),
    ("12月31日", "12", "date"),
    ("二〇二三年", "二〇二三", "year"),
    ("第二十条第（五）项", "二十", "ordinal"),
    ("第二十条第（五）项", "五", "ordinal"),
    ("第一项", "一", "ordinal"),
    ("国办公开办函〔2021〕30号", "30", "docno"),
    ("国办函〔2020〕109号", "2020", "docno"),
    ("《条例》（国令第 711 号）", "711", "ordinal"),
    ("一、总体情况", "一", "ordinal"),
    ("（一）主动公开", "一", "ordinal"),
    ("\n1. 加强领导", "1", "ordinal"),
    ("\n2、完善制度", "2", "ordinal"),
    ("一是加强组织领导", "一", "ordinal"),
    ("电话：0737-2691838", "0737", "phone"),
    ("邮编：223001", "223001", "postcode"),
    ("持续三年", "三", "duration"),
    ("15个工作日内答复", "15", "duration"),
    ("邮箱 hazwgkc@163.com", "163", "code"),
    ("2023-2025年", "2023", "year"),
]


@pytest.mark.parametrize("text,value,unit", FIGURES)
def test_figures_are_found_with_value_and_unit(text, value, unit):
    figures = find_figures(text)
    assert len(figures) == 1, figures
    assert (figures[0].value, figures[0].unit) == (value, unit)
    assert text[figures[0].start:figures[0].end] == figures[0].text


@pytest.mark.parametrize("text,digits,kind", STRUCTURAL)
def test_structural_numbers_are_not_figures(text, digits, kind):
    found = [n for n in find_numbers(text) if text[n.digits_start:n.digits_end] == digits]
    assert found and found[0].kind == kind
    assert not found[0].is_figure


@pytest.mark.parametrize("text", ["进一步加强", "统一标准", "二十届三中全会", "一网通办", "办成一件事", "三安全一稳定"])
def test_words_with_numeral_characters_hold_no_figure(text):
    assert find_figures(text) == []


@pytest.mark.parametrize("text,approx", [("5500 余条", True), ("约300件", True), ("超过1600万人次", True), ("300件", False)])
def test_approximate_figures_are_marked(text, approx):
    assert find_figures(text)[0].approx is approx


@pytest.mark.parametrize("text,decimals", [("12.5万元", 1), ("53.33%", 2), ("22件", 0)])
def test_decimals_of_the_printed_figure(text, decimals):
    assert find_figures(text)[0].decimals == decimals


@pytest.mark.parametrize("text,value", [("二十二", 22), ("两", 2), ("一百零五", 105), ("十", 10), ("1.2万", 12000),
                                        ("１２", 12), ("1,234", 1234), ("0.5", 0.5), ("三万五千", 35000)])
def test_to_number(text, value):
    assert to_number(text) == value


@settings(max_examples=50, deadline=None)
@given(st.integers(min_value=0, max_value=99999), st.sampled_from(["件", "条", "个", "人次"]))
def test_chinese_and_arabic_forms_read_the_same(value, unit):
    import cn2an
    arabic = find_figures(f"公开{value}{unit}。")
    chinese = find_figures(f"公开{cn2an.an2cn(value)}{unit}。")
    assert [f.value for f in arabic] == [f.value for f in chinese] == [value]


def test_spans_allow_replacing_the_digits():
    text = "其中予以公开24件，占53.3%。"
    figure = find_figures(text)[0]
    assert text[figure.digits_start:figure.digits_end] == "24"
