"""`python -m calculators NAME [options]`: see calculators.cli.

Run from the repository, an edited data/calendar/ is compiled into calculators/calendar_data.py
first (sitegen.calendar_module), so the answer uses the edited year with no command to remember;
edited places (data/national.yaml, provinces/, cities/) likewise into calculators/places_data.py.
Installed without sitegen (the browser's wheel), the compiled calendar is used as built.
"""

import sys

try:
    from sitegen.calendar_module import refresh_if_stale
    from sitegen.places_module import refresh_if_stale as refresh_places_if_stale
except ImportError:
    pass
else:
    _, problems = refresh_if_stale()
    for problem in problems:  # the last good calendar stays in use; say what to fix
        print(f"日历数据有问题，仍使用上次编译的日历：{problem}", file=sys.stderr)
    for problem in refresh_places_if_stale()[1]:  # the same for the places (sitegen.places_module)
        print(f"地区数据有问题，仍使用上次编译的地区数据：{problem}", file=sys.stderr)

from calculators.cli import main  # noqa: E402

raise SystemExit(main())
