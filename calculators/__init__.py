"""医保转移指南的计算器：纯 Python，无 I/O，不读取系统日期。

Each module holds one calculator and cites the rule it implements; the rule numbers themselves
live in `calculators.rules`. `calculators.cli.run(argv)` is the one entry point shared by the
command line (`python -m calculators NAME ...`), the browser (Pyodide) and the vector tests.
"""
