"""What a chat message asks for, decided by fixed rules (no model): draft, check, ask, revise or help."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Intent = Literal["draft", "check", "ask", "revise", "help"]

HEADING_CUES = (
    "总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
    "行政复议、行政诉讼情况", "存在的主要问题", "其他需要报告的事项",
)
NOTE_WORDS = (
    "会议", "工作", "公开", "申请", "培训", "网站", "发布", "政务", "信息", "复议", "诉讼",
    "许可", "处罚", "强制", "收费", "规范性文件", "新媒体", "公众号", "整改", "制度",
)
HELP_WORDS = ("帮助", "help", "怎么用", "如何使用", "使用说明", "你能做什么", "能做什么", "你好", "hi", "hello", "？", "?")
DRAFT_COMMANDS = re.compile(r"(起草|草拟|生成|撰写|写一份|写个|编写).{0,12}(年报|年度报告|报告)")
COUNT = re.compile(r"\d+(?:\.\d+)?\s*(?:件|条|次|个|篇|场|人次|期|万元|元|家|项)")
QUESTION_END = re.compile(r"[？?吗呢么]\s*$")
QUESTION_WORDS = re.compile(r"多少|哪些|哪几|几件|几个|几条|几次|是什么|是怎么|怎么写|如何写|怎样写|有没有|是否|什么情况")
PAST_CUES = re.compile(r"去年|前年|上一年|上年度|往年|历年|(?:19|20)\d{2}\s*年")
NUMERAL = r"[0-9０-９一二三四五六七八九十百千万两〇零]"
EDIT_PATTERNS = (
    re.compile(r"(?:应该是|应当是|应为|改成|改为|换成|更正为|调整为|修改为)\s*" + NUMERAL),
    re.compile(r"把.{1,40}?(?:改|写|换|删|补|调|加|去掉|扩|缩|精简)"),
    re.compile(r"(?:写得|写的|再|更加?)\s*(?:更加?)?(?:具体|详细|简洁|简练|充实|生动|精炼|正式|规范)"),
    re.compile(r"^(?:请)?(?:删除|删掉|去掉|增加|补充|修改|调整|扩写|精简|重写|改写|润色|缩短)"),
    re.compile(r"第\s*[一二三四五六1-6]\s*(?:部分|节|段).{0,30}(?:改|写|补充|删|加|具体|详细|简)"),
    re.compile(r"(?:改成|改为|换成)\s*(?:19|20)\d{2}\s*年"),
)
MAX_EDIT_CHARS = 300
YEAR_EDIT = re.compile(r"(?:改成|改为|换成|调整为|修改为)\s*(?:19|20)\d{2}\s*年")
TABLE_ROW = re.compile(r"(?:^|\n)[^\n]*(?:本年新收|本年处理决定数量|行政许可|行政复议)[^\n]*[\t|]\s*\d")


@dataclass(frozen=True)
class Route:
    """The intent of one message and the rule that decided it."""

    intent: Intent
    reason: str


def route(text: str, has_draft: bool = False) -> Route:
    """The intent of a message, given whether the conversation already has a draft."""
    cleaned = (text or "").strip()
    if not cleaned or _is_help(cleaned):
        return Route("help", "empty or help request")
    if looks_like_report(cleaned):
        return Route("check", "has the report's section headings or tables")
    if _is_question(cleaned) and _about_past(cleaned):
        return Route("ask", "a question about a past year")
    if has_draft and _is_edit(cleaned):
        return Route("revise", "edit instruction on the current draft")
    if _is_question(cleaned):
        return Route("ask", "a question")
    if looks_like_notes(cleaned):
        return Route("draft", "working notes or counts")
    if has_draft and len(cleaned) <= MAX_EDIT_CHARS:
        return Route("revise", "short message while a draft is open")
    return Route("help", "no rule matched")


def looks_like_report(text: str) -> bool:
    """Whether text is a published report: at least three of its section headings (tables alone are counts)."""
    return sum(cue in text for cue in HEADING_CUES) >= 3


def looks_like_notes(text: str) -> bool:
    """Whether text is material to draft from: a drafting request, or notes with work words or counts."""
    if DRAFT_COMMANDS.search(text):
        return True
    if TABLE_ROW.search(text):
        return True
    counts = len(COUNT.findall(text))
    words = sum(word in text for word in NOTE_WORDS)
    return counts >= 3 or (len(text) >= 30 and (counts >= 1 or words >= 2)) or (len(text) >= 80 and words >= 1)


def _is_help(text: str) -> bool:
    lowered = text.lower().strip("！!。. ")
    return lowered in HELP_WORDS or (len(lowered) <= 12 and any(word in lowered for word in HELP_WORDS[:8]))


def _is_question(text: str) -> bool:
    if QUESTION_WORDS.search(text):
        return True
    return bool(QUESTION_END.search(text)) and (len(text) <= 200 or bool(PAST_CUES.search(text)))


def _about_past(text: str) -> bool:
    return bool(PAST_CUES.search(text)) and not YEAR_EDIT.search(text)


def _is_edit(text: str) -> bool:
    if len(text) > MAX_EDIT_CHARS:
        return False
    if re.search(r"(?:应该是|应为|是)\s*多少", text):
        return False
    return any(pattern.search(text) for pattern in EDIT_PATTERNS)
