"""What the notes say, as typed facts: figures and measures routed to the report's sub-topics."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.numbers import find_figures

Topic = Literal["主动公开", "依申请公开", "政府信息管理", "平台建设", "监督保障", "问题", "改进措施", "信息处理费", "其他"]
TOPICS: tuple[str, ...] = ("主动公开", "依申请公开", "政府信息管理", "平台建设", "监督保障", "问题", "改进措施", "信息处理费", "其他")

ROUTING: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("信息处理费", ("信息处理费", "处理费")),
    ("改进措施", ("下一步", "下步", "今后", "将进一步", "将继续", "计划", "拟", "改进措施", "整改措施", "着力", "持续加强", "将加强")),
    ("问题", ("存在问题", "问题", "不足", "短板", "薄弱", "有待", "仍需", "还需", "不够", "不到位", "滞后", "不及时")),
    ("依申请公开", ("依申请", "公开申请", "申请", "复议", "诉讼", "答复")),
    ("平台建设", ("网站", "平台", "公众号", "微信", "微博", "新媒体", "专栏", "公开栏", "政务服务网", "客户端", "抖音", "公报", "查阅点")),
    ("监督保障", ("监督", "培训", "考核", "领导小组", "保障", "督查", "评议", "责任追究", "检查", "考评", "队伍")),
    ("政府信息管理", ("审查", "保密", "目录", "属性", "源头", "清理", "管理", "规范性文件", "台账", "归档")),
    ("主动公开", ("主动公开", "公开", "发布", "解读", "发布会", "推送", "公示", "公告", "财政预决算")),
)
_SPLIT = re.compile(r"(?<=[。！？!?])|\n+")
_BULLET = re.compile(r"^\s*(?:[-*•·●]|\d{1,2}[.、)）]|[（(][一二三四五六七八九十\d]{1,2}[)）]|[一二三四五六七八九十]{1,2}[、.])\s*")


class Figure(BaseModel):
    """One number in the notes, with what it counts."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    label: str
    value: float
    unit: str = ""


class FactItem(BaseModel):
    """One statement of the notes, routed to a sub-topic, with its figures."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    topic: Topic
    text: str
    figures: tuple[Figure, ...] = ()


class Facts(BaseModel):
    """Everything the notes say, in note order."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    items: tuple[FactItem, ...] = Field(default_factory=tuple)

    def topic(self, name: str) -> tuple[FactItem, ...]:
        """The items of one sub-topic."""
        return tuple(item for item in self.items if item.topic == name)

    @property
    def figures(self) -> tuple[Figure, ...]:
        """Every figure of every item."""
        return tuple(f for item in self.items for f in item.figures)

    @property
    def problems(self) -> tuple[str, ...]:
        """The problems the notes name."""
        return tuple(item.text for item in self.topic("问题"))


HEADINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("主动公开", ("主动公开",)),
    ("依申请公开", ("依申请公开", "依申请")),
    ("政府信息管理", ("政府信息管理", "信息管理")),
    ("平台建设", ("平台建设", "政府信息公开平台建设", "公开平台")),
    ("监督保障", ("监督保障",)),
    ("问题", ("存在的主要问题", "存在问题", "主要问题", "问题", "不足")),
    ("改进措施", ("改进措施", "改进情况", "下一步", "下步工作", "整改")),
    ("信息处理费", ("信息处理费", "收费")),
    ("其他", ("其他事项", "其他需要报告的事项", "其他")),
)
_HEADING = re.compile(r"^\s*[【\[]?([\u4e00-\u9fff]{2,14})[】\]]?\s*[：:]\s*")


def heading_topic(line: str) -> tuple[str | None, str]:
    """The sub-topic a line's leading heading names ('问题：…', '【平台建设】', '一、主动公开'), and the rest."""
    stripped = _BULLET.sub("", line.strip())
    match = (_HEADING.match(stripped) or re.match(r"^\s*【([\u4e00-\u9fff]{2,14})】\s*", stripped)
             or re.fullmatch(r"\s*([\u4e00-\u9fff]{2,12})\s*", stripped))
    if not match:
        return None, line
    topic = _topic_named(match.group(1))
    return (topic, stripped[match.end():]) if topic else (None, line)


def _topic_named(name: str) -> str | None:
    name = re.sub(r"(工作)?(情况|方面)$", "", name)
    for topic, words in HEADINGS:
        if any(name.startswith(word) or name.endswith(word) for word in words):
            return topic
    return None


def _is_title(line: str) -> bool:
    """A heading line of the whole notes (机关 + 年 + 记录/总结/材料…), not a statement."""
    plain = line.strip()
    return (not re.search(r"[，。；,;]", plain) and re.search(r"(19|20)\d{2}", plain) is not None
            and re.search(r"记录|总结|材料|要点|摘要|回顾|台账|情况|整理", plain) is not None)


def split_sentences(notes: str) -> list[str]:
    """The statements of the notes: sentences and bullet lines, without bullet marks."""
    return [sentence for _, sentence in topic_sentences(notes)]


def topic_sentences(notes: str) -> list[tuple[str | None, str]]:
    """(heading topic or None, sentence) for every statement of the notes."""
    found: list[tuple[str | None, str]] = []
    current: str | None = None
    for line in (notes or "").splitlines():
        if _is_title(line):
            continue
        topic, rest = heading_topic(line)
        if not line.strip():
            current = None
            continue
        if topic:
            current = topic if not rest.strip() else None
        for piece in _SPLIT.split(rest):
            piece = _BULLET.sub("", piece).strip(" \t，,")
            if piece and _has_cjk(piece) and not _is_heading(piece):
                found.append((topic or current, piece))
    return found


def _is_heading(piece: str) -> bool:
    return len(piece) <= 12 and not re.search(r"\d", piece) and piece.endswith(("：", ":", "情况"))


def _has_cjk(text: str) -> bool:
    return re.search(r"[\u4e00-\u9fff]", text) is not None


def route(sentence: str) -> str:
    """The sub-topic a sentence belongs to, by the first matching keyword group."""
    for topic, words in ROUTING:
        if any(word in sentence for word in words):
            return topic
    return "其他"


def figures_in(sentence: str) -> tuple[Figure, ...]:
    """The figures of a sentence (assistant.numbers), each labelled by the words just before it."""
    found = []
    for number in find_figures(sentence):
        before = re.split(r"[，,；;：:。（(]", sentence[: number.start])[-1]
        label = re.sub(r"[\d.\s]+$", "", before)[-16:] or number.unit or "数量"
        found.append(Figure(label=label, value=float(number.value), unit=number.unit))
    return tuple(found)


def extract_facts(notes: str) -> Facts:
    """The deterministic extractor: sentence split, keyword routing, figures by pattern."""
    items = [
        FactItem(topic=topic or route(sentence), text=sentence, figures=figures_in(sentence))
        for topic, sentence in topic_sentences(notes)
    ]
    return Facts(items=tuple(items))


def facts_from_reply(reply: str) -> Facts:
    """Facts from a model's structured reply (JSON, maybe fenced); ValueError when malformed."""
    text = reply.strip()
    fenced = re.search(r"```(?:json)?\s*(.*?)```", text, re.S)
    if fenced:
        text = fenced.group(1)
    try:
        return Facts.model_validate_json(text)
    except ValidationError as exc:
        raise ValueError(f"模型返回的事实结构不合格：{exc.errors()[0]['msg']}") from None


def has_chinese_content(notes: str) -> bool:
    """Whether the notes hold any Chinese statement at all."""
    return bool(split_sentences(notes))


def facts_as_text(items: tuple[FactItem, ...]) -> str:
    """Items as numbered lines for a prompt."""
    return "\n".join(f"{n}. {item.text}" for n, item in enumerate(items, start=1)) or "（无）"

