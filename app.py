"""The web page is not built yet; see the app issue. The CLI works: `python -m assistant --help`."""

import sys

if __name__ == "__main__":
    sys.exit("年报助手的网页尚未完成；请先使用命令行：python -m assistant --help")
