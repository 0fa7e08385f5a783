"""``python -m counterdesk``: the same as the ``counterdesk`` command."""

import sys

from counterdesk.cli import main

sys.exit(main())
