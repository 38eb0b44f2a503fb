"""Walking the blocks: headings, narrative lines per section, and the table token stream."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..report import ParseNote, SECTION_TITLES
from .blocks import Block, Para, TableBlock
from .normalize import norm, strip_markup, strip_ordinal
from .sections import Heading, find_heading, split_run_in, strong_keys
from .tokens import TEXT, Token, block_table_tokens, text_table_tokens, word_token

TABLE_START = re.compile(
    r"^(?:第二十条|信息内容|本年(?:制发|废止|新制作|新公开|处理决定|收费|增)|现行有效|对外公开总|上一年项目|采购(?:项目|总金额)"
    r"|规章|行政规范性文件|规范性文件|行政许可|其他对外管理|行政处罚|行政强制|行政事业性收费|政府集中采购|\(?本列数据"
    r"|申请人情况|自然人|法人或其他组织|商业企业|科研机构|社会公益|法律服务|其他$|总计|本年度?新收|上年度?结转"
    r"|本年度办理结果|予以公开|部分公开|不予公开|属于|其他法律行政法规|危及|保护第三方|无法提供|本机关不掌握|没有现成"
    r"|补正后|不予处理|信访举报|重复申请|要求提供公开|无正当理由|要求行政机关确认|其他处理|申请人无正当|申请人逾期"
    r"|结转下年度|行政复议|行政诉讼|结果(?:维持|纠正)|其他结果|尚未审结|未经复议|复议后起诉)"
)
LABEL_MAX, ZONE_MAX, MANY_VALUES = 80, 30, 6
COMMA_LABEL = re.compile(r"部分公开|勾稽|只计|法人或其他组织|[\d/-]$")
ESCAPED = re.compile(r"^\s*\\(?=[#>|+*\-\d])")
ESCAPED_MARK = re.compile(r"\\([#|])")


@dataclass
class Layout:
    """What the walk found: narrative lines per section (None = before 一), headings, table tokens."""

    narrative: dict[str | None, list[str]] = field(default_factory=lambda: {None: []})
    head: list[tuple[str, bool]] = field(default_factory=list)
    headings: dict[str, Heading] = field(default_factory=dict)
    tokens: list[Token] = field(default_factory=list)
    notes: list[ParseNote] = field(default_factory=list)


def is_table_line(line: str, in_zone: bool, separators: bool = True) -> bool:
    """True for a line that is (part of) a flattened table; separators: tabs and bars mark cells."""
    if separators and ("\t" in _unescaped(line) or "|" in _unescaped(line)):
        return not _sentence_with_a_bar(line)
    words = line.split()
    values = sum(1 for word in words if _is_value(word))
    if values == len(words):
        return True
    flat = norm(strip_markup(line))
    if "。" in flat:
        return False
    if values >= MANY_VALUES and 3 * values >= len(words):
        return True
    if TABLE_START.match(strip_ordinal(flat)) and len(flat) <= LABEL_MAX and _label_commas(flat):
        return True
    return in_zone and len(flat) <= ZONE_MAX


def _unescaped(line: str) -> str:
    return line.replace("\\|", "") if "\\" in line else line


def _sentence_with_a_bar(line: str) -> bool:
    return "。" in line and line.count("|") + line.count("\t") <= 2


def _label_commas(flat: str) -> bool:
    """Table labels have no commas, except the 部分公开 row and the 勾稽关系 note."""
    return "," not in flat or bool(COMMA_LABEL.search(flat))


def starts_zone(line: str) -> bool:
    """True for a table line that shows table content (a label or a number), not a menu bar of links."""
    if "\t" not in line and "|" not in line:
        return True
    cells = [norm(c) for c in re.split(r"[|\t]", line) if c.strip()]
    return not cells or any(_is_value(c) or TABLE_START.match(strip_ordinal(c)) for c in cells)


def _is_value(word: str) -> bool:
    token = word_token(word)
    return token is None or token.kind != TEXT


class Walker:
    """Collects a Layout from blocks in document order."""

    def __init__(self, markdown: bool = True) -> None:
        self.markdown = markdown
        self.layout = Layout()
        self.current: str | None = None
        self.pending: list[str] = []
        self.in_zone = False
        self.strong: frozenset[str] = frozenset()

    def walk(self, blocks: list[Block]) -> Layout:
        """Visit every block and return the layout."""
        self.strong = strong_keys([b.text for b in blocks if isinstance(b, Para) and "、" in b.text[:12]])
        for block in blocks:
            if isinstance(block, TableBlock):
                self.flush()
                self.layout.tokens.extend(block_table_tokens(block.rows))
            elif isinstance(block, Para):
                for part in split_run_in(block.text):
                    self.line(part)
        self.flush()
        return self.layout

    def line(self, line: str) -> None:
        """Classify one line: blank, heading, table line or narrative."""
        if not line.strip():
            return
        if self.markdown and ESCAPED.match(line):
            self.narrative_line(ESCAPED_MARK.sub(r"\1", ESCAPED.sub("", line).strip()))
            return
        heading = find_heading(line, self.current, self.strong)
        if heading:
            self.heading(heading)
        elif is_table_line(line, self.in_zone, separators=self.markdown):
            self.pending.append(line)
            self.in_zone = self.in_zone or starts_zone(line)
            self._head(line, False)
        else:
            self.narrative_line(ESCAPED_MARK.sub(r"\1", strip_markup(line)) if self.markdown else line.strip())

    def narrative_line(self, text: str) -> None:
        """Keep a line of running text in the current section."""
        self.flush()
        self.layout.narrative.setdefault(self.current, []).append(text)
        self._head(text, True)

    def _head(self, line: str, narrative: bool) -> None:
        if self.current is None:
            self.layout.head.append((line, narrative))

    def heading(self, heading: Heading) -> None:
        """Start a section."""
        self.flush()
        self.current = heading.key
        self.layout.narrative.setdefault(heading.key, [])
        if heading.key not in self.layout.headings:
            self.layout.headings[heading.key] = heading
            if heading.is_variant:
                official = SECTION_TITLES[heading.key]
                message = f"标题写作“{heading.written}”，标准写法为“{official}”"
                self.layout.notes.append(ParseNote("heading_variant", message, heading.key))
        if heading.rest:
            self.layout.narrative[heading.key].append(heading.rest)

    def flush(self) -> None:
        """Turn the pending table lines into tokens and leave any table zone."""
        if self.pending:
            self.layout.tokens.extend(text_table_tokens(self.pending))
            self.pending = []
        self.in_zone = False
