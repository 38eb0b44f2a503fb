"""The command line: `python -m assistant ...`; each area registers its own commands."""

from __future__ import annotations

import importlib

import click

COMMAND_MODULES = ("parse", "check", "index", "draft")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """年报助手: draft, check and ask about 政府信息公开工作年度报告."""


def _register_all() -> None:
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"assistant.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"assistant.commands.{name}":
                raise
            continue
        module.register(main)


_register_all()
