"""`python -m calculators NAME [options]`: see calculators.cli."""

from calculators.cli import main

raise SystemExit(main())
