"""Sanity bounds on inputs. These are not rules: they catch typos (an extra zero, a wrong
century) before they turn into confident nonsense. Each bound is generous on purpose.
"""

from decimal import Decimal

# Dates: nothing these calculators answer predates the official calendar data (2004) or is
# planned beyond this century.
MIN_YEAR = 2004
MAX_YEAR = 2100

# A number of days (late-fee days, working days to add): one hundred years.
MAX_DAYS = 36500

# An amount in 元 (arrears of one employer, a yearly contribution rate): 一百亿元.
MAX_AMOUNT = Decimal("10000000000")

# Years of lapse in 居民医保: longer than any enrolment history.
MAX_LAPSED_YEARS = 100

# A province's own waiting months (fixed, or added per lapsed year): a year at most.
MAX_LOCAL_WAIT_MONTHS = 12

# Months of continuous cover before switching scheme: one hundred years.
MAX_CONTINUOUS_MONTHS = 1200

# Months in one back-payment table: fifty years.
MAX_BACK_PAYMENT_MONTHS = 600

# Longest input text echoed back in an error message.
MAX_ECHO_CHARS = 40
