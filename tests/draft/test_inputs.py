"""Inputs: counts as JSON, CSV or XLSX laid out like the official tables; the register; contradictions."""

from __future__ import annotations

import csv
import datetime as dt

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from assistant.draft import DraftRequest, OfflineDrafter, draft_report, load_counts, load_register
from assistant.draft.inputs import CountsIn, counts_from_json, tables_from_counts
from assistant.draft.register import applicant_key, outcome_key, register_from_rows, t3_from_register
from assistant.draft.inputs import RegisterEntry
from assistant.report import T3_RESULT_ROWS, ReportError, Report, empty_report
from assistant.validate import check

from .helpers import load_case, official_rows, zero_tables


def some_tables():
    t2, t3, t4 = zero_tables()
    t2["licensing"]["decisions"] = 14
    t2["admin_fees"]["amount_wan_yuan"] = 2.5
    for row, col, value in (("new", "np", 3), ("new", "biz", 1), ("granted", "np", 2), ("na_not_held", "biz", 1),
                            ("processed_total", "np", 2), ("processed_total", "biz", 1), ("carry_out", "np", 1)):
        t3[row][col] = value
    for row in t3:
        t3[row]["total"] = sum(v for c, v in t3[row].items() if c != "total")
    t4["review"].update(upheld=1, total=1)
    return t2, t3, t4


def test_partial_json_fills_given_cells_and_leaves_the_rest_null():
    counts = counts_from_json('{"t2": {"licensing": {"decisions": 7}}}')
    t2, t3, t4 = tables_from_counts(counts, "2021")
    assert t2["licensing"]["decisions"] == 7
    assert t2["penalty"]["decisions"] is None and t3["new"]["total"] is None


def test_full_report_json_is_accepted_as_counts(tmp_path):
    report = empty_report("某局", 2024).with_cell("t3.new.np", 2)
    path = tmp_path / "r.json"
    path.write_text(report.to_json(), encoding="utf-8")
    assert load_counts(path, 2024).t3["new"]["np"] == 2


def test_unknown_keys_are_refused_with_a_chinese_message():
    with pytest.raises(ReportError, match="统计数据 JSON 不符合格式"):
        counts_from_json('{"t2": {}, "tables": {}}')
    with pytest.raises(ReportError, match="没有“approvals”这一行"):
        tables_from_counts(counts_from_json('{"t2": {"approvals": {"decisions": 1}}}'), "2021")


def test_draft_request_forbids_extra_fields():
    with pytest.raises(ValidationError):
        DraftRequest(agency="某局", year=2024, notes="", unknown=1)


def test_csv_in_the_official_layout_reads_every_table(tmp_path):
    t2, t3, t4 = some_tables()
    path = tmp_path / "counts.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(official_rows(t2, t3, t4))
    counts = load_counts(path, 2024)
    assert (counts.t2, counts.t3, counts.t4) == (t2, t3, t4)


def test_t2_labels_may_carry_the_block_in_the_same_row(tmp_path):
    path = tmp_path / "counts.csv"
    path.write_text("第二十条第（五）项,行政许可,14\n第二十条第（六）项,行政处罚,3\n", encoding="utf-8")
    counts = load_counts(path, 2024)
    assert counts.t2 == {"licensing": {"decisions": 14}, "penalty": {"decisions": 3}} and counts.t3 is None


def test_gbk_csv_is_read(tmp_path):
    t2, t3, t4 = some_tables()
    path = tmp_path / "counts.csv"
    with path.open("w", newline="", encoding="gbk") as handle:
        csv.writer(handle).writerows(official_rows(t2, t3, t4))
    assert load_counts(path, 2024).t3 == t3


def test_xlsx_with_extra_sheets_merged_cells_and_blank_rows(tmp_path):
    t2, t3, t4 = some_tables()
    book = openpyxl.Workbook()
    book.active.title = "说明"
    book.active.append(["填表说明：按国办公开办函〔2021〕30号格式", 2024])
    sheet = book.create_sheet("表格")
    sheet.append(["某局2024年统计"])
    sheet.merge_cells("A1:I1")
    for row in official_rows(t2, t3, t4):
        sheet.append(row)
        sheet.append([])
    first = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "三、本年度办结结果")
    sheet.merge_cells(start_row=first, start_column=1, end_row=first + 3, end_column=1)
    sheet.merge_cells(start_row=first - 6, start_column=3, end_row=first - 6, end_column=8)
    book.create_sheet("空表")
    path = tmp_path / "counts.xlsx"
    book.save(path)
    counts = load_counts(path, 2024)
    assert (counts.t2, counts.t3, counts.t4) == (t2, t3, t4)


def test_fixture_xlsx_has_merged_cells_and_extra_sheets():
    case = load_case("city_dept_xlsx")
    book = openpyxl.load_workbook(case.folder / "counts.xlsx")
    assert len(book.worksheets) >= 3
    assert any(sheet.merged_cells.ranges for sheet in book.worksheets)
    assert case.request.counts.t3["new"]["total"] == 26


def test_spreadsheet_with_a_missing_t3_row_is_refused(tmp_path):
    t2, t3, t4 = some_tables()
    rows = [r for r in official_rows(t2, t3, t4) if "重复申请" not in "".join(map(str, r))]
    path = tmp_path / "counts.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    with pytest.raises(ReportError, match="表三应有 25 行数字"):
        load_counts(path, 2024)


def test_spreadsheet_without_numbers_is_refused(tmp_path):
    path = tmp_path / "counts.csv"
    path.write_text("名称,说明\n某局,无\n", encoding="utf-8")
    with pytest.raises(ReportError, match="没有找到统计数据"):
        load_counts(path, 2024)


def test_unsupported_counts_file_type(tmp_path):
    with pytest.raises(ReportError, match="不支持的统计数据文件类型"):
        load_counts(tmp_path / "c.pdf", 2024)


# ---------- the register ----------

@pytest.mark.parametrize("text,key", [("自然人", "np"), ("个人", "np"), ("企业", "biz"), ("商业企业", "biz"),
                                      ("科研机构", "res"), ("社会公益组织", "soc"), ("律师事务所", "law"),
                                      ("法律服务机构", "law"), ("其他", "oth"), ("个体户", None), ("", None)])
def test_applicant_types(text, key):
    assert applicant_key(text) == key


@pytest.mark.parametrize("text,key", [
    ("予以公开", "granted"), ("公开", "granted"), ("部分公开", "partial"),
    ("不予公开-属于国家秘密", "deny_secret"), ("不予公开（保护第三方合法权益）", "deny_third_party"),
    ("属于四类过程性信息", "deny_process"), ("本机关不掌握相关政府信息", "na_not_held"),
    ("无法提供-没有现成信息需要另行制作", "na_need_create"), ("信访举报投诉类申请", "np_petition"),
    ("重复申请", "np_duplicate"), ("申请人无正当理由逾期不补正", "other_no_correction"),
    ("逾期未缴纳费用", "other_fee_unpaid"), ("其他处理-其他", "other_other"),
    ("不予公开", None), ("已办", None), ("办理中", None)])
def test_outcomes_full_and_short(text, key):
    assert outcome_key(text) == key


def test_register_header_synonyms_and_the_four_kinds_of_rows():
    rows = [
        ["登记台账"],
        ["编号", "受理日期", "申请人类别", "答复结果", "答复日期"],
        [1, "2023/12/20", "自然人", "予以公开", "2024-01-05"],
        [2, "2023年12月28日", "企业", "", ""],
        [3, dt.datetime(2024, 3, 1), "个人", "本机关不掌握相关政府信息", dt.date(2024, 3, 15)],
        [4, "20241230", "律师事务所", "办理中", ""],
        [5, "2022-05-01", "自然人", "予以公开", "2022-05-10"],
        [6, "2025-01-03", "自然人", "", ""],
        [None, None, None, None, None],
    ]
    t3 = t3_from_register(register_from_rows(rows), 2024, "2021")
    assert t3["new"]["np"] == 1 and t3["new"]["law"] == 1 and t3["new"]["total"] == 2
    assert t3["carry_in"]["np"] == 1 and t3["carry_in"]["biz"] == 1
    assert t3["granted"]["np"] == 1 and t3["na_not_held"]["np"] == 1 and t3["processed_total"]["total"] == 2
    assert t3["carry_out"]["biz"] == 1 and t3["carry_out"]["law"] == 1 and t3["carry_out"]["total"] == 2


def test_register_with_unknown_types_and_outcomes_lists_every_row(tmp_path):
    path = tmp_path / "register.csv"
    path.write_text("申请日期,申请人类型,办理结果,办结日期\n2024-01-02,个体户,予以公开,2024-01-10\n"
                    "2024-02-02,自然人,已办,2024-02-10\n2024-03-02,自然人,予以公开,2024-03-04\n"
                    "2024-13-02,自然人,予以公开,2024-03-04\n", encoding="utf-8")
    with pytest.raises(ReportError) as raised:
        load_register(path)
    message = str(raised.value)
    assert "第2行 申请人类型“个体户”" in message and "第3行 办理结果“已办”" in message
    assert "第5行 收到日期“2024-13-02”" in message and "第4行" not in message


def test_register_as_xlsx_after_an_extra_sheet(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["说明：本台账由办公室登记"])
    sheet = book.create_sheet("台账")
    sheet.append(["收到日期", "申请人类型", "办理结果", "办结日期"])
    sheet.append([dt.datetime(2024, 5, 6), "社会公益组织", "部分公开", dt.datetime(2024, 5, 20)])
    sheet.append([dt.datetime(2024, 12, 30), "其他", None, None])
    path = tmp_path / "register.xlsx"
    book.save(path)
    t3 = t3_from_register(load_register(path), 2024, "2021")
    assert t3["partial"]["soc"] == 1 and t3["carry_out"]["oth"] == 1 and t3["new"]["total"] == 2


def test_register_without_the_needed_columns():
    with pytest.raises(ReportError, match="台账缺少表头"):
        register_from_rows([["姓名", "电话"], ["张某", "123"]])


def test_2019_register_puts_the_other_outcomes_in_the_single_other_row():
    entry = RegisterEntry(row=2, received=dt.date(2020, 3, 1), applicant="np", outcome="other_no_correction",
                          finished=dt.date(2020, 4, 1))
    t3 = t3_from_register((entry,), 2020, "2019")
    assert t3["other"]["np"] == 1 and "other_no_correction" not in t3


entries = st.builds(
    lambda row, received, applicant, outcome, days: RegisterEntry(
        row=row, received=received, applicant=applicant, outcome=outcome,
        finished=(received + dt.timedelta(days=days)) if outcome else None),
    st.integers(2, 999), st.dates(dt.date(2022, 6, 1), dt.date(2025, 6, 1)),
    st.sampled_from(["np", "biz", "res", "soc", "law", "oth"]),
    st.one_of(st.none(), st.sampled_from(T3_RESULT_ROWS["2021"])), st.integers(0, 120))


@settings(max_examples=40, deadline=None)
@given(st.lists(entries, max_size=40))
def test_table_three_from_any_register_passes_the_validators_table_rules(register):
    t3 = t3_from_register(tuple(register), 2024, "2021")
    t2, _, t4 = zero_tables()
    report = Report("某局", 2024, "2021", empty_report().sections, t2, t3, t4)
    rules = {f.rule for f in check(report).errors}
    assert not rules & {"T3.ID", "T3.SUM", "T3.ROW", "INT"}


# ---------- contradictions ----------

def test_counts_that_contradict_themselves_are_reported_before_drafting():
    t2, t3, t4 = some_tables()
    t3["granted"]["np"] = 5
    t3["granted"]["total"] = 5
    request = DraftRequest(agency="某局", year=2024, notes="主动公开：网站发布信息10条。",
                           counts=CountsIn(t2=t2, t3=t3, t4=t4))
    draft = draft_report(request, llm=OfflineDrafter())
    assert any("统计数据自相矛盾" in n for n in draft.notices)
    assert draft.status == "needs_review"
    assert {"T3.SUM"} <= {f.rule for f in draft.errors}
    assert draft.report.t3["granted"]["np"] == 5


def test_register_and_counts_that_disagree_are_a_conflict_not_a_silent_choice():
    case = load_case("district_register")
    t3 = t3_from_register(case.request.register_entries, 2024, "2021")
    t3["new"] = {**t3["new"], "np": 10, "total": 14}
    counts = case.request.counts.model_copy(update={"t3": t3})
    draft = draft_report(case.request.model_copy(update={"counts": counts}), llm=OfflineDrafter())
    conflict_cells = {c.what for c in draft.conflicts}
    assert any("本年新收" in what and "自然人" in what for what in conflict_cells)
    assert any("登记台账" in n and "14" in n and "13" in n for n in draft.notices)
    assert draft.status == "needs_review"


def test_notes_that_disagree_with_the_register_are_a_conflict():
    case = load_case("district_register")
    notes = case.request.notes.replace("全年新收政府信息公开申请13件", "全年新收政府信息公开申请14件")
    draft = draft_report(case.request.model_copy(update={"notes": notes}), llm=OfflineDrafter())
    assert [c.values for c in draft.conflicts] == [(("工作记录", "14"), ("统计表", "13"))]
    assert any("工作记录写“全年新收政府信息公开申请14件”" in n for n in draft.notices)
    assert draft.status == "needs_review"


@pytest.mark.parametrize("year", [2024, 2020])
def test_tables_as_the_renderer_lays_them_out_read_back_unchanged(tmp_path, year):
    from assistant.render import table_rows

    name = "county_gov" if year == 2024 else "bureau_2020"
    report = draft_report(load_case(name).request, llm=OfflineDrafter()).report
    rows = [row for table in ("t2", "t3", "t4") for row in table_rows(report, table) + [[]]]
    path = tmp_path / "counts.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    counts = load_counts(path, year)
    assert (counts.t2, counts.t3, counts.t4) == (report.t2, report.t3, report.t4)


@pytest.mark.parametrize("row,problem", [
    ("2024-03-10,自然人,予以公开,2024-03-01", "第2行 办结日期2024-03-01早于收到日期2024-03-10"),
    ("2024-03-10,自然人,予以公开,", "第2行 有办理结果“予以公开”但没有办结日期"),
    ("2024-03-10,自然人,办理中,2024-03-20", "第2行 有办结日期2024-03-20但没有办理结果"),
])
def test_register_rows_that_cannot_be_placed_without_guessing_are_refused(tmp_path, row, problem):
    path = tmp_path / "register.csv"
    path.write_text("申请日期,申请人类型,办理结果,办结日期\n" + row + "\n", encoding="utf-8")
    with pytest.raises(ReportError) as raised:
        load_register(path)
    assert problem in str(raised.value)


def test_register_edges_last_year_this_year_and_two_years_ago():
    rows = [["收到日期", "申请人类型", "办理结果", "办结日期"],
            ["2023-12-30", "自然人", "予以公开", "2024-01-08"],
            ["2024-12-29", "企业", "", ""],
            ["2022-04-01", "自然人", "予以公开", "2022-04-10"],
            ["2022-05-01", "自然人", "部分公开", "2023-01-10"]]
    entries = register_from_rows(rows)
    t3 = t3_from_register(entries, 2024, "2021")
    assert t3["carry_in"]["np"] == 1 and t3["granted"]["np"] == 1 and t3["processed_total"]["total"] == 1
    assert t3["new"]["biz"] == 1 and t3["carry_out"]["biz"] == 1 and t3["partial"]["total"] == 0
    draft = draft_report(DraftRequest(agency="某局", year=2024, notes="主动公开：发布信息3条。",
                                      register_entries=entries), llm=OfflineDrafter())
    assert any("2 条记录算出" in n and "另有 2 条" in n for n in draft.notices)


def test_a_register_of_another_year_gives_a_warning_not_a_silent_zero_table():
    rows = [["收到日期", "申请人类型", "办理结果", "办结日期"], ["2022-04-01", "自然人", "予以公开", "2022-04-10"]]
    draft = draft_report(DraftRequest(agency="某局", year=2024, notes="主动公开：发布信息3条。",
                                      register_entries=register_from_rows(rows)), llm=OfflineDrafter())
    assert draft.report.t3["new"]["total"] == 0
    assert any("都不属于2024年" in n for n in draft.notices)


@pytest.mark.parametrize("phrase", ["办理政府信息公开申请23件", "依申请公开23件", "全年共受理政府信息公开申请23件"])
def test_notes_about_all_applications_in_other_words_that_no_table_reading_allows_are_a_conflict(phrase):
    case = load_case("district_register")
    notes = case.request.notes.replace("全年新收政府信息公开申请13件", phrase)
    draft = draft_report(case.request.model_copy(update={"notes": notes}), llm=OfflineDrafter())
    assert [c.values[0] for c in draft.conflicts] == [("工作记录", "23")]
    assert draft.status == "needs_review"
