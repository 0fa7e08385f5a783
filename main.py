"""Thin launcher: ``python main.py [command] [options]`` is ``counterdesk [command] [options]``."""

import sys

from counterdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
