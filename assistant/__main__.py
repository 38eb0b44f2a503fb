"""Entry point for `python -m assistant`."""

from assistant.cli import main

if __name__ == "__main__":
    main(prog_name="python -m assistant")
