"""`python -m calculators NAME [options]`: see calculators.cli.

The calculators read only the modules compiled from data/ (`python -m sitegen compile`, which
`make` runs before the tests and the preview); they never import sitegen.
"""

from calculators.cli import main

raise SystemExit(main())
