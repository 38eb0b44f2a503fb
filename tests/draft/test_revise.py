"""Chat edits of a draft and the event-stream forms for the web page."""

from __future__ import annotations

from assistant.draft import OfflineDrafter, draft_report, iter_draft, iter_revise, revise
from assistant.draft.revise import section_named
from assistant.events import DraftUpdated, FindingsReady, Progress, TextChunk
from assistant.llm.fake import ScriptedLLM

from .helpers import load_case


def offline_draft(name: str = "county_bureau"):
    return draft_report(load_case(name).request, llm=OfflineDrafter())


def test_section_names_in_instructions():
    assert section_named("把第五部分写得更具体一些") == "s5"
    assert section_named("第 3 节太简单") == "s3"
    assert section_named("其他需要报告的事项补充一下") == "s6"
    assert section_named("改一下") is None


def test_a_figure_change_goes_into_the_counts_tables_and_text():
    draft = offline_draft()
    revised = revise(draft, "行政许可应该是15件", llm=OfflineDrafter())
    assert revised.report.t2["licensing"]["decisions"] == 15
    assert revised.request.counts.t2["licensing"]["decisions"] == 15
    assert "作出行政许可决定15件" in revised.report.sections["s2"]
    assert "1268件" not in revised.report.sections["s2"]
    assert revised.report.sections["s5"] == draft.report.sections["s5"]
    assert [c.values for c in revised.conflicts] == [(("工作记录", "1268"), ("统计表", "15"))]
    assert revised.status == "needs_review" and any("公开行政许可信息1268件" in n for n in revised.notices)


def test_a_figure_change_that_settles_a_conflict_with_the_notes_clears_it():
    case = load_case("county_bureau")
    t2 = {**case.request.counts.t2, "licensing": {"decisions": 1200}}
    request = case.request.model_copy(update={"counts": case.request.counts.model_copy(update={"t2": t2})})
    draft = draft_report(request, llm=OfflineDrafter())
    assert draft.conflicts and draft.status == "needs_review"
    revised = revise(draft, "行政许可应该是1268件", llm=OfflineDrafter())
    assert revised.conflicts == () and revised.status == "ready"


def test_a_figure_change_by_path_that_breaks_a_rule_is_flagged_not_hidden():
    draft = offline_draft()
    revised = revise(draft, "t3.new.np 改为 10", llm=OfflineDrafter())
    assert revised.report.t3["new"]["np"] == 10
    assert revised.status == "needs_review"
    assert {"T3.ROW", "T3.ID"} <= {f.rule for f in revised.errors}


def test_changing_the_year_redrafts_and_relays_tables_when_the_format_changes():
    draft = offline_draft("county_gov")
    revised = revise(draft, "改成2020年", llm=OfflineDrafter())
    assert revised.report.year == 2020 and revised.report.format == "2019"
    assert "other" in revised.report.t3 and "other_other" not in revised.report.t3
    assert revised.report.t3["other"]["total"] == draft.report.t3["other_no_correction"]["total"] + \
        draft.report.t3["other_other"]["total"]
    assert revised.report.t3["new"] == draft.report.t3["new"]
    assert "2020年1月1日" in revised.report.preamble and "2022" not in revised.report.sections["s3"]
    assert not [f for f in revised.errors if f.rule.startswith("T3")]


def test_changing_the_year_within_one_format_keeps_every_cell():
    draft = offline_draft()
    revised = revise(draft, "年份改为2025年", llm=OfflineDrafter())
    assert revised.report.year == 2025 and revised.report.t3 == draft.report.t3
    assert revised.report.sections["s3"].startswith("2025年")


def test_rewriting_a_section_with_a_model_changes_only_that_section():
    draft = offline_draft()
    better = "（一）存在的主要问题\n一是政策解读以文字为主，图解和视频解读少。二是基层所公开内容更新不及时。\n（二）改进情况\n增加图解、短视频解读；对基层所实行月度通报。"
    llm = ScriptedLLM([better])
    revised = revise(draft, "把第五部分写得更具体一些", llm=llm)
    assert revised.report.sections["s5"] == better
    assert {k: v for k, v in revised.report.sections.items() if k != "s5"} == \
        {k: v for k, v in draft.report.sections.items() if k != "s5"}
    request = llm.requests[0]
    assert request.task == "revise_section" and "把第五部分写得更具体一些" in request.messages[1].content
    assert draft.report.sections["s5"] in request.messages[1].content
    assert revised.model_calls == 1 and revised.status == "ready"


def test_rewriting_offline_regenerates_the_section_and_says_it_cannot_follow_free_text():
    draft = offline_draft()
    revised = revise(draft, "把第五部分写得更具体一些", llm=OfflineDrafter())
    assert any("离线模式不能按自由文字要求改写" in n for n in revised.notices)
    assert revised.report.sections["s5"] == draft.report.sections["s5"]


def test_an_instruction_that_is_not_understood_keeps_the_draft_and_says_so():
    draft = offline_draft()
    revised = revise(draft, "好的谢谢", llm=OfflineDrafter())
    assert revised.report == draft.report and any("没有看懂" in n for n in revised.notices)


def test_iter_draft_yields_progress_text_findings_and_the_draft_last():
    events = list(iter_draft(load_case("commission_fee").request, llm=OfflineDrafter()))
    kinds = [type(e) for e in events]
    assert Progress in kinds and TextChunk in kinds and FindingsReady in kinds
    assert isinstance(events[-1], DraftUpdated) and events[-1].draft.status == "ready"
    assert kinds.index(FindingsReady) < len(kinds) - 1


def test_iter_revise_streams_the_model_text_and_ends_with_the_new_draft():
    draft = offline_draft()
    reply = "（一）存在的主要问题\n解读形式单一。\n（二）改进情况\n增加图解解读。"
    events = list(iter_revise(draft, "第五部分再改改", llm=ScriptedLLM([reply], chunk_chars=3)))
    assert "".join(e.text for e in events if isinstance(e, TextChunk)) == reply
    assert events[-1].draft.report.sections["s5"] == reply


def test_iter_revise_reraises_the_chains_exception():
    draft = offline_draft()
    bad = draft.__class__(**{**draft.__dict__, "request": None})
    try:
        list(iter_revise(bad, "第五部分", llm=OfflineDrafter()))
    except ValueError as exc:
        assert "没有保存起草输入" in str(exc)
    else:
        raise AssertionError("no exception")


def test_a_failing_model_during_revision_keeps_the_text_with_a_notice():
    from assistant.llm import LLMError

    draft = offline_draft()
    revised = revise(draft, "第五部分写具体", llm=ScriptedLLM([LLMError("模型服务内部错误（500）")]))
    assert revised.report.sections["s5"] == draft.report.sections["s5"]
    assert any("500" in n for n in revised.notices)


def test_a_table_three_change_in_a_register_case_keeps_the_other_cells_and_reports_the_conflict():
    draft = offline_draft("district_register")
    revised = revise(draft, "t3.granted.np 改为 4", llm=OfflineDrafter())
    assert revised.report.t3["granted"]["np"] == 4
    assert revised.report.t3["new"] == draft.report.t3["new"]
    assert any("予以公开" in c.what and "自然人" in c.what for c in revised.conflicts)
    assert revised.status == "needs_review"


def test_a_year_outside_the_drafting_range_leaves_the_draft_unchanged_with_a_message():
    draft = offline_draft()
    revised = revise(draft, "改成2007年", llm=OfflineDrafter())
    assert revised.report == draft.report and revised.request == draft.request
    assert any("2007" in n and "没有改动" in n for n in revised.notices)


def test_a_figure_for_a_cell_the_format_lacks_leaves_the_draft_unchanged_with_a_message():
    draft = offline_draft("bureau_2020")
    for instruction in ("行政事业性收费应为3万元", "t3.foo.np 改为 3"):
        revised = revise(draft, instruction, llm=OfflineDrafter())
        assert revised.report == draft.report and any("没有改动" in n for n in revised.notices)


def test_a_year_in_an_instruction_is_not_taken_for_a_figure():
    draft = offline_draft()
    revised = revise(draft, "行政许可数据是2024年的，第二部分改写一下", llm=OfflineDrafter())
    assert revised.report.t2 == draft.report.t2


def test_a_figure_in_chinese_numerals_is_understood():
    revised = revise(offline_draft(), "行政许可决定应为十五件", llm=OfflineDrafter())
    assert revised.report.t2["licensing"]["decisions"] == 15


def test_other_rows_are_never_invented_when_the_format_changes():
    from assistant.draft.inputs import CountsIn
    from assistant.draft.revise import relayout_counts

    other = {"np": 2, "biz": 0, "res": 0, "soc": 0, "law": 0, "oth": 0, "total": 2}
    counts, lost = relayout_counts(CountsIn(t3={"other": other}), "2019", "2021")
    assert counts.t3["other_other"]["np"] is None and counts.t3["other_no_correction"]["np"] is None
    assert counts.t3["other_fee_unpaid"]["biz"] == 0 and any("其他处理”2件" in item for item in lost)
    parts = {"other_no_correction": {"np": 1}, "other_other": {"np": 2}}
    counts, _ = relayout_counts(CountsIn(t3=parts), "2021", "2019")
    assert counts.t3["other"]["np"] is None
    full = {**parts, "other_fee_unpaid": {"np": 0}}
    assert relayout_counts(CountsIn(t3=full), "2021", "2019")[0].t3["other"]["np"] == 3


def test_a_format_change_says_which_cells_were_left_empty():
    draft = offline_draft("county_gov")
    revised = revise(draft, "改成2020年", llm=OfflineDrafter())
    assert any("已留空待填" in n and "现行有效件数" in n for n in revised.notices)
    assert revised.report.t2["regulations"]["made"] is None and revised.status == "needs_review"
