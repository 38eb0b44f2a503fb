"""Facts from the notes: the deterministic extractor and the model extractor with its fallback."""

from __future__ import annotations

from assistant.draft import DraftRequest, Facts, draft_report, extract_facts
from assistant.draft.facts import FactItem, Figure, route, split_sentences
from assistant.llm.fake import ScriptedLLM

NOTES = """某局2024年政务公开工作记录

一、主动公开
1. 网站发布信息312条，其中政策解读25篇。
2. 召开新闻发布会三场。

平台建设：新增专栏2个。
问题：解读形式单一。
- 下一步将增加图解解读。
全年收到申请5件，均按期答复。
本年度未收取信息处理费。
"""


def test_sentences_lose_bullets_and_the_title_line():
    sentences = split_sentences(NOTES)
    assert sentences[0] == "网站发布信息312条，其中政策解读25篇。"
    assert not any("工作记录" in s for s in sentences)
    assert not any(s.startswith(("1.", "-", "一、")) for s in sentences)


def test_headings_and_keywords_route_each_statement():
    facts = extract_facts(NOTES)
    topics = {item.text: item.topic for item in facts.items}
    assert topics["网站发布信息312条，其中政策解读25篇。"] == "主动公开"
    assert topics["召开新闻发布会三场。"] == "主动公开"
    assert topics["新增专栏2个。"] == "平台建设"
    assert topics["解读形式单一。"] == "问题"
    assert topics["下一步将增加图解解读。"] == "改进措施"
    assert topics["全年收到申请5件，均按期答复。"] == "依申请公开"
    assert topics["本年度未收取信息处理费。"] == "信息处理费"
    assert facts.problems == ("解读形式单一。",)


def test_figures_have_values_units_and_labels_including_chinese_numerals():
    figures = extract_facts(NOTES).figures
    by_value = {(f.value, f.unit): f.label for f in figures}
    assert by_value[(312.0, "条")] == "网站发布信息"
    assert by_value[(25.0, "篇")] == "其中政策解读"
    assert (3.0, "场") in by_value
    assert all(f.value != 2024 for f in figures)


def test_routing_falls_back_to_other():
    assert route("机关搬迁至新址办公") == "其他"


def test_model_extractor_is_used_when_it_answers_with_valid_json():
    facts = Facts(items=(FactItem(topic="主动公开", text="网站发布信息312条。", figures=(Figure(label="网站发布信息", value=312, unit="条"),)),))
    sections = ["第%d部分的正文内容，按记录整理。" % n for n in range(1, 7)]
    llm = ScriptedLLM([facts.model_dump_json()] + sections)
    draft = draft_report(DraftRequest(agency="某局", year=2024, notes=NOTES), llm=llm)
    assert draft.facts == facts
    assert llm.requests[0].task == "extract_facts" and llm.requests[0].schema is Facts
    assert "<<<资料开始>>>\n" + NOTES in llm.requests[0].messages[1].content
    assert draft.model_calls == 7


def test_malformed_model_facts_fall_back_to_the_rules_with_a_notice():
    sections = ["第%d部分的正文内容，按记录整理。" % n for n in range(1, 7)]
    llm = ScriptedLLM(['{"items": [{"topic": "天气", "text": 1}]}'] + sections)
    draft = draft_report(DraftRequest(agency="某局", year=2024, notes=NOTES), llm=llm)
    assert draft.facts == extract_facts(NOTES)
    assert any("已改用规则提取" in n for n in draft.notices)
    assert draft.backend == "scripted" and draft.model_calls == 7
