"""The bundle's program: ``counterdesk`` as the installed command is, for PyInstaller.

``freeze_support`` first: the voice runs in a spawned child process, which in a frozen program
is this same executable started again, and must run the child's work instead of the command.
"""

import multiprocessing
import sys

from counterdesk.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
