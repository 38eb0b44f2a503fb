"""Hypothesis strategies for random but realistic Reports of both table formats (reusable)."""

from __future__ import annotations

from hypothesis import strategies as st

from assistant.report import (
    SECTION_KEYS, T3_COLUMNS, T4_COLUMNS, T4_GROUPS, T2_DECIMAL_CELLS, T2_SIGNED_CELLS,
    Report, t2_layout, t3_rows,
)

YEARS = {"2019": (2019, 2020), "2021": (2021, 2025)}
CITIES = ("青川市", "临江市", "云石市", "北塘市", "南屿市")
DISTRICTS = ("", "东城区", "西湖区", "南山县", "河口区", "白水县")
DEPARTMENTS = (
    "人力资源和社会保障局", "自然资源局", "应急管理局", "市场监督管理局", "人民政府办公室",
    "司法局", "交通运输局", "卫生健康委员会", "生态环境局", "统计局",
)
SENTENCES = (
    "全年通过门户网站主动公开政府信息{n}条。",
    "其中发布政策文件{n}件、工作动态{m}条。",
    "本年度共收到政府信息公开申请{n}件，均在法定期限内答复。",
    "组织政务公开业务培训{n}次，参训人员{m}人次。",
    "更新“政府信息公开”专栏内容{n}条，专栏访问量达{m}次。",
    "政务新媒体发布信息{n}条，回应公众关切{m}次。",
    "完成{n}份政策文件的解读工作，制作图解{m}期。",
    "严格落实保密审查制度，对拟公开的{n}条信息逐条审核。",
    "部分工作人员对政务公开工作的认识还不够到位。",
    "下一步，我局将进一步加强业务培训，提升公开质量。",
    "坚持“以公开为常态、不公开为例外”的原则，推进决策、执行、管理、服务、结果公开。",
    "修订完善信息发布审核制度{n}项，明确专人负责信息更新。",
)
FEE_SENTENCES = ("本年度未收取信息处理费。", "本年度共收取信息处理费{n}元。")
SUBHEADINGS = ("（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）政府信息公开平台建设", "（五）监督保障")
PREAMBLES = (
    "本报告根据《中华人民共和国政府信息公开条例》要求编制。",
    "本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。",
)


@st.composite
def sentence(draw, choices: tuple[str, ...] = SENTENCES) -> str:
    """One report sentence with its numbers filled in."""
    template = draw(st.sampled_from(choices))
    return template.format(n=draw(st.integers(0, 5000)), m=draw(st.integers(1, 300)))


def paragraph() -> st.SearchStrategy[str]:
    """One to three sentences run together."""
    return st.lists(sentence(), min_size=1, max_size=3).map("".join)


def plain_text() -> st.SearchStrategy[str]:
    """One to three paragraphs joined by newlines."""
    return st.lists(paragraph(), min_size=1, max_size=3).map("\n".join)


@st.composite
def overview_text(draw) -> str:
    """Section 一: either plain paragraphs or sub-headings （一）… each followed by a paragraph."""
    if not draw(st.booleans()):
        return draw(plain_text())
    count = draw(st.integers(1, len(SUBHEADINGS)))
    lines = [draw(paragraph())]
    for heading in SUBHEADINGS[:count]:
        lines += [heading, draw(paragraph())]
    return "\n".join(lines)


@st.composite
def fee_text(draw) -> str:
    """Section 六: a sentence on 信息处理费 and maybe more."""
    fee = draw(sentence(FEE_SENTENCES))
    return fee + "\n" + draw(plain_text()) if draw(st.booleans()) else fee


def agencies() -> st.SearchStrategy[str]:
    """A fictitious agency such as 青川市东城区司法局."""
    return st.tuples(st.sampled_from(CITIES), st.sampled_from(DISTRICTS), st.sampled_from(DEPARTMENTS)).map("".join)


def counts(nullable: bool = True) -> st.SearchStrategy[int | None]:
    """A table count, mostly small, sometimes large, rarely unknown."""
    numbers = st.one_of(st.integers(0, 20), st.integers(0, 99999))
    return st.one_of(numbers, st.none()) if nullable else numbers


def decimals(nullable: bool = True) -> st.SearchStrategy[int | float | None]:
    """A non-negative amount with at most two decimal places."""
    amounts = st.integers(0, 10**7).map(lambda cents: cents // 100 if cents % 100 == 0 else cents / 100)
    return st.one_of(amounts, st.none()) if nullable else amounts


def t2_cell(row: str, column: str, nullable: bool = True) -> st.SearchStrategy:
    """The strategy for one table 二 cell by its kind."""
    if (row, column) in T2_DECIMAL_CELLS:
        return decimals(nullable)
    if (row, column) in T2_SIGNED_CELLS:
        signed = st.integers(-500, 500)
        return st.one_of(signed, st.none()) if nullable else signed
    return counts(nullable)


@st.composite
def tables(draw, fmt: str) -> tuple[dict, dict, dict]:
    """Tables 二, 三 and 四 of a format with random cells (not necessarily consistent)."""
    nullable = draw(st.booleans())
    t2 = {row: {c: draw(t2_cell(row, c, nullable)) for c in cols} for row, cols in t2_layout(fmt).items()}
    t3 = {row: {c: draw(counts(nullable)) for c in T3_COLUMNS} for row in t3_rows(fmt)}
    t4 = {group: {c: draw(counts(nullable)) for c in T4_COLUMNS} for group in T4_GROUPS}
    return t2, t3, t4


@st.composite
def section_texts(draw, optional=("s1", "s5", "s6")) -> dict[str, str | None]:
    """Text for the six sections: those in optional may be missing (None) or empty; the table
    sections 二–四 always print their heading, so they have text or '' (never None)."""
    makers = {"s1": overview_text(), "s6": fee_text()}
    texts: dict[str, str | None] = {}
    for key in SECTION_KEYS:
        text = st.one_of(st.just(""), makers.get(key, plain_text()))
        texts[key] = draw(st.one_of(st.none(), text) if key in optional else text)
    return texts


@st.composite
def reports(draw, fmt: str | None = None) -> Report:
    """A random Report; fmt '2019' or '2021' fixes the table format, None picks either."""
    version = fmt or draw(st.sampled_from(("2019", "2021")))
    year = draw(st.integers(*YEARS[version]))
    t2, t3, t4 = draw(tables(version))
    preamble = draw(st.sampled_from(("",) + PREAMBLES)).format(year=year)
    return Report(draw(agencies()), year, version, draw(section_texts()), t2, t3, t4, preamble=preamble)
