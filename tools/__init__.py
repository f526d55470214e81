"""The project's command-line tools (`python tools/<name>.py …`), installed as the package
`tools` by `make setup` (`pip install -e .`), so the tests and the benchmarks import them
(`from tools import bench_browser`) without editing sys.path."""
