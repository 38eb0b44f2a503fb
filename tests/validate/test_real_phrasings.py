"""Phrasings met in real published reports, rewritten for a fictitious city: none may be read as an error."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.numbers import find_numbers
from assistant.report import empty_tables
from assistant.validate import check
from validate_fixture_build import t3_table, t4_table
from validate_support import load

AGENCY = "桐川市人民政府"
T3 = t3_table("2021", new={"np": 380, "biz": 20, "law": 12}, carry_in={"np": 9},
              results={"granted": {"np": 140, "biz": 10}, "partial": {"np": 40}, "deny_process": {"np": 6},
                       "na_not_held": {"np": 110, "biz": 10}, "np_petition": {"np": 30},
                       "other_other": {"np": 13, "law": 12}})
T4 = t4_table((10, 3, 2, 1), (4, 0, 1, 1), (2, 0, 0, 1))
FEE_NOTE = "全年收取信息处理费 260 元。"


def _report(sentence: str, section: str = "s1", agency: str = AGENCY):
    t2, _, _ = empty_tables("2021", 0)
    t2["licensing"]["decisions"] = 1200
    t2["penalty"]["decisions"] = 800
    base = load("r2023_bailu_scjgj")
    sections = {**base.sections, "s1": "2023年，全市扎实推进政务公开工作。", "s4": "详见下表。", "s6": FEE_NOTE}
    sections[section] = sections[section] + "\n" + sentence
    return replace(base, agency=agency, sections=sections, t2=t2, t3=T3, t4=T4)


def _errors(sentence: str, section: str = "s1", agency: str = AGENCY) -> list[str]:
    return [f"{f.rule}: {f.message}" for f in check(_report(sentence, section, agency)).errors]


def test_the_fixture_table_is_consistent_and_has_the_figures_the_sentences_use():
    assert T3["new"]["total"] == 412 and T3["carry_in"]["total"] == 9
    assert T3["processed_total"]["total"] == 371 and T3["carry_out"]["total"] == 50
    assert T3["other_other"]["total"] == 25
    assert _errors("") == []


@pytest.mark.parametrize("sentence", [
    "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等六部分组成。",
    "全文包括收到和处理政府信息公开申请情况等六个部分。",
])
def test_the_count_of_report_parts_is_not_a_figure(sentence):
    assert _errors(sentence, "s1") == []
    assert [n.kind for n in find_numbers(sentence)] == ["parts"]


def test_the_count_of_parts_in_the_preamble_is_not_bound_either():
    report = replace(_report(""), preamble="本报告由收到和处理政府信息公开申请情况等六部分组成。")
    assert check(report).errors == ()


@pytest.mark.parametrize("sentence", [
    "全年受理政府信息公开申请412件，撤销申请25件，按期答复346件，结转下年度继续办理50件。",
    "已答复政府信息公开申请346件，另有25件申请人主动撤回。",
])
def test_answered_may_leave_out_withdrawn_applications(sentence):
    assert _errors(sentence) == []


def test_answered_with_neither_reading_is_still_an_error():
    assert any(e.startswith("N.NUM") for e in _errors("全年按期答复政府信息公开申请340件。"))


@pytest.mark.parametrize("sentence", [
    "办结政府信息公开申请371件，其中予以公开150件，占40.43%；部分公开40件，占10.78%。",
    "在办理的政府信息公开申请中，予以公开150件，占40.43%。",
])
def test_a_share_with_two_decimals_may_be_truncated(sentence):
    assert _errors(sentence) == []


def test_a_share_that_neither_rounds_nor_truncates_is_an_error():
    assert any(e.startswith("N.SUM") for e in _errors("在办理的政府信息公开申请中，予以公开150件，占40.50%。"))


def test_a_category_with_its_own_total_word_is_not_a_trailing_sum():
    sentence = "全年公开各类政府信息共计900条，包括：工作动态300条，通知公告200条，政策解读共计60条，其他信息340条。"
    assert _errors(sentence) == []


def test_a_real_trailing_sum_that_does_not_add_up_is_still_caught():
    assert any(e.startswith("N.SUM") for e in _errors("网站发布信息300条、新媒体发布200条，共计600条。"))


@pytest.mark.parametrize("sentence", [
    "全年未收到行政许可申请，依申请公开工作平稳有序。",
    "全年共办理12345热线工单80件，已全部办结。",
    "上年度结转的9件申请已全部办结。",
])
def test_none_and_all_done_about_something_else_agree_with_the_tables(sentence):
    assert _errors(sentence) == []


@pytest.mark.parametrize("sentence,rule", [
    ("全年未收到政府信息公开申请。", "N.ZERO"),
    ("依申请公开事项已全部办结。", "N.ZERO"),
])
def test_the_none_sentences_about_the_table_are_still_checked(sentence, rule):
    assert any(e.startswith(rule) for e in _errors(sentence))


@pytest.mark.parametrize("sentence", [
    "2022年共收到政府信息公开申请380件，今年增加32件。",
    "新收申请数量较上年的380件增长8.4%。",
    "与去年同期的380件相比，申请量有所上升。",
])
def test_last_years_figures_are_not_this_years_cells(sentence):
    assert _errors(sentence) == []


def test_this_years_figure_with_the_year_named_is_still_checked():
    assert any(e.startswith("N.NUM") for e in _errors("2023年共收到政府信息公开申请400件。"))


@pytest.mark.parametrize("sentence", [
    "市本级共收到政府信息公开申请120件，县区共收到292件。",
    "市自然资源和规划局收到政府信息公开申请95件，居各部门首位。",
    "全年市级行政处罚决定300件。",
])
def test_figures_about_a_part_of_the_whole_are_not_errors(sentence):
    assert _errors(sentence) == []


@pytest.mark.parametrize("sentence,agency", [
    ("市政府办公室代表市政府共受理政府信息公开申请400件。", "桐川市人民政府办公室"),
    ("市住建局共收到政府信息公开申请400件。", "桐川市住房和城乡建设局"),
    ("我局共收到政府信息公开申请400件。", "桐川市住房和城乡建设局"),
    ("市政府及部门共收到政府信息公开申请400件。", AGENCY),
])
def test_the_agency_named_in_short_is_still_itself(sentence, agency):
    assert any(e.startswith("N.NUM") for e in _errors(sentence, agency=agency))


def test_respective_figures_are_not_read_as_one_sum():
    assert _errors("政府信息公开申请中，予以公开、部分公开分别为150件、40件。") == []


def test_the_count_of_items_the_report_covers_is_not_a_figure():
    sentence = "内容包括收到和处理政府信息公开申请情况、其他需要报告的事项等六项内容。"
    assert _errors(sentence) == []
    assert [n.kind for n in find_numbers(sentence)] == ["parts"]


def test_applications_of_one_channel_are_not_the_whole_table_row():
    assert _errors("通过政府门户网站办理并答复政府信息公开申请300件、纸质申请71件。") == []


def test_all_channels_together_are_still_checked():
    found = _errors("我市受理政府信息公开网上申请及书面申请共400件。")
    assert any(e.startswith("N.NUM") for e in found)


def test_review_cases_carried_over_from_last_year_are_not_table_fours_total():
    assert _errors("上年结转的行政复议案件3件已全部审结。", "s4") == []


def test_a_breakdown_may_mix_count_units():
    sentence = "全年主动公开政府信息40条，其中部门文件22件，通知公告16条，人事任免2条。"
    assert check(_report(sentence)).findings == ()
    too_many = check(_report(sentence.replace("人事任免2条", "人事任免5条"))).errors
    assert [f.rule for f in too_many] == ["N.SUM"]


def test_carry_over_written_with_short_object_is_carry_in():
    sentence = "全年答复政府信息公开申请371件，包括上年结转信息公开申请9件。"
    assert _errors(sentence) == []
    assert any(e.startswith("N.NUM") for e in _errors(sentence.replace("9件", "7件")))


def test_a_result_followed_by_reply_is_the_result_row():
    sentence = "在办结的政府信息公开申请中，予以公开答复150件，部分公开答复40件。"
    assert _errors(sentence) == []
    assert any(e.startswith("N.NUM") for e in _errors(sentence.replace("150件", "151件")))


@pytest.mark.parametrize("sentence", [
    "全年受理政府信息公开申请412件，申请人撤回政府信息公开申请25件。",
    "全年受理政府信息公开申请412件，涉及征地拆迁的信息公开申请200件。",
    "全年受理政府信息公开申请412件，其中答复期限延长的申请12件。",
])
def test_a_subset_of_the_applications_is_not_a_table_row(sentence):
    assert _errors(sentence) == []


@pytest.mark.parametrize("sentence", [
    "全年收到依申请公开信息412条，答复率100%。",
    "收到依申请公开请求412件，按时办结371件。",
])
def test_requests_written_as_information_or_requests_are_applications(sentence):
    assert _errors(sentence) == []
    assert any(e.startswith("N.NUM") for e in _errors(sentence.replace("412", "400")))


@pytest.mark.parametrize("sentence", [
    "全年收取信息处理费260元，未收取其他费用。",
    "本机关未产生信息处理费以外的收费。",
])
def test_denying_other_fees_is_not_denying_the_information_fee(sentence):
    assert _errors(sentence) == []


def test_denying_the_information_fee_against_a_stated_amount_is_caught():
    assert any(e.startswith("N.ZERO") for e in _errors("本年度未收取信息处理费。"))


@pytest.mark.parametrize("amount,sentence,wrong", [
    (251000, "全年政府集中采购项目6个，采购总金额25.1万元。", False),
    (251000, "全年政府集中采购项目6个，采购总金额251000元。", False),
    (25.1, "全年政府集中采购项目6个，采购总金额25.1万元。", False),
    (251000, "全年政府集中采购项目6个，采购总金额26.1万元。", True),
])
def test_a_procurement_amount_cell_may_be_printed_in_yuan_or_wan_yuan(amount, sentence, wrong):
    report = load("r2020_liuxi_zjj")
    report = report.with_cell("t2.gov_procurement.items", 6).with_cell("t2.gov_procurement.amount", amount)
    report = report.with_section("s1", "本年度政务公开工作有序推进。").with_section("s6", sentence)
    assert any(f.rule == "N.NUM" for f in check(report).errors) is wrong


def test_carried_over_into_the_named_next_year_is_table_row_four():
    sentence = "全年收到政府信息公开申请412件，371件已书面答复，50件结转2024年度继续办理。"
    assert _errors(sentence) == []
    assert any(e.startswith("N.NUM") for e in _errors(sentence.replace("50件", "40件")))


@pytest.mark.parametrize("sentence", [
    "进一步规范公共 场所的信息公开栏。",
    "扎实推进各 项工作落实。",
    "按照法定 期限答复申请人。",
    "严格落实 件件有回复的要求。",
])
def test_a_stray_space_before_a_word_that_starts_with_a_unit_is_not_a_blank(sentence):
    assert _errors(sentence) == []


@pytest.mark.parametrize("sentence", ["全年主动公开政府信息 条，其中政策文件12条。", "共收到 件政府信息公开申请。"])
def test_a_count_left_blank_is_still_caught(sentence):
    assert any(e.startswith("N.BLANK") for e in _errors(sentence))


@pytest.mark.parametrize("sentence,wrong", [
    ("本报告所列数据统计期限为2023年1月1日至2023年12月31日，报告于2024年1月20日前公布。", False),
    ("本报告中所列数据统计期限为2023年1月1日至12月31日（2024年1月编制）。", False),
    ("本报告中所列数据统计期限为2022年1月1日至12月31日。", True),
])
def test_the_publication_date_in_the_period_sentence_is_not_the_period(sentence, wrong):
    assert any(e.startswith("YEAR") for e in _errors(sentence)) is wrong


@pytest.mark.parametrize("sentence", [
    "全年无行政复议败诉案件。",
    "本年度没有复议纠错案件。",
    "全年未发生行政诉讼败诉案件。",
    "没有行政复议和行政诉讼被撤销或者变更的情况。",
    "未发生因政府信息公开申请答复不及时引发行政复议的情况。",
    "全年未收到不予公开决定引发的行政复议申请。",
    "未发生行政处罚引起的行政复议。",
])
def test_none_of_some_outcome_or_cause_is_not_none_at_all(sentence):
    assert _errors(sentence) == []


@pytest.mark.parametrize("sentence", [
    "未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。",
    "全年未作出行政处罚决定。",
])
def test_none_at_all_is_still_checked_against_table_four_and_two(sentence):
    assert any(e.startswith("N.ZERO") for e in _errors(sentence))


@pytest.mark.parametrize("sentence", [
    "全年收到政府信息公开申请412件，除50件结转下年度办理外，其余均已办结。",
    "全年收到政府信息公开申请412件，办结371件，均已按时办结。",
    "全年收到政府信息公开申请412件，其中371件已全部办结，50件结转下年度。",
])
def test_all_done_of_the_answered_ones_or_with_an_exception_is_not_none_left(sentence):
    assert _errors(sentence) == []


@pytest.mark.parametrize("sentence", [
    "全年收到政府信息公开申请412件，均已办结。",
    "全年收到政府信息公开申请412件，均已按时办结，结转下年度继续办理0件。",
])
def test_all_done_of_every_application_is_still_checked_against_row_four(sentence):
    assert any(e.startswith("N.ZERO") for e in _errors(sentence))


def test_documents_issued_in_one_name_are_part_of_the_row():
    assert _errors("以市政府名义印发规范性文件2件，以市政府办公室名义印发1件。") == []
    assert any(e.startswith("N.NUM") for e in _errors("全年印发行政规范性文件3件。"))


@pytest.mark.parametrize("sentence", [
    "全年被申请行政复议16件（含上年结转2件）。",
    "全年新收行政复议案件14件，上年结转2件。",
])
def test_cases_carried_over_are_not_applications_nor_the_whole_total(sentence):
    assert _errors(sentence) == []
    assert _errors(sentence, "s4") == []


def test_applications_carried_over_before_the_cases_are_still_checked():
    sentence = "全年受理政府信息公开申请412件（含上年结转7件），被申请行政复议16件。"
    assert any(e.startswith("N.NUM") for e in _errors(sentence))


@pytest.mark.parametrize("text,blank", [
    ("[打印本页] [关闭窗口]", False),
    ("【字体：大 中 小】", False),
    ("[待补充]", True),
    ("[某某街道]", True),
])
def test_page_chrome_in_brackets_is_not_a_placeholder(text, blank):
    assert any(e.startswith("N.BLANK") for e in _errors(text, "s6")) is blank


def test_this_year_in_the_plans_is_the_publishing_year():
    assert _errors("今年（2024年），我局将进一步加强政策解读。", "s5") == []
    assert any(e.startswith("YEAR") for e in _errors("本年度（2022年）共收到政府信息公开申请412件。"))


def test_plans_for_next_year_do_not_outvote_the_title():
    report = _report("").with_section("s1", "全市扎实推进政务公开工作。")
    report = report.with_section("s5", "2024年，我市将进一步加强政策解读。").with_section("s6", "2024年，继续做好信息处理费管理。")
    assert [f.rule for f in check(report).errors] == []


@pytest.mark.parametrize("sentence", [
    "全年收到政府信息公开申请412件，其中网上申请300件，涉及征地拆迁类200件。",
    "全年主动公开政府信息900条，其中政策文件120条，在政务新媒体同步发布800条。",
])
def test_parts_counted_by_channel_and_topic_may_overlap(sentence):
    result = check(_report(sentence))
    assert result.errors == ()
    assert [f.rule for f in result.uncertain] == ["N.SUM"]


def test_parts_of_one_kind_that_exceed_the_total_are_an_error():
    found = _errors("全年主动公开政府信息900条，其中工作动态500条，通知公告300条，政策解读150条。")
    assert [e.split(":")[0] for e in found] == ["N.SUM"]


def _errors_with_t4(sentence: str, t4) -> list[str]:
    report = replace(_report(sentence, "s4"), t4=t4)
    return [f"{f.rule}: {f.message}" for f in check(report).errors]


@pytest.mark.parametrize("sentence", [
    "本年度共发生政府信息公开行政复议16件，未发生复议后起诉的行政诉讼。",
    "本年度共发生政府信息公开行政复议16件，行政诉讼6件，未发生经复议后提起行政诉讼的情况。",
])
def test_none_after_review_speaks_of_that_group_only(sentence):
    t4 = t4_table((10, 3, 2, 1), (4, 0, 1, 1), (0, 0, 0, 0))
    assert _errors_with_t4(sentence, t4) == []


def test_none_directly_sued_is_checked_against_its_own_group():
    t4 = t4_table((10, 3, 2, 1), (4, 0, 1, 1), (0, 0, 0, 0))
    errors = _errors_with_t4("本年度共发生政府信息公开行政复议16件，未发生直接起诉的行政诉讼。", t4)
    assert len(errors) == 1 and "未经复议直接起诉" in errors[0]


@pytest.mark.parametrize("text", ["属于四类过程性信息1件", "属于三类内部事务信息0件"])
def test_official_row_names_are_labels_not_figures(text):
    assert [n.value for n in find_numbers(text) if n.is_figure] == [int(text[-2])]
