"""Starting the page: who may log in, first-start corpus, offline Gradio launch settings."""

from __future__ import annotations

import ipaddress
import logging
import os
import secrets
from pathlib import Path

from assistant.chat import ChatSession, ChatStore
from assistant.settings import load_settings

log = logging.getLogger(__name__)
LOOPBACK_NAMES = ("localhost",)
MAX_FILE_SIZE = "20mb"
QUEUE_CONCURRENCY = 4


class LaunchError(ValueError):
    """The server cannot start as asked; the message says why, in Chinese."""


def parse_users(env_value: str, users_file: Path | None = None) -> list[tuple[str, str]]:
    """(user, password) pairs from 'u:pw,u2:pw2' and/or a file with one 'user:password' a line."""
    entries = [part for part in (env_value or "").split(",") if part.strip()]
    if users_file is not None:
        try:
            lines = Path(users_file).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise LaunchError(f"无法读取用户文件 {users_file}：{exc.strerror or exc}") from None
        entries += [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    return [_user(entry) for entry in entries]


def _user(entry: str) -> tuple[str, str]:
    name, sep, password = entry.strip().partition(":")
    if not sep or not name.strip() or not password:
        raise LaunchError(f"用户格式应为 user:password，收到“{entry.strip().split(':')[0]}:…”")
    return name.strip(), password


def is_loopback(host: str) -> bool:
    """Whether a bind address only accepts connections from this machine."""
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def prepare(data_dir: Path | None, host: str, users: list[tuple[str, str]]) -> ChatSession:
    """The chat session core for a data folder, with the sample corpus indexed on first start."""
    if not is_loopback(host) and not users:
        raise LaunchError(
            f"在非本机地址 {host} 上提供服务必须设置登录用户：设置 ASSISTANT_USERS=\"user:password\" 或使用 --users FILE"
        )
    settings = load_settings()
    if data_dir is not None:
        settings = settings.with_changes(data_dir=Path(data_dir))
    try:
        Path(settings.data_dir).mkdir(parents=True, exist_ok=True)
        session = ChatSession(settings, ChatStore.in_dir(settings.data_dir))
    except OSError as exc:
        raise LaunchError(f"无法使用数据目录 {settings.data_dir}：{exc.strerror or exc}") from None
    _ensure_corpus(session)
    return session


def _ensure_corpus(session: ChatSession) -> None:
    try:
        summary = session.index.ensure_corpus()
    except Exception as exc:  # the page still works without the sample corpus
        log.warning("sample corpus not indexed: %s", exc)
        return
    if summary is not None:
        log.info("sample corpus indexed: %s", summary.text())


def browser_secret(data_dir: Path) -> str:
    """The key that encrypts what browsers keep, made once per data folder so restarts can read it."""
    path = data_dir / "browser-secret"
    if not path.exists():
        path.write_text(secrets.token_hex(32), encoding="ascii")
        path.chmod(0o600)
    return path.read_text(encoding="ascii").strip()


def serve(session: ChatSession, host: str, port: int, users: list[tuple[str, str]]) -> None:
    """Build the page and serve it until interrupted; never contacts anything but the browser."""
    os.environ.setdefault("GRADIO_TEMP_DIR", str(Path(session.settings.data_dir) / "uploads"))
    from assistant.webapp.ui import CSS, build

    page = build(session, login=bool(users), secret=browser_secret(Path(session.settings.data_dir)))
    page.queue(default_concurrency_limit=QUEUE_CONCURRENCY)
    page.launch(
        server_name=host, server_port=port, share=False, ssr_mode=False, auth=users or None,
        auth_message="请登录年报助手" if users else None, max_file_size=MAX_FILE_SIZE, css=CSS,
        show_error=True, quiet=False,
        allowed_paths=[str(Path(session.settings.data_dir) / "exports")],
    )
