"""Helpers for reading user-typed text: normalisation and safe echoing in messages."""

from __future__ import annotations

import re
import unicodedata

from calculators.limits import MAX_ECHO_CHARS


def normalise(text: str) -> str:
    """NFKC (full-width digits such as "２０２６" become ASCII) and surrounding spaces removed."""
    return unicodedata.normalize("NFKC", text).strip()


def shown(text: str) -> str:
    """The input as quoted in a message: shortened, and always encodable as UTF-8."""
    if len(text) > MAX_ECHO_CHARS:
        text = text[:MAX_ECHO_CHARS] + "…"
    return "“" + text.encode("utf-8", "backslashreplace").decode("utf-8") + "”"


WEEKDAYS = "一二三四五六日"


def date_words(day) -> str:
    """The one written form of a date in an answer: 2027-02-03 → 2027年2月3日（星期三）.
    ISO dates stay in JSON fields and in <time datetime>."""
    return f"{day.year}年{day.month}月{day.day}日（星期{WEEKDAYS[day.weekday()]}）"


def month_words(month) -> str:
    """The one written form of a month in an answer: the month of 2027-02-01 → 2027年2月."""
    return f"{month.year}年{month.month}月"


_ISO_IN_TEXT = re.compile(r"https?://\S+"  # a URL is left as it is
                          r"|(?<![\d/.-])(?P<year>(?:19|20)\d{2})-(?P<month>0[1-9]|1[0-2])(?:-(?P<day>\d{2}))?(?!\d)")


def dates_in_words(value: object) -> str:
    """Free text from data/ (a source's title or note) with its ISO dates and months written
    as the site writes them: 2023-12-20 → 2023年12月20日, 2025-04 → 2025年4月. URLs are left
    as they are."""

    def word(match: re.Match) -> str:
        if match["year"] is None:
            return match[0]
        return f"{match['year']}年{int(match['month'])}月" + (f"{int(match['day'])}日" if match["day"] else "")

    return _ISO_IN_TEXT.sub(word, str(value))
