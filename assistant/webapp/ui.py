"""The Gradio page's layout: chat beside the current draft, conversations, 索引 and 设置 tabs, and its wiring."""

from __future__ import annotations

from dataclasses import dataclass

import gradio as gr

from assistant.chat import MAX_TEXT_CHARS, ChatSession
from assistant.chat.helptext import EXAMPLE_LABELS, EXAMPLES
from assistant.settings import BACKENDS
from assistant.webapp import api
from assistant.webapp.handlers import Handlers
from assistant.webapp.view import EMPTY_DRAFT_HTML, FINDING_HEADERS, INDEX_HEADERS, UiState

CSS = """
.draft-doc { max-height: 640px; overflow-y: auto; padding: 8px 12px; border: 1px solid var(--border-color-primary);
  border-radius: 6px; background: var(--background-fill-primary); line-height: 1.7; }
.draft-doc h1 { font-size: 1.25em; text-align: center; margin: 0.3em 0 0.8em; }
.draft-doc h2 { font-size: 1.05em; margin: 0.8em 0 0.3em; }
.draft-doc h3 { font-size: 1em; margin: 0.5em 0 0.2em; }
.draft-doc p { text-indent: 2em; margin: 0.2em 0; }
.draft-doc table { border-collapse: collapse; width: 100%; font-size: 0.82em; margin: 0.4em 0 0.8em; }
.draft-doc th, .draft-doc td { border: 1px solid #888; padding: 2px 4px; text-align: center; }
.draft-doc td.label { text-align: left; }
"""
PRIVATE = {"api_visibility": "private"}


@dataclass
class ChatParts:
    """The chat tab's components."""

    new: gr.Button
    conversations: gr.Radio
    chatbot: gr.Chatbot
    box: gr.MultimodalTextbox


@dataclass
class DraftParts:
    """The draft panel's components, in the order the handlers fill them."""

    document: gr.HTML
    status: gr.Markdown
    findings: gr.Dataframe
    location: gr.Textbox
    version: gr.Dropdown
    docx: gr.DownloadButton
    md: gr.DownloadButton

    def outputs(self) -> list:
        """The components a draft update writes."""
        return [self.document, self.status, self.findings, self.location, self.version, self.docx, self.md]


def build(session: ChatSession, login: bool = False, secret: str = "") -> gr.Blocks:
    """The whole page for one chat session core; secret keeps browser-kept state readable across restarts."""
    handlers = Handlers(session)
    with gr.Blocks(title="年报助手", analytics_enabled=False, fill_width=True) as page:
        api.register(session, login)
        saved = gr.BrowserState({}, storage_key="nianbao-assistant", secret=secret or None)
        ui = gr.State(UiState())
        gr.Markdown("## 年报助手 · 政府信息公开工作年度报告")
        with gr.Tab("对话", id="chat"):
            chat, draft = _chat_tab()
        with gr.Tab("索引", id="index"):
            index_outputs = _index_tab(handlers)
        with gr.Tab("设置", id="settings"):
            setting_fields = _settings_tab(handlers, session, ui, saved)
        conversation_outputs = [ui, saved, chat.conversations, chat.chatbot, *draft.outputs()]
        _wire_chat(handlers, ui, chat, draft, conversation_outputs)
        page.load(handlers.load, [saved, ui], [*conversation_outputs, *setting_fields], **PRIVATE)
        page.load(handlers.listing, None, index_outputs, **PRIVATE)
    return page


def _chat_tab() -> tuple[ChatParts, DraftParts]:
    with gr.Row(equal_height=False):
        with gr.Column(scale=2, min_width=200):
            new = gr.Button("＋ 新对话", variant="secondary", elem_id="new-conversation")
            conversations = gr.Radio(label="对话（按时间）", choices=[], elem_id="conversations")
        with gr.Column(scale=5, min_width=360):
            chatbot = gr.Chatbot(label="对话", height=560, elem_id="chatbot", buttons=["copy"])
            box = gr.MultimodalTextbox(
                placeholder="粘贴工作要点起草年报、粘贴或上传年报全文检查、询问往年数字…（Enter 发送，Shift+Enter 换行）",
                file_count="multiple", show_label=False, elem_id="message", max_plain_text_length=MAX_TEXT_CHARS,
            )
            gr.Examples([[{"text": e, "files": []}] for e in EXAMPLES], inputs=[box], label="示例",
                        example_labels=list(EXAMPLE_LABELS))
        with gr.Column(scale=6, min_width=420):
            draft = _draft_panel()
    return ChatParts(new, conversations, chatbot, box), draft


def _draft_panel() -> DraftParts:
    status = gr.Markdown("", elem_id="draft-status")
    document = gr.HTML(EMPTY_DRAFT_HTML, elem_id="draft-html")
    findings = gr.Dataframe(headers=FINDING_HEADERS, value=[], interactive=False, wrap=True,
                            label="检查结果（错误在前，点击一行查看原文）", elem_id="findings", max_height=300)
    location = gr.Textbox(label="所在的句子或单元格", lines=2, interactive=False, elem_id="finding-location")
    with gr.Row():
        version = gr.Dropdown(label="版本（选择以恢复）", choices=[], value=None, elem_id="versions", scale=2)
        docx = gr.DownloadButton("下载 .docx", value=None, elem_id="download-docx", scale=1)
        md = gr.DownloadButton("下载 .md", value=None, elem_id="download-md", scale=1)
    return DraftParts(document, status, findings, location, version, docx, md)


def _wire_chat(handlers: Handlers, ui: gr.State, chat: ChatParts, draft: DraftParts, outputs: list) -> None:
    chat.new.click(handlers.new_conversation, [ui], outputs, **PRIVATE)
    chat.conversations.input(handlers.select_conversation, [chat.conversations, ui], outputs, **PRIVATE)
    chat.box.submit(handlers.submit, [chat.box, ui], [chat.box, chat.chatbot, chat.conversations, *draft.outputs()],
                    concurrency_limit=4, **PRIVATE)
    draft.findings.select(handlers.show_location, [ui], [draft.location], **PRIVATE)
    draft.version.input(handlers.restore_version, [draft.version, ui], [chat.chatbot, *draft.outputs()], **PRIVATE)


def _index_tab(handlers: Handlers) -> list:
    gr.Markdown("上传往年已发布的年报（.docx / .pdf / .txt / .html / .md），用于回答“去年……是多少”、对照往年写法和跨年核对。")
    files = gr.File(label="上传往年年报", file_count="multiple", elem_id="index-files")
    add = gr.Button("加入索引", variant="primary", elem_id="index-add")
    summary = gr.Markdown("", elem_id="index-summary")
    table = gr.Dataframe(headers=INDEX_HEADERS, value=[], interactive=False, wrap=True, label="已索引的报告",
                         elem_id="index-table")
    with gr.Row():
        chosen = gr.Dropdown(label="选择要移除的报告", choices=[], elem_id="index-remove-choice", scale=3)
        remove = gr.Button("移除", variant="stop", elem_id="index-remove", scale=1)
    refresh = gr.Button("刷新列表", size="sm", elem_id="index-refresh")
    add.click(handlers.ingest, [files], [summary, table, chosen], concurrency_limit=1, **PRIVATE)
    remove.click(handlers.drop, [chosen], [summary, table, chosen], **PRIVATE)
    refresh.click(handlers.listing, None, [table, chosen], **PRIVATE)
    return [table, chosen]


def _settings_tab(handlers: Handlers, session: ChatSession, ui: gr.State, saved: gr.BrowserState) -> list:
    server = session.settings
    gr.Markdown("这些设置只对当前浏览器有效。API 密钥只保存在服务器内存中，不会显示出来，也不会保存到浏览器。")
    fields = [
        gr.Textbox(label="机关名称（起草用）", value=server.agency, elem_id="set-agency"),
        gr.Number(label="起草年度", value=server.draft_year, precision=0, elem_id="set-year"),
        gr.Radio(list(BACKENDS), label="起草后端", value=server.backend, elem_id="set-backend",
                 info="offline：离线模板；openai：OpenAI 兼容接口；local：本机 GGUF 模型（文件由服务器的 ASSISTANT_LOCAL_MODEL 指定）"),
        gr.Textbox(label="接口地址（OpenAI 兼容）", value=server.base_url, elem_id="set-url"),
        gr.Textbox(label="模型名称", value=server.model, elem_id="set-model"),
        gr.Textbox(label="API 密钥", type="password", value="", elem_id="set-key",
                   placeholder="已设置" if server.api_key else "未设置"),
    ]
    with gr.Row():
        save = gr.Button("保存设置", variant="primary", elem_id="set-save")
        test = gr.Button("测试连接", elem_id="set-test")
    result = gr.Markdown("", elem_id="set-result")
    save.click(handlers.save_settings, [ui, *fields], [ui, saved, fields[-1], result], **PRIVATE)
    test.click(handlers.check_connection, [ui, *fields], [result], concurrency_limit=2, **PRIVATE)
    return fields
