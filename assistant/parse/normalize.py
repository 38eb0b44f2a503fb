"""Normalising text for matching: widths, brackets, spaces, ordinals and a few traditional forms."""

from __future__ import annotations

import re
from functools import lru_cache

TRADITIONAL = (
    "報开開請數處結轉體總況動資與門關區縣鎮務發規範許罰強費購項條復議訴訟審維糾計問題進實際內層"
    "機構會個於為經濟歸決產業屬國從獲確認補續辦應現歷並們長書專單兩態戶網絡財預稅這將對當統學錄標"
    "準導邊點監護證據據類別務員責權達設醫療險戰災營運檔說調査査準衛環廣電視聯繫陳舊嚴謹詢覽檔"
)
SIMPLIFIED = (
    "报开开请数处结转体总况动资与门关区县镇务发规范许罚强费购项条复议诉讼审维纠计问题进实际内层"
    "机构会个于为经济归决产业属国从获确认补续办应现历并们长书专单两态户网络财预税这将对当统学录标"
    "准导边点监护证据据类别务员责权达设医疗险战灾营运档说调查查准卫环广电视联系陈旧严谨询览档"
)
WIDTH_FROM = "０１２３４５６７８９（）．，：；／－＋％｜　【】"
WIDTH_TO = "0123456789().,:;/-+%| 【】"
CHAR_MAP = str.maketrans(TRADITIONAL + WIDTH_FROM, SIMPLIFIED + WIDTH_TO)
SPACES = re.compile(r"\s+")
DIGIT_SEPARATOR = re.compile(r"(?<=\d)[、.,](?=\D)")
CN_ORDINAL_SEPARATOR = re.compile(r"^([一二三四五六七八九十]{1,2})[.,]")
ORDINAL_PREFIX = re.compile(r"^(?:\(?[一二三四五六七八九十]{1,2}\)[、.]?|[一二三四五六七八九十]{1,2}[、.]|\d{1,2}[.、])")
MARKDOWN_LEAD = re.compile(r"^(?:#{1,6}\s*|>\s*)")


def same_width(text: str) -> str:
    """Half-width digits and punctuation, simplified forms of a few traditional characters; same length."""
    return text.translate(CHAR_MAP)


@lru_cache(maxsize=8192)
def norm(text: str) -> str:
    """The text made comparable: one width, no spaces or bold marks, '1、' and '1．' read as '1.'."""
    flat = SPACES.sub("", same_width(text)).replace("*", "").replace("\\", "")
    flat = DIGIT_SEPARATOR.sub(".", flat)
    return CN_ORDINAL_SEPARATOR.sub(r"\1、", flat)


def strip_ordinal(flat: str) -> str:
    """A normalised line without its leading ordinal such as '一、', '(一)' or '1.'."""
    return ORDINAL_PREFIX.sub("", flat, count=1)


def strip_markup(line: str) -> str:
    """A line without Markdown heading or quote marks and escaping backslashes."""
    return MARKDOWN_LEAD.sub("", line.strip()).strip()
