"""The national rules (by id in data/national.yaml) the planner cites, and the local fact kinds it
reads. sitegen.compile.places_module compiles exactly these rules into calculators/places_data.py and
refuses to compile when one is missing from the data."""

PLAN_RULE_IDS: tuple[str, ...] = (
    "scope",
    "no_double_enrolment",
    "who_employee",
    "who_resident",
    "who_cross_scheme",
    "review_points",
    "channels",
    "transfer_out_workdays",
    "transfer_in_workdays",
    "faster_local_limits",
    "workday_counting",
    "personal_account",
    "gap_retroactive_max_months",
    "employee_wait_max_months",
    "switch_min_continuous_years",
    "resident_fixed_wait_months",
    "resident_months_per_lapsed_year",
    "resident_long_lapse_floor_months",
    "resident_repair",
    "resident_wait_exempt",
)

# Local fact kinds with a meaning for the planner (sitegen.data.model.FactKind).
MAX_WAIT_KIND = "max_waiting_months"  # value: the place's longest waiting period, in months
GAP_RULE_KIND = "gap_rule"  # a place's own wording of what a gap costs (shown beside the national answer)
ACCOUNT_KIND = "personal_account"  # a province's rule on the personal account within the province
TIME_LIMIT_KIND = "transfer_time_limit"  # a faster local processing time
# The 转入地's own rules under 国办发〔2024〕38号 and for a 职工 gap (read by calculators.plan_waiting).
FIXED_WAIT_KIND = "resident_fixed_wait_months"  # value: the fixed waiting months
PER_YEAR_KIND = "resident_months_per_lapsed_year"  # value: the variable months per lapsed year
COUNTING_KIND = "lapse_counting"  # value: "after_first" or "every" (calculators.lapse_counting)
BENEFIT_START_KIND = "benefit_start"  # when benefits start for a payment in the window (its text is cited)
EMPLOYEE_GAP_WAIT_KIND = "employee_gap_wait"  # value: the longest 职工 waiting period after a gap, in months
