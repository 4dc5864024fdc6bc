"""``python -m desktop`` is the same as the ``frontdesk`` command."""

import sys

from desktop.app import main

sys.exit(main())
