"""The backend for OpenAI-compatible chat services (OpenAI, llama.cpp, Ollama, vLLM); the one module using langchain/openai."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
from typing import Any, Callable, Iterator, Sequence

import openai
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage
from langchain_openai import ChatOpenAI
from langsmith import tracing_context
from pydantic import BaseModel, ValidationError

from assistant.llm.base import LLMError, Message, Request

PLACEHOLDER_KEY = "no-key"
JSON_INSTRUCTION = "只输出一个 JSON 对象，不要输出其他文字。它必须符合这个 JSON Schema：\n"
LANGCHAIN_CLASSES = {"system": SystemMessage, "user": HumanMessage, "assistant": AIMessage}


class OpenAIBackend:
    """Chat completions through langchain-openai's ChatOpenAI, every failure turned into an LLMError in Chinese."""

    is_model = True

    def __init__(
        self,
        base_url: str,
        api_key: str,
        model: str,
        timeout: float = 60,
        max_retries: int = 2,
        client: BaseChatModel | None = None,
        max_tokens: int | None = None,
        temperature: float | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.timeout = timeout
        self.max_retries = max_retries
        self.max_tokens = max_tokens
        self.temperature = temperature
        self._api_key = api_key or PLACEHOLDER_KEY
        self._chat = client
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        """The backend as shown to users: its model name."""
        return f"openai:{self.model or '?'}"

    def generate(self, request: Request, on_chunk: Callable[[str], None] | None = None) -> str:
        """The reply text; streamed through on_chunk when given; validated JSON when request.schema is set."""
        if not request.messages:
            raise LLMError(f"请求 {request.task} 没有任何消息，无法调用模型")
        with tracing_context(enabled=False):
            chat = self._chat_model()
            if request.schema is not None:
                text = self._structured(chat, request.messages, request.schema)
                if on_chunk:
                    on_chunk(text)
                return text
            messages = to_langchain(request.messages)
            return self._stream(chat, messages, on_chunk) if on_chunk else self._invoke(chat, messages)

    def check_connection(self) -> str:
        """A Chinese success message after listing models or a 1-token chat; LLMError saying what is wrong otherwise."""
        with tracing_context(enabled=False):
            listed = self._list_models()
            if not self.model:
                self._use_first(listed)
            if listed and self.model in listed:
                return f"连接成功：{self.base_url} 可用，模型 {self.model} 已就绪。"
            self._ping(self._chat_model(), listed)
        return f"连接成功：{self.base_url} 可用，模型 {self.model} 能正常回复。"

    def _invoke(self, chat: BaseChatModel, messages: list[BaseMessage]) -> str:
        with self._errors():
            reply = chat.invoke(messages)
        return self._nonempty(message_text(reply))

    def _stream(self, chat: BaseChatModel, messages: list[BaseMessage], on_chunk: Callable[[str], None]) -> str:
        pieces: list[str] = []
        finished = not isinstance(chat, ChatOpenAI)
        with contextlib.closing(chat.stream(messages)) as stream:
            for chunk in self._mapped(stream):
                piece = message_text(chunk)
                if piece:
                    pieces.append(piece)
                    on_chunk(piece)
                finished = finished or bool(chunk.response_metadata.get("finish_reason"))
        if not finished:
            raise LLMError("模型服务的流式回复中途断开，回复不完整")
        return self._nonempty("".join(pieces))

    def _structured(self, chat: BaseChatModel, messages: Sequence[Message], schema: type[BaseModel]) -> str:
        with self._errors():
            try:
                reply = chat.bind(response_format=response_format(schema)).invoke(to_langchain(messages))
            except (openai.BadRequestError, openai.UnprocessableEntityError):
                reply = chat.invoke(to_langchain(with_json_instruction(messages, schema)))
        text = self._nonempty(message_text(reply))
        return validated_json(text, schema, self._scrub)

    def _mapped(self, chunks: Iterator[Any]) -> Iterator[Any]:
        """The chunks of a stream, with the service's failures (not the caller's) turned into LLMErrors."""
        while True:
            with self._errors():
                chunk = next(chunks, None)
            if chunk is None:
                return
            yield chunk

    def _list_models(self) -> list[str] | None:
        """The model ids the service lists, or None when it has no /models endpoint."""
        with self._errors(), self._openai_client() as client:
            if client is None:
                return None
            try:
                return [m.id for m in client.models.list()]
            except (openai.NotFoundError, openai.APIResponseValidationError):
                return None

    @contextlib.contextmanager
    def _openai_client(self) -> Iterator[openai.OpenAI | None]:
        """The chat model's OpenAI client, or a short-lived one before the chat model exists."""
        if self._chat is not None:
            yield getattr(self._chat, "root_client", None)
            return
        with openai.OpenAI(
            base_url=self.base_url, api_key=self._api_key, timeout=self.timeout, max_retries=self.max_retries,
        ) as client:
            yield client

    def _ping(self, chat: BaseChatModel, listed: list[str] | None) -> None:
        """A 1-token chat; an unknown model is reported with the models the service does list."""
        with self._errors():
            try:
                chat.bind(max_tokens=1).invoke([HumanMessage("ping")])
            except openai.NotFoundError:
                if not listed:
                    raise
                raise LLMError(f"模型 {self.model} 不存在；该服务提供的模型：{'、'.join(listed[:10])}") from None

    def _chat_model(self) -> BaseChatModel:
        """The chat model, made on first use; with no model configured, the first one the service lists."""
        with self._lock:
            if self._chat is None:
                if not self.model:
                    self._use_first(self._list_models())
                self._chat = self._new_chat()
            return self._chat

    def _use_first(self, listed: list[str] | None) -> None:
        if not listed:
            raise LLMError(f"未配置模型名称，且模型服务 {self.base_url} 没有列出可用的模型")
        self.model = listed[0]

    def _new_chat(self) -> ChatOpenAI:
        return ChatOpenAI(
            base_url=self.base_url, api_key=self._api_key, model=self.model, timeout=self.timeout,
            max_retries=self.max_retries, max_tokens=self.max_tokens, temperature=self.temperature,
            use_responses_api=False,
        )

    def _nonempty(self, text: str) -> str:
        if not text.strip():
            raise LLMError("模型返回了空内容")
        return text

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn a failure of the service or of its reply into an LLMError with a Chinese message."""
        try:
            yield
        except LLMError:
            raise
        except openai.OpenAIError as error:
            raise LLMError(self._scrub(self._describe(error))) from None
        except (ValueError, TypeError, KeyError, IndexError, AttributeError) as error:
            detail = self._scrub(str(error))[:120]
            raise LLMError(f"模型服务返回了无法识别的内容（不是 OpenAI 格式的回复）：{detail}") from None

    def _describe(self, error: openai.OpenAIError) -> str:
        if isinstance(error, openai.APITimeoutError):
            return f"模型服务超时（{self.timeout:g} 秒内没有回复）：{self.base_url}"
        if isinstance(error, openai.APIConnectionError):
            return f"无法连接模型服务 {self.base_url}：{connection_reason(error)}"
        if isinstance(error, openai.APIStatusError):
            return self._describe_status(error)
        if isinstance(error, openai.LengthFinishReasonError):
            return "模型的回复超出长度上限被截断，结构化结果不完整"
        return f"模型服务出错：{type(error).__name__}"

    def _describe_status(self, error: openai.APIStatusError) -> str:
        status = error.status_code
        if status in (401, 403):
            return f"API 密钥无效或无权限（{status}）"
        if status == 404:
            return f"模型 {self.model} 不存在，或服务地址 {self.base_url} 不对（404）"
        if status == 429:
            return f"模型服务限流（429），已重试 {self.max_retries} 次"
        if status >= 500:
            return f"模型服务内部错误（{status}）"
        return f"模型服务拒绝了请求（{status}）：{server_message(error)}"

    def _scrub(self, text: str) -> str:
        """The text with the API key blanked out, wherever it appears."""
        key = self._api_key
        return text.replace(key, "***") if len(key) >= 4 and key != PLACEHOLDER_KEY else text


def to_langchain(messages: Sequence[Message]) -> list[BaseMessage]:
    """Our messages as LangChain messages."""
    return [LANGCHAIN_CLASSES[m.role](content=m.content) for m in messages]


def message_text(message: BaseMessage) -> str:
    """The plain text of a message or chunk."""
    return str(message.text)


def response_format(schema: type[BaseModel]) -> dict[str, Any]:
    """The OpenAI response_format asking for JSON that fits the schema (not strict, so defaults stay allowed)."""
    spec = {"name": schema.__name__, "schema": schema.model_json_schema(), "strict": False}
    return {"type": "json_schema", "json_schema": spec}


def with_json_instruction(messages: Sequence[Message], schema: type[BaseModel]) -> list[Message]:
    """The messages with the JSON instruction added to the system message, for services without response_format."""
    instruction = JSON_INSTRUCTION + json.dumps(schema.model_json_schema(), ensure_ascii=False)
    if messages and messages[0].role == "system":
        first = Message("system", messages[0].content + "\n\n" + instruction)
        return [first, *messages[1:]]
    return [Message("system", instruction), *messages]


def json_objects(text: str) -> Iterator[str]:
    """Every top-level JSON object in the text, in order."""
    decoder = json.JSONDecoder()
    position = text.find("{")
    while position != -1:
        try:
            _, end = decoder.raw_decode(text, position)
        except json.JSONDecodeError:
            position = text.find("{", position + 1)
            continue
        yield text[position:end]
        position = text.find("{", end)


def validated_json(text: str, schema: type[BaseModel], scrub: Callable[[str], str] = str) -> str:
    """The JSON text of the first object in text that fits schema; LLMError when none does."""
    first_error: ValidationError | None = None
    for candidate in json_objects(text):
        try:
            return schema.model_validate_json(candidate).model_dump_json()
        except ValidationError as error:
            first_error = first_error or error
    if first_error is None:
        preview = scrub(text.strip()[:60])
        raise LLMError(f"模型返回的结构化结果无法解析：回复中没有 JSON 对象（回复开头：{preview}）")
    raise LLMError(f"模型返回的结构化结果无法解析：{validation_summary(first_error)}")


def validation_summary(error: ValidationError) -> str:
    """The first few problems of a validation error, on one line."""
    problems = [f"{'.'.join(map(str, e['loc'])) or '（整体）'}：{e['msg']}" for e in error.errors()[:3]]
    return "；".join(problems)


def connection_reason(error: BaseException) -> str:
    """Why a connection failed, in Chinese, from the innermost cause."""
    inner: BaseException = error
    while inner.__cause__ is not None or inner.__context__ is not None:
        inner = inner.__cause__ or inner.__context__
    if isinstance(inner, ConnectionRefusedError):
        return "连接被拒绝（该地址没有服务在监听）"
    if isinstance(inner, socket.gaierror):
        return "找不到该主机名（请检查地址）"
    return str(inner) or type(inner).__name__


def server_message(error: openai.APIStatusError) -> str:
    """The server's own error message, shortened."""
    body = error.body
    message = body.get("message") if isinstance(body, dict) else body
    return str(message or error.message)[:200]
