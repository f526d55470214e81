# Every target sets itself up on a fresh machine: `make test` and `make serve` are all you need.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# pyenv resolves `python3` to 3.13 through .python-version; fall back to an explicit python3.13.
PYTHON313 := $(shell for p in python3 python3.13; do v=$$($$p -c 'import sys;print("%d.%d"%sys.version_info[:2])' 2>/dev/null); [ "$$v" = "3.13" ] && { command -v $$p; break; }; done)

.PHONY: help setup system-deps python-deps node-deps compile wheels check test serve build offline serve-public bench clean

help:
	@echo "make serve  - editor preview on http://127.0.0.1:8000 (live reload)"
	@echo "make test   - the whole test suite (unit, property, Pyodide, build, browser)"
	@echo "make check  - the fast tier for editors: data, pure-Python tests, every page rendered (no browser)"
	@echo "make build  - the public site in site/"
	@echo "make offline       - offline HTML bundle (dist/yibao-offline.zip), works from file://"
	@echo "make serve-public  - the built site through nginx with the production config, 127.0.0.1:8080"
	@echo "make bench         - benchmarks"

setup: system-deps python-deps node-deps

system-deps:
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v nginx >/dev/null || missing="$$missing nginx-light"; \
	[ -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing="$$missing libnginx-mod-http-brotli-static"; \
	dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing="$$missing fonts-noto-cjk"; \
	command -v firefox-esr >/dev/null || missing="$$missing firefox-esr"; \
	command -v WebKitWebDriver >/dev/null || missing="$$missing webkit2gtk-driver"; \
	command -v xvfb-run >/dev/null || missing="$$missing xvfb xauth"; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q $$missing; \
	fi

python-deps: $(STAMP)
$(STAMP): requirements.lock pyproject.toml
	@[ -n "$(PYTHON313)" ] || { echo "Python 3.13 not found (pyenv: 'pyenv install 3.13')"; exit 1; }
	[ -x $(PY) ] || $(PYTHON313) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.lock
	$(PY) -m pip install -q --no-deps --no-build-isolation -e .
	touch $(STAMP)

node-deps: node_modules/.package-lock.json
node_modules/.package-lock.json: package-lock.json package.json
	npm ci --no-audit --no-fund
	touch $@

# Every module of calculators/ generated from data/ (rules, calendar, places): sitegen/compile.py.
compile: setup
	$(PY) -m sitegen compile

# The calculators as a py-compiled wheel for Pyodide (build/pyodide/).
wheels: setup compile
	$(PY) tools/build_wheels.py

# The fast tier: no browser, no site build; the pages read the runtime that `make wheels` built (a no-op when current).
check: setup compile wheels
	$(PY) -m sitegen check
	$(PY) -m pytest -q -m "not slow and not browser and not pyodide and not measures" \
	  tests/calculators tests/data tests/sitegen tests/site

test: setup compile wheels
	$(PY) -m pytest

serve: setup compile wheels
	$(VENV)/bin/mkdocs serve --dirty --livereload -a 127.0.0.1:8000

SITE_INPUTS := $(shell find data templates docs calculators sitegen web overrides -type f -not -path '*/__pycache__/*' 2>/dev/null) mkdocs.yml

build: setup compile wheels
	$(VENV)/bin/mkdocs build --strict
	touch site/.built

site/.built: $(SITE_INPUTS) | setup wheels
	$(MAKE) build

offline: setup compile wheels
	OFFLINE=true $(VENV)/bin/mkdocs build --strict -d build/offline-site
	$(PY) tools/offline_bundle.py build/offline-site --out dist/yibao-offline.zip

serve-public: site/.built
	mkdir -p build/nginx
	@echo "serving site/ with deploy/nginx.conf on http://127.0.0.1:8080 (Ctrl-C stops)"
	nginx -p "$(CURDIR)/" -c deploy/nginx.conf -g 'daemon off;'

bench: setup compile wheels
	$(PY) tools/bench.py

clean:
	rm -rf site dist build .pytest_cache
