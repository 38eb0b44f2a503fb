"""End to end in headless Debian Chromium driven by Playwright: the page as a user sees it, fully offline."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.chat.helptext import EXAMPLE_NOTES
from assistant.parse import parse_bytes
from app_server import PROJECT, AppServer

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SCREENSHOTS = PROJECT / "artifacts" / "screenshots"
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "app"
LOCAL_PREFIXES = ("http://127.0.0.1", "data:", "blob:", "about:")
XSS = "<img src=x onerror=alert(1)>"
WAIT_MS = 15_000
REMOTE_IMAGE = "看图![x](http://198.51.100.7/a.png)或[点我](javascript:alert(1))"
PASTE_SCRIPT = """(box, text) => {
    const data = new DataTransfer();
    data.setData("text/plain", text);
    box.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
}"""


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists() or shutil.which("chromium") is None:
        pytest.fail("Chromium is missing: run `bash scripts/setup-tests.sh` once to install chromium and fonts-noto-cjk")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    app = AppServer(tmp_path_factory.mktemp("browser") / "data").start()
    yield app
    app.stop()


class Page:
    """One browser tab on the app that blocks and records every request not to 127.0.0.1, and any dialog."""

    def __init__(self, browser, server: AppServer, name: str):
        self.server, self.name, self.step = server, name, 0
        self.outside: list[str] = []
        self.dialogs: list[str] = []
        self.context = browser.new_context(viewport={"width": 1500, "height": 1000}, accept_downloads=True)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("dialog", self._dialog)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        for old in SCREENSHOTS.glob(f"{name}-*.png"):
            old.unlink()

    def _route(self, route) -> None:
        if route.request.url.startswith(LOCAL_PREFIXES):
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self) -> None:
        self.page.goto(self.server.url, wait_until="load")
        self.page.locator("#message textarea").wait_for(timeout=30_000)
        self.page.locator("#chatbot").get_by_text("我是年报助手").first.wait_for(timeout=WAIT_MS)

    def shot(self, what: str) -> None:
        self.step += 1
        self.page.screenshot(path=str(SCREENSHOTS / f"{self.name}-{self.step:02d}-{what}.png"), full_page=True)

    def idle(self) -> None:
        """Wait until the previous message is done (the box is enabled again)."""
        self.page.wait_for_function("() => !document.querySelector('#message textarea').disabled", timeout=WAIT_MS)

    def send(self, text: str) -> None:
        self.idle()
        box = self.page.locator("#message textarea")
        box.fill(text)
        box.press("Enter")

    def fill_setting(self, field_id: str, value: str) -> None:
        """Type into a settings field until it holds the value (the tab mounts its fields when first shown)."""
        field = self.page.locator(f"#{field_id} textarea, #{field_id} input").first
        for _ in range(5):
            field.fill(value)
            self.page.wait_for_timeout(200)
            if field.input_value() == value:
                return
        raise AssertionError(f"the field {field_id} does not keep {value!r}")

    def upload(self, path: Path) -> None:
        self.idle()
        self.page.locator("#message input[type=file]").set_input_files(str(path))
        self.page.locator('#message [aria-label="File thumbnail"]').first.wait_for(timeout=WAIT_MS)
        self.page.locator("#message textarea").press("Enter")

    def reply_containing(self, text: str):
        found = self.page.locator("#chatbot .bot").filter(has_text=text).last
        found.wait_for(timeout=WAIT_MS)
        self.idle()
        return found

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def tab(browser, server, request):
    opened = Page(browser, server, request.node.name.removeprefix("test_"))
    failed_before = request.session.testsfailed
    yield opened
    if request.session.testsfailed > failed_before:
        opened.shot("at-failure")
    opened.close()
    assert opened.outside == [], f"requests left 127.0.0.1: {opened.outside}"
    assert opened.dialogs == [], f"dialogs fired: {opened.dialogs}"


def test_notes_and_counts_give_a_ready_draft_to_download(tab, tmp_path) -> None:
    tab.open()
    tab.shot("help")
    tab.send(EXAMPLE_NOTES)
    status = tab.page.locator("#draft-status")
    status.get_by_text("可以发布").wait_for(timeout=WAIT_MS)
    assert "ready" in status.inner_text()
    document = tab.page.locator("#draft-html")
    assert document.locator("table").count() >= 3
    assert "青禾市河湾区自然资源局2025年政府信息公开工作年度报告" in document.locator("h1").inner_text()
    tab.reply_containing("第 1 版：可以发布")
    tab.shot("draft-ready")
    with tab.page.expect_download() as download:
        tab.page.locator("#download-docx").click()
    saved = tmp_path / "draft.docx"
    download.value.save_as(saved)
    report = parse_bytes(saved.read_bytes(), saved.name).report
    assert report.cell("t2.licensing.decisions") == 35 and report.cell("t2.penalty.decisions") == 8
    assert report.cell("t3.new.total") == 4 and report.cell("t3.na_not_held.np") == 1


def test_an_edit_makes_a_new_version_and_the_dropdown_goes_back(tab) -> None:
    tab.open()
    tab.send(EXAMPLE_NOTES)
    tab.reply_containing("第 1 版：可以发布")
    tab.send("行政许可应该是36件")
    tab.reply_containing("第 2 版")
    document = tab.page.locator("#draft-html")
    assert "36" in document.locator("table").first.inner_text() or "36件" in document.inner_text()
    tab.page.locator("#versions input").click()
    tab.page.get_by_role("option", name="第 1 版", exact=False).click()
    tab.page.locator("#draft-status").get_by_text("第 3 版").wait_for(timeout=WAIT_MS)
    assert "作出行政许可决定35件" in document.inner_text()
    tab.reply_containing("恢复到第 1 版")
    tab.shot("restored")


def test_the_index_tab_adds_lists_and_removes_a_report(tab) -> None:
    tab.open()
    tab.page.get_by_role("tab", name="索引").click()
    table = tab.page.locator("#index-table")
    table.get_by_text("青禾市云岭镇人民政府").first.wait_for(timeout=WAIT_MS)
    tab.page.locator("#index-files input[type=file]").set_input_files(str(FIXTURES / "report_with_error.md"))
    tab.page.locator("#index-files").get_by_text("report_with_error.md").first.wait_for(timeout=WAIT_MS)
    tab.page.locator("#index-add").click()
    tab.page.locator("#index-summary").get_by_text("导入 1 份").wait_for(timeout=WAIT_MS)
    table.get_by_text("青禾市北林区交通运输局").first.wait_for(timeout=WAIT_MS)
    tab.shot("indexed")
    tab.page.locator("#index-remove-choice input").click()
    tab.page.get_by_role("option", name="青禾市北林区交通运输局", exact=False).click()
    tab.page.locator("#index-remove").click()
    tab.page.locator("#index-summary").get_by_text("已移除").wait_for(timeout=WAIT_MS)
    assert table.get_by_text("青禾市北林区交通运输局").count() == 0
    tab.shot("removed")


def test_last_years_licensing_figure_with_its_source(tab) -> None:
    tab.open()
    tab.page.get_by_role("tab", name="设置").click()
    tab.fill_setting("set-agency", "青禾市河湾区市场监督管理局")
    tab.page.locator("#set-save").click()
    tab.page.locator("#set-result").get_by_text("设置已保存").wait_for(timeout=WAIT_MS)
    assert tab.page.locator("#set-agency textarea, #set-agency input").first.input_value() == "青禾市河湾区市场监督管理局"
    tab.shot("settings")
    tab.page.get_by_role("tab", name="对话").click()
    tab.send("去年行政许可是多少？")
    answer = tab.reply_containing("1412")
    assert "2024" in answer.inner_text() and "hewan_2024.md" in answer.inner_text()
    tab.shot("figure-answer")


def test_an_uploaded_report_with_an_error_shows_the_finding_and_its_sentence(tab) -> None:
    tab.open()
    tab.upload(FIXTURES / "report_with_error.md")
    tab.page.locator("#draft-status").get_by_text("需要复核").wait_for(timeout=WAIT_MS)
    cell = tab.page.locator('#findings [role=gridcell][data-row="0"][data-col="2"]')
    cell.get_by_text("N.NUM").wait_for(timeout=WAIT_MS)
    assert tab.page.locator('#findings [role=gridcell][data-row="0"][data-col="0"]').inner_text() == "错误"
    tab.shot("finding")
    cell.click()
    location = tab.page.locator("#finding-location textarea")
    tab.page.wait_for_function("el => el.value.includes('53件')", arg=location.element_handle(), timeout=WAIT_MS)
    assert "作出行政许可决定53件" in location.input_value()
    tab.shot("finding-location")


def test_the_conversation_is_still_there_after_a_restart(tab, server) -> None:
    tab.open()
    tab.send("前年云岭镇行政处罚多少件？")
    tab.reply_containing("云岭镇人民政府2023年行政处罚")
    tab.shot("before-restart")
    server.stop()
    server.start()
    tab.page.reload(wait_until="load")
    tab.page.locator("#message textarea").wait_for(timeout=30_000)
    tab.reply_containing("云岭镇人民政府2023年行政处罚")
    assert tab.page.locator("#chatbot").get_by_text("前年云岭镇行政处罚多少件？").count() >= 1
    tab.shot("after-restart")


def test_markup_in_a_report_and_in_a_message_is_shown_as_text(tab) -> None:
    tab.open()
    tab.upload(FIXTURES / "report_xss.md")
    document = tab.page.locator("#draft-html")
    document.get_by_text(XSS).first.wait_for(timeout=WAIT_MS)
    assert document.locator("img").count() == 0
    tab.send(XSS)
    tab.page.locator("#chatbot").get_by_text(XSS).first.wait_for(timeout=WAIT_MS)
    assert tab.page.locator("#chatbot img[src=x]").count() == 0
    tab.page.wait_for_timeout(500)
    tab.shot("markup-as-text")


def test_markdown_images_and_links_in_a_message_load_nothing(tab) -> None:
    tab.open()
    tab.send(REMOTE_IMAGE)
    tab.page.locator("#chatbot").get_by_text(REMOTE_IMAGE).first.wait_for(timeout=WAIT_MS)
    tab.idle()
    tab.page.wait_for_timeout(500)
    assert tab.page.locator("#chatbot img[src^=http]").count() == 0
    assert tab.page.locator("#chatbot a[href^=javascript]").count() == 0


def test_pasting_long_notes_keeps_them_as_text(tab) -> None:
    tab.open()
    notes = EXAMPLE_NOTES + "\n【其他】" + "政务公开" * 300
    tab.page.locator("#message textarea").evaluate(PASTE_SCRIPT, notes)
    tab.page.wait_for_timeout(500)
    assert tab.page.locator('#message [aria-label="File thumbnail"]').count() == 0
