"""What one user chose on the settings tab, applied on top of the server's settings."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.report import ReportError
from assistant.settings import BACKENDS, Settings

AGENCY_AT_START = re.compile(
    r"^(?:单位|机关|部门|填报单位)?[:：\s]*([\u4e00-\u9fff][\u4e00-\u9fff0-9（）()]{1,39}?"
    r"(?:人民政府办公室|人民政府|街道办事处|管理委员会|委员会|办公室|管理局|分局|局|厅|委|办|镇|乡|街道|中心|院|所))(?=$|[：:，,。\s])"
)


@dataclass(frozen=True)
class Prefs:
    """Per-user choices; empty values fall back to the server's settings."""

    agency: str = ""
    draft_year: int = 0
    backend: str = ""
    base_url: str = ""
    model: str = ""
    api_key: str = ""

    def apply(self, settings: Settings) -> Settings:
        """The server settings with this user's non-empty choices on top."""
        changes = {name: value for name, value in self._choices().items() if value}
        return settings.with_changes(**changes)

    def _choices(self) -> dict:
        return {
            "agency": self.agency.strip(), "draft_year": self.draft_year, "backend": self.backend,
            "base_url": self.base_url.strip(), "model": self.model.strip(), "api_key": self.api_key.strip(),
        }


class PrefsIn(BaseModel):
    """Settings as they arrive from the page or the API."""

    model_config = ConfigDict(extra="forbid")

    agency: str = Field(default="", max_length=100)
    draft_year: int = Field(default=0)
    backend: str = ""
    base_url: str = Field(default="", max_length=500)
    model: str = Field(default="", max_length=200)
    api_key: str = Field(default="", max_length=500)


def prefs_from(data: dict) -> Prefs:
    """Validated prefs from outside data; ReportError with a Chinese message when unusable."""
    try:
        edge = PrefsIn.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        raise ReportError(f"设置有误：{'.'.join(map(str, error['loc']))}：{error['msg']}") from None
    if edge.backend and edge.backend not in BACKENDS:
        raise ReportError(f"未知的后端：{edge.backend}（可选 {'、'.join(BACKENDS)}）")
    if edge.draft_year and not 2008 <= edge.draft_year <= 2100:
        raise ReportError(f"年度应在 2008 到 2100 之间，收到 {edge.draft_year}")
    return Prefs(**edge.model_dump())


def guess_agency(text: str) -> str:
    """An agency name at the start of the notes ('XX市XX局：…'), or empty."""
    for line in text.strip().splitlines()[:3]:
        match = AGENCY_AT_START.match(line.strip())
        if match:
            return match.group(1)
    return ""
