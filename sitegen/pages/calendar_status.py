"""Whether the next year's holidays are still missing, as one line for the pages and the build log.

From 1 November of the last official year (notices have come out between late October and mid
December), a reader who counts working days into the next year gets estimates; the calculators say
so in one short line wherever they appear, and `mkdocs build` logs it as information. Before 1
November, or once the next year is official, there is nothing to say.
"""

from __future__ import annotations

import datetime

from sitegen.data.model import CalendarYear

NOTICE_MONTH = 11


def pending_notice(calendar: dict[int, CalendarYear], today: datetime.date | None) -> str | None:
    """The line to show on `today`, or None."""
    official = [year for year, record in calendar.items() if record.status == "official"]
    if today is None or not official:
        return None
    last = max(official)
    if today < datetime.date(last, NOTICE_MONTH, 1):
        return None
    pending = last + 1
    return (f"{pending} 年的放假安排（国务院办公厅通知）尚未公布：计算到 {pending} 年的工作日期限是按法定节假日估算的，"
            f"会标明“预计”；{last} 年 12 月底的几天也可能被调整。通知公布后本站会更新。")
