"""Options shared by the whole suite. Keep this file small: fixtures belong next to their tests."""


def pytest_addoption(parser):
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite the golden files (tests/site/golden/) from the current output instead of comparing",
    )
