"""The chain through the `local` backend with the real SmolLM2-135M GGUF: it cannot write Chinese, so this
exercises the fallback and repair paths; the draft must never come back ready with an error."""

from __future__ import annotations


import pytest

from assistant.draft import OfflineDrafter, draft_report
from assistant.draft.chain import CountingLLM, Run, finish
from assistant.llm.local_backend import LocalBackend

from .helpers import load_case

pytestmark = pytest.mark.slow



def never_ready_with_an_error(draft) -> None:
    errors = [f for f in draft.findings if f.severity == "error"]
    assert draft.status == ("needs_review" if errors else "ready")


def test_a_draft_through_the_small_local_model_has_true_tables_and_an_honest_status(gguf):
    case = load_case("township_zero")
    with LocalBackend(gguf, n_ctx=1024, max_tokens=16, timeout=60) as local_llm:
        draft = draft_report(case.request, llm=local_llm)
    assert draft.backend.startswith("local:") and draft.model_calls == 2
    assert any("exceeds the available context size" in n and "离线模板" in n for n in draft.notices)
    assert draft.report.t2 == case.request.counts.t2 and draft.report.t3 == case.request.counts.t3
    assert draft.notices
    never_ready_with_an_error(draft)
    assert all("The " not in (text or "") for text in draft.report.sections.values())


def test_a_wrong_number_goes_to_the_local_model_for_repair_then_is_corrected_from_the_table(gguf):
    case = load_case("township_zero")
    offline = draft_report(case.request, llm=OfflineDrafter())
    wrong = offline.report.sections["s2"].replace("作出行政许可决定36件", "作出行政许可决定39件")
    assert wrong != offline.report.sections["s2"]
    with LocalBackend(gguf, n_ctx=2048, max_tokens=16, timeout=60) as local_llm:
        run = Run(CountingLLM(local_llm), lambda event: None)
        draft = finish(offline.report.with_section("s2", wrong), offline.facts, (), None, case.request, run, 1)
    assert draft.repair_rounds == 1 and draft.model_calls == 1
    assert "作出行政许可决定36件" in draft.report.sections["s2"] and "39件" not in draft.report.sections["s2"]
    never_ready_with_an_error(draft)
