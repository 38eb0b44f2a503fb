"""Bad input: empty or foreign-language notes, contradictory counts, unusable files, the CLI's answers."""

from __future__ import annotations

import json

import docx
from click.testing import CliRunner

from assistant.cli import main
from assistant.draft import DraftRequest, OfflineDrafter, draft_report

from .helpers import CASES_DIR, load_case


def test_empty_notes_give_a_draft_with_visible_placeholders_and_a_notice():
    case = load_case("county_bureau")
    draft = draft_report(case.request.model_copy(update={"notes": "  \n"}), llm=OfflineDrafter())
    assert any("没有提供工作记录" in n for n in draft.notices)
    assert "【待补充：政府信息公开平台建设情况】" in draft.report.sections["s1"]
    assert "【待补充：存在的主要问题】" in draft.report.sections["s5"]
    assert "新收政府信息公开申请12件" in draft.report.sections["s3"]
    assert draft.status == "needs_review" and "N.BLANK" in {f.rule for f in draft.errors}


def test_english_notes_get_a_chinese_message_and_still_a_draft_from_the_counts():
    case = load_case("commission_fee")
    notes = "We published 426 items on the website.\nTraining was held twice.\nNo fees were charged."
    draft = draft_report(case.request.model_copy(update={"notes": notes}), llm=OfflineDrafter())
    assert any("工作记录中没有中文内容" in n for n in draft.notices)
    assert draft.report.t3 == case.request.counts.t3
    assert "【待补充：信息处理费收取情况】" in draft.report.sections["s6"]
    assert "We published" not in json.dumps(draft.report.to_dict(), ensure_ascii=False)
    assert draft.status == "needs_review"


def test_notes_without_counts_leave_the_tables_unknown_and_say_so():
    draft = draft_report(DraftRequest(agency="某局", year=2024, notes="主动公开：网站发布信息10条。"), llm=OfflineDrafter())
    assert draft.report.t3["new"]["total"] is None
    assert "【待补充：政府信息公开申请办理情况（表三数据不全）】" in draft.report.sections["s3"]
    assert draft.status == "needs_review"


def invoke(*args: str):
    return CliRunner().invoke(main, ["draft", *args], catch_exceptions=False)


def case_args(name: str) -> list[str]:
    case = load_case(name)
    folder = CASES_DIR / name
    args = ["--notes", str(folder / "notes.txt"), "--agency", case.expected["agency"], "--year", str(case.expected["year"])]
    if case.expected.get("counts"):
        args += ["--counts", str(folder / case.expected["counts"])]
    if case.expected.get("register"):
        args += ["--register", str(folder / case.expected["register"])]
    return args + ["--backend", "offline", "--no-index"]


def test_cli_writes_a_docx_and_prints_the_status(tmp_path):
    out = tmp_path / "draft.docx"
    result = invoke(*case_args("district_register"), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "状态：ready" in result.stderr and "已写入" in result.stderr
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "本区新收政府信息公开申请13件" in text


def test_cli_json_output(tmp_path):
    result = invoke(*case_args("city_dept_xlsx"), "--json")
    assert result.exit_code == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["status"] == "ready" and payload["backend"] == "offline" and payload["model_calls"] == 0
    assert payload["report"]["t3"]["new"]["total"] == 26
    assert "[6/6] 正文完成" in result.stderr


def test_cli_markdown_to_stdout_when_no_output_file():
    result = invoke(*case_args("township_zero"))
    assert result.exit_code == 0
    assert "一、总体情况" in result.stdout and "状态：ready" in result.stderr


def test_cli_bad_register_is_exit_2_with_one_chinese_line(tmp_path):
    register = tmp_path / "r.csv"
    register.write_text("申请日期,申请人类型,办理结果\n2024-01-02,个体户,予以公开\n", encoding="utf-8")
    notes = tmp_path / "n.txt"
    notes.write_text("主动公开：发布信息3条。", encoding="utf-8")
    result = invoke("--notes", str(notes), "--register", str(register), "--agency", "某局", "--year", "2024")
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0 and "第2行 申请人类型“个体户”" in result.stderr
    assert "Traceback" not in result.output


def test_cli_missing_file_and_bad_year_are_exit_2(tmp_path):
    result = invoke("--notes", str(tmp_path / "none.txt"), "--agency", "某局", "--year", "2024")
    assert result.exit_code == 2 and "无法读取文件" in result.stderr
    notes = tmp_path / "n.txt"
    notes.write_text("主动公开：发布信息3条。", encoding="utf-8")
    result = invoke("--notes", str(notes), "--agency", "某局", "--year", "1800")
    assert result.exit_code == 2 and "起草输入不合格" in result.stderr


def test_cli_contradictory_counts_still_draft_but_need_review(tmp_path):
    counts = json.loads((CASES_DIR / "county_bureau" / "counts.json").read_text(encoding="utf-8"))
    counts["t3"]["granted"]["np"] += 1
    path = tmp_path / "counts.json"
    path.write_text(json.dumps(counts, ensure_ascii=False), encoding="utf-8")
    args = case_args("county_bureau")
    args[args.index("--counts") + 1] = str(path)
    result = invoke(*args)
    assert result.exit_code == 0
    assert "统计数据自相矛盾" in result.stderr and "状态：needs_review" in result.stderr


def test_cli_unreachable_openai_endpoint_falls_back_to_offline(monkeypatch, tmp_path):
    from assistant.llm.fakeserver import unused_port

    monkeypatch.setenv("OPENAI_BASE_URL", f"http://127.0.0.1:{unused_port()}/v1")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-none")
    result = invoke(*[a for a in case_args("township_zero") if a not in ("--backend", "offline")], "--backend", "openai")
    assert result.exit_code == 0
    assert "无法连接模型服务" in result.stderr and "状态：ready" in result.stderr


def test_cli_with_an_unusable_index_setting_drafts_without_last_years_report(monkeypatch):
    monkeypatch.setenv("ASSISTANT_EMBEDDER", "no-such-embedder")
    result = invoke(*[a for a in case_args("township_zero") if a != "--no-index"])
    assert result.exit_code == 0, result.output
    assert "索引不可用" in result.stderr and "状态：ready" in result.stderr
