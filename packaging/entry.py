"""The frozen program's entry point: the same as ``python -m desktop`` / ``frontdesk``."""

import sys

from desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
