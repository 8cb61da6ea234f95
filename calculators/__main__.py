"""``python -m calculators``: the command line (see calculators.cli)."""

import sys

from calculators.cli import main

if __name__ == "__main__":
    sys.exit(main())
