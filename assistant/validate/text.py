"""Figures in the narrative against the tables (N.NUM), and sums and shares stated in the text (N.SUM)."""

from __future__ import annotations

import math
import re
from typing import Iterator

from ..numbers import Number
from ..report import Report
from .model import SECTION_NAMES, Context, Finding, finding, fmt, loc_of, rule
from .scan import (Fig, Sentence, breakdowns, clip, matches, plain, quote, reading_values, scan)
from .subjects import TIME_WORDS, about_other_unit, one_channel
from .tables import cell_label

_TOTAL_WORD = re.compile(r"共计|合计|总计|累计|总共|一共")


@rule("N.NUM")
def text_figures(ctx: Context) -> Iterator[Finding]:
    """Every figure the text states for a table cell equals that cell (any allowed reading)."""
    for sentence in scan(ctx):
        heads = {id(part): total for total, parts in breakdowns(sentence) for part in parts}
        for fig in sentence.figs:
            if fig.phrase is None or not fig.readings or fig.number.approx:
                continue
            result = _judge(ctx.report, fig, _readings_in_context(ctx.report, fig, heads.get(id(fig))))
            if result:
                yield result


def _readings_in_context(report: Report, fig: Fig, head: Fig | None) -> tuple[tuple[str, ...], ...]:
    """A column of table 四 listed under a group total takes the group(s) the total was read as."""
    if head is None or head.phrase is None or fig.phrase.family != "t4col" or head.phrase.family != "t4":
        return fig.readings
    if len(head.readings) != len(fig.readings):
        return fig.readings
    values = reading_values(report, head.readings)
    chosen = [i for i, (r, v) in enumerate(zip(head.readings, values)) if matches(head, r, v)]
    return tuple(fig.readings[i] for i in chosen) or fig.readings


def _judge(report: Report, fig: Fig, readings: tuple[tuple[str, ...], ...]) -> Finding | None:
    values = reading_values(report, readings)
    if any(matches(fig, r, v) for r, v in zip(readings, values)) or all(v is None for v in values):
        return None
    spare = fig.spare_readings
    if any(matches(fig, r, v) for r, v in zip(spare, reading_values(report, spare))):
        return None
    alt_values = reading_values(report, fig.alt_readings)
    alt_ok = any(matches(fig, r, v) for r, v in zip(fig.alt_readings, alt_values))
    unsure = (None in values or fig.phrase.weak or alt_ok or about_other_unit(fig.left, report.agency)
              or one_channel(fig.left))
    severity = "uncertain" if unsure else "error"
    known = [(r, v) for r, v in zip(readings, values) if v is not None]
    quoted = quote(fig)
    message = f"{SECTION_NAMES[fig.place]}写“{quoted}”，但{_describe(known)}"
    if severity == "uncertain":
        message += "；这个数字也可能指别的项目，请人工确认"
    evidence = {p: report.cell(p) for r, _ in known for p in r}
    evidence["text"] = fig.number.value
    return finding("N.NUM", loc_of(fig.place, fig.number.start, fig.number.end), message,
                   expected=plain(known[0][1]), actual=fig.number.value, values=evidence, severity=severity)


def _describe(known: list[tuple[tuple[str, ...], float]]) -> str:
    parts, seen = [], set()
    for reading, value in known:
        if value in seen:
            continue
        seen.add(value)
        if len(reading) == 1:
            parts.append(f"{cell_label(reading[0])}为 {fmt(value)}")
        else:
            labels = "、".join(cell_label(p) for p in reading[:4]) + ("等" if len(reading) > 4 else "")
            parts.append(f"{labels}之和为 {fmt(value)}")
    return "；如按另一种理解，".join(parts)



@rule("N.SUM")
def text_sums(ctx: Context) -> Iterator[Finding]:
    """Sums (共计…其中…; …，共计…) and shares (占…%) stated in the text add up."""
    for sentence in scan(ctx):
        groups = breakdowns(sentence)
        yield from _breakdown_findings(sentence, groups)
        yield from _trailing_totals(sentence, groups, scan(ctx))
        yield from _shares(ctx.report, sentence, groups)




def _breakdown_findings(sentence: Sentence, groups: list[tuple[Fig, list[Fig]]]) -> Iterator[Finding]:
    for total, parts in groups:
        if total.number.approx or any(p.number.approx for p in parts):
            continue
        for family_parts, bound in _families(parts):
            yield from _check_parts(sentence, total, family_parts, bound)


def _families(parts: list[Fig]) -> list[tuple[list[Fig], bool]]:
    bound: dict[str, list[Fig]] = {}
    for part in parts:
        if part.phrase is not None:
            bound.setdefault(part.phrase.family, []).append(part)
    if bound:
        return [(members, True) for members in bound.values()]
    return [(parts, False)]


_OTHER_DIMENSION = re.compile(r"涉及|关于|有关|通过|同步|转载|[在经由向]\S{0,8}(?:网|平台|媒体|微信|微博|渠道)|网上|网站|"
                              r"新媒体|微信|微博|信函|邮寄|当面|现场|电话")


def _mixed_dimensions(parts: list[Fig]) -> bool:
    """True when some parts are counted by channel or topic, so the list may overlap (网上 300 件、涉及征地 200 件)."""
    return any(_OTHER_DIMENSION.search(part.left) for part in parts)


def _check_parts(sentence: Sentence, total: Fig, parts: list[Fig], bound: bool) -> Iterator[Finding]:
    whole, summed = float(total.number.value), sum(float(p.number.value) for p in parts)
    shown = "+".join(fmt(p.number.value) for p in parts)
    values = {f"text[{p.number.start}]": p.number.value for p in parts}
    values["total"] = total.number.value
    loc = loc_of(sentence.place, sentence.start, sentence.end)
    if summed > whole + 1e-9:
        message = (f"{SECTION_NAMES[sentence.place]}：“{clip(sentence.body)}”中，其中各项之和（{shown}={fmt(summed)}）"
                   f"大于总数 {fmt(total.number.value)}")
        overlapping = not bound and _mixed_dimensions(parts)
        if overlapping:
            message += "；各项似按不同口径统计（如渠道与内容），可能相互重叠，请人工确认"
        yield finding("N.SUM", loc, message, expected=total.number.value, actual=plain(summed), values=values,
                      severity="uncertain" if overlapping else None)
    elif summed < whole - 1e-9 and len(parts) >= 2 and not bound:
        message = (f"{SECTION_NAMES[sentence.place]}：“{clip(sentence.body)}”中，其中各项之和（{shown}={fmt(summed)}）"
                   f"小于总数 {fmt(total.number.value)}；如有未列出的分项可忽略，否则请核对")
        yield finding("N.SUM", loc, message, expected=total.number.value, actual=plain(summed),
                      values=values, severity="uncertain")




def _trailing_totals(sentence: Sentence, groups: list[tuple[Fig, list[Fig]]], everything: list[Sentence]
                     ) -> Iterator[Finding]:
    in_breakdown = {id(p) for _, parts in groups for p in parts}
    heads = {id(total) for total, _ in groups}
    for fig in sentence.figs:
        if not _sums_what_precedes(fig) or id(fig) in heads or fig.phrase is not None or fig.number.approx:
            continue
        same = [f for f in sentence.figs if f.number.end <= fig.number.start and id(f) not in in_breakdown
                and f.number.unit == fig.number.unit and not f.number.approx]
        if not same or any(f.phrase is not None for f in same):
            continue
        earlier = _paragraph_candidates(sentence, fig, everything, in_breakdown)
        if len(earlier) < 2 or _some_suffix_sums(earlier, float(fig.number.value)):
            continue
        yield _trailing_finding(sentence, fig, same if len(same) >= 2 else earlier, len(same) >= 2)


def _sums_what_precedes(fig: Fig) -> bool:
    """共计 N that adds up the figures before it, not a category's own count (解读信息共计 N 条)."""
    match = _TOTAL_WORD.search(fig.left)
    if match is None:
        return False
    subject = TIME_WORDS.sub("", re.sub(r"[\s、，,：:]", "", fig.left[:match.start()]))
    return len(subject) <= 2 or _SUMMING_SUBJECT.fullmatch(subject) is not None


_SUMMING_SUBJECT = re.compile(r"(?:以上|上述|前述|这|两者|二者|全年|总|各类|[两二三四五六七八九十]+[项类种个]).{0,4}")


def _paragraph_candidates(sentence: Sentence, fig: Fig, everything: list[Sentence], skip: set[int]) -> list[Fig]:
    found = []
    for other in everything:
        if other.place != sentence.place or other.para_start != sentence.para_start or other.start > sentence.start:
            continue
        found += [f for f in other.figs if f.number.end <= fig.number.start and f.number.unit == fig.number.unit
                  and id(f) not in skip and f.number.unit != "%"]
    return found


def _some_suffix_sums(figs: list[Fig], total: float) -> bool:
    running = 0.0
    for fig in reversed(figs):
        running += float(fig.number.value)
        if abs(running - total) < 1e-9:
            return True
    return False


def _trailing_finding(sentence: Sentence, fig: Fig, same: list[Fig], sure: bool) -> Finding:
    summed = sum(float(f.number.value) for f in same)
    shown = "+".join(fmt(f.number.value) for f in same)
    message = (f"{SECTION_NAMES[sentence.place]}：“{clip(sentence.body)}”中，前面各项之和（{shown}={fmt(summed)}）"
               f"不等于“{fig.text[fig.label_start:fig.number.end].strip()}”")
    if not sure:
        message += "；前面的数字在别的句子里，请确认合计是否正确"
    values = {f"text[{f.number.start}]": f.number.value for f in same}
    values["total"] = fig.number.value
    return finding("N.SUM", loc_of(sentence.place, sentence.start, sentence.end), message,
                   expected=plain(summed), actual=fig.number.value, values=values,
                   severity="error" if sure else "uncertain")


def _shares(report: Report, sentence: Sentence, groups: list[tuple[Fig, list[Fig]]]) -> Iterator[Finding]:
    figs = sentence.figs
    for i, fig in enumerate(figs):
        if fig.number.unit != "%" or not re.search(r"占|比例|比重", fig.left) or i == 0:
            continue
        part = figs[i - 1]
        if part.number.unit == "%" or part.number.approx:
            continue
        bases = _share_bases(report, part, figs, groups)
        if not bases:
            continue
        ratios = [(name, base, float(part.number.value) / base * 100) for name, base in bases]
        if not any(_share_ok(ratio, fig.number) for _, _, ratio in ratios):
            yield _share_finding(sentence, fig, part, ratios[0])


_TABLE_BASES = {
    "applicant": (("t3.new.total",), ("t3.new.total", "t3.carry_in.total")),
    "result": (("t3.processed_total.total",), ("t3.new.total",), ("t3.new.total", "t3.carry_in.total")),
    "t4col": (),
}


def _share_bases(report: Report, part: Fig, figs: list[Fig], groups: list[tuple[Fig, list[Fig]]]
                 ) -> list[tuple[str, float]]:
    textual = _share_base(part, figs, groups)
    if textual is not None:
        value = float(textual.number.value)
        return [(textual.number.text, value)] if value else []
    family = part.phrase.family if part.phrase else ""
    readings = _TABLE_BASES.get(family, ())
    found = []
    for reading, value in zip(readings, reading_values(report, readings)):
        if value:
            found.append(("、".join(cell_label(p) for p in reading), float(value)))
    return found


def _share_base(part: Fig, figs: list[Fig], groups: list[tuple[Fig, list[Fig]]]) -> Fig | None:
    for total, parts in groups:
        if any(p is part for p in parts):
            return total
    for fig in figs:
        if fig is part:
            return None
        if fig.number.unit == part.number.unit and not fig.number.approx:
            return fig
    return None


def _share_ok(ratio: float, stated: Number) -> bool:
    digits = stated.decimals
    scale = 10 ** digits
    value = float(stated.value)
    candidates = {round(ratio, digits), math.floor(ratio * scale + 0.5 + 1e-9) / scale}
    if digits >= 2:
        candidates.add(math.floor(ratio * scale + 1e-9) / scale)
    return any(abs(c - value) < 0.5 / scale / 10 for c in candidates)


def _share_finding(sentence: Sentence, fig: Fig, part: Fig, first: tuple[str, float, float]) -> Finding:
    digits = fig.number.decimals
    name, base, ratio = first
    message = (f"{SECTION_NAMES[sentence.place]}：“{clip(sentence.body)}”中写占 {fmt(fig.number.value)}%，"
               f"但 {fmt(part.number.value)}÷{fmt(base)}={ratio:.{max(digits, 1)}f}%（总数取“{name}”）")
    values = {"part": part.number.value, "base": plain(base), "share": fig.number.value}
    return finding("N.SUM", loc_of(sentence.place, sentence.start, sentence.end), message,
                   expected=round(ratio, max(digits, 1)), actual=fig.number.value, values=values)

