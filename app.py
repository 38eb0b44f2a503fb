"""The web page: `python app.py [--host 127.0.0.1] [--port 7860] [--data-dir DIR] [--users FILE]`."""

from __future__ import annotations

import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

import argparse
import sys
from pathlib import Path

from assistant.webapp.launch import LaunchError, parse_users, prepare, serve


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options, with ASSISTANT_HOST / ASSISTANT_PORT / ASSISTANT_DATA_DIR as defaults."""
    parser = argparse.ArgumentParser(description="年报助手网页")
    parser.add_argument("--host", default=os.environ.get("ASSISTANT_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("ASSISTANT_PORT") or 7860))
    parser.add_argument("--data-dir", type=Path, default=os.environ.get("ASSISTANT_DATA_DIR") or None)
    parser.add_argument("--users", type=Path, default=None, help="文件，每行 user:password")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Start the server; exit code 2 with one line for bad settings."""
    args = arguments(argv)
    try:
        users = parse_users(os.environ.get("ASSISTANT_USERS", ""), args.users)
        session = prepare(args.data_dir, args.host, users)
    except LaunchError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    serve(session, args.host, args.port, users)
    return 0


if __name__ == "__main__":
    sys.exit(main())
