"""National rule values used by the calculators.

GENERATED from data/national.yaml by `python -m sitegen rules`; do not edit by hand.
Each constant is one rule of the dataset; its document and article are in the comment.
A drift test regenerates this file and fails if it differs.
"""

from decimal import Decimal

# transfer_out_workdays: 医保办发〔2021〕43号 (article number unconfirmed)
TRANSFER_OUT_WORKDAYS = 10
# transfer_in_workdays: 医保办发〔2021〕43号 (article number unconfirmed)
TRANSFER_IN_WORKDAYS = 5
# gap_retroactive_max_months: 医保办发〔2021〕43号 (article number unconfirmed)
GAP_RETROACTIVE_MAX_MONTHS = 3
# employee_wait_max_months: 医保办发〔2021〕43号 (article number unconfirmed)
EMPLOYEE_WAIT_MAX_MONTHS = 6
# switch_min_continuous_years: 医保办发〔2021〕43号 (article number unconfirmed)
SWITCH_MIN_CONTINUOUS_YEARS = 2
# resident_fixed_wait_months: 国办发〔2024〕38号 (article number unconfirmed)
RESIDENT_FIXED_WAIT_MONTHS = 3
# resident_months_per_lapsed_year: 国办发〔2024〕38号 (article number unconfirmed)
RESIDENT_MONTHS_PER_LAPSED_YEAR = 1
# resident_long_lapse_years: 国办发〔2024〕38号 (article number unconfirmed)
RESIDENT_LONG_LAPSE_YEARS = 4
# resident_long_lapse_floor_months: 国办发〔2024〕38号 (article number unconfirmed)
RESIDENT_LONG_LAPSE_FLOOR_MONTHS = 6
# late_fee_daily_rate: 社会保险法 第八十六条
LATE_FEE_DAILY_RATE = Decimal("0.0005")
