"""The help message shown on first start, with example prompts that work on the sample corpus."""

from __future__ import annotations

from assistant.report import T3_ROW_LABELS, t3_rows

EXAMPLE_AGENCY = "青禾市河湾区自然资源局"
EXAMPLE_T3 = {"new": 4, "granted": 3, "na_not_held": 1, "processed_total": 4}


def _t3_line(key: str) -> str:
    total = EXAMPLE_T3.get(key, 0)
    return "\t".join([T3_ROW_LABELS[key], str(total), "0", "0", "0", "0", "0", str(total)])


EXAMPLE_NOTES = "\n".join([
    f"{EXAMPLE_AGENCY}：",
    "【主动公开】全年在区政府网站发布信息156条，发布政策解读12篇。",
    "【依申请公开】全年新收政府信息公开申请4件，均在法定期限内答复。",
    "【政府信息管理】完善公文公开属性源头认定，发文稿纸增加公开属性选项。",
    "【平台建设】完成政府网站政务公开栏目整合，规范栏目设置。",
    "【监督保障】召开政务公开工作会议2次，组织业务培训3场。",
    "【存在问题】政策解读形式单一。",
    "【改进措施】增加图解、短视频等解读形式。",
    "【信息处理费】本年度未收取信息处理费。",
    "统计表：",
    "行政规范性文件\t2\t1\t12",
    "规章\t0\t0\t0",
    "行政许可\t35",
    "行政处罚\t8",
    "行政强制\t0",
    "行政事业性收费\t0",
    *(_t3_line(key) for key in t3_rows("2021")),
    "行政复议和行政诉讼\t" + "\t".join(["0"] * 15),
])
EXAMPLE_QUESTION = "河湾区市场监督管理局2024年行政许可处理决定是多少件？"
EXAMPLE_WORDING = "云岭镇2025年的报告里，存在的主要问题是怎么写的？"
EXAMPLES = (EXAMPLE_NOTES, EXAMPLE_QUESTION, EXAMPLE_WORDING)
EXAMPLE_LABELS = ("起草：粘贴工作要点和统计表", EXAMPLE_QUESTION, EXAMPLE_WORDING)

HELP_TEXT = """我是年报助手，帮您起草、检查和查询《政府信息公开工作年度报告》。您可以：

1. **起草**：粘贴本年度的工作要点（会议、培训、主动公开条数等），连同从 Excel 复制的统计表（或上传 .xlsx/.csv/.json 统计文件），我会按国办规定的格式生成六个部分和三张表，并核对勾稽关系。
2. **检查**：粘贴已写好的年报全文，或上传 .docx / .pdf / .txt / .html 文件，我会逐项核对表格和正文中的数字，错误排在前面，点击可看到对应的句子或单元格。
3. **查询往年**：问“去年行政许可是多少？”“前年第五部分怎么写的？”，我会从索引中的往年报告里找出原文和出处。
4. **修改草稿**：有草稿后，直接说“把第五部分写得更具体一些”“行政许可应该是15件”“改成2025年”。

草稿在右侧，可下载 Word（.docx）或 Markdown，也可以退回到之前的版本。机关名称和年度可在“设置”页填写。"""


def help_message() -> str:
    """The help text followed by the three example prompts."""
    notes_preview = EXAMPLE_NOTES.split("统计表：")[0].strip().replace("\n", " ")
    examples = [f"{notes_preview} ……（附统计表，见下方示例）", EXAMPLE_QUESTION, EXAMPLE_WORDING]
    return f"{HELP_TEXT}\n\n试试这些例子（点击下方“示例”即可填入）：\n" + "\n".join(f"- {e}" for e in examples)
