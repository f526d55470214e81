"""A made-up official 2027 for tests only: shaped like a State Council notice, but invented.

Its days differ from the estimate on purpose where it matters (元旦 1 to 3 January, no change to
December 2026), so a test sees estimates turn into official dates once the file is in place.
Never copy it into data/: the real 2027 notice had not been published when this was written.
"""

SOURCE = """source:
  document: 测试用来源
  url: https://example.org/notice
  grade: N
  checked_on: 2026-11-30
"""

OFFICIAL_2027 = """year: 2027
status: official
notice:
  title: 测试用的虚构通知（不是真实通知）
""" + SOURCE + """holidays:
  - {name: 元旦, from: 2027-01-01, to: 2027-01-03}
  - {name: 春节, from: 2027-02-05, to: 2027-02-11}
  - {name: 清明节, from: 2027-04-03, to: 2027-04-05}
  - {name: 劳动节, from: 2027-05-01, to: 2027-05-05}
  - {name: 端午节, from: 2027-06-09, to: 2027-06-09}
  - {name: 中秋节, from: 2027-09-15, to: 2027-09-15}
  - {name: 国庆节, from: 2027-10-01, to: 2027-10-07}
workdays:
  - 2027-02-13
  - 2027-05-08
  - 2027-10-09
"""

# What the transfer-deadline calculator answers for an acceptance on 2026-12-20 under it:
# 转出地 12-21..12-25, 12-28..12-31, 01-04; 转入地 01-05..01-08, 01-11.
ACCEPTED = "2026-12-20"
OUT_DUE = "2027-01-04"
IN_DUE = "2027-01-11"
