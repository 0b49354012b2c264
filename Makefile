# PenPortrait: the only two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench schema forms screenshots clean dist dist-check

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit("PenPortrait needs Python 3.11 or newer; found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/penportrait

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy penportrait

# The bench's own set-up: WeasyPrint (the peer renderer) and the Pango libraries it needs.
bench: $(STAMP)
	bash bench/setup.sh $(PY)
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

# The self-contained app for this machine (README, "Installing at a school"): dist/penportrait/
# and an archive of it. PyInstaller comes with the `dist` extra; the recipe is in .ci/dist/.
DIST_STAMP := $(VENV)/.dist-installed
$(DIST_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev,dist]'
	touch $(DIST_STAMP)

dist: $(DIST_STAMP)
	$(PY) .ci/dist/build.py

# Build, then run the built app with no virtual environment on the PATH (what CI does).
dist-check: dist
	bash .ci/dist/smoke.sh dist/penportrait/penportrait

# Designer sources (ui/*.ui) -> penportrait/gui/forms (generated, committed, never hand-edited).
forms: $(STAMP)
	for ui in ui/*.ui; do $(VENV)/bin/pyside6-uic $$ui -o penportrait/gui/forms/ui_$$(basename $$ui .ui).py; done

schema: $(STAMP)
	$(PY) -m penportrait.core.model > docs/pupil.schema.json

# The screenshot README shows: a real window under Xvfb when it is installed, else offscreen.
screenshots: $(STAMP)
	if command -v xvfb-run >/dev/null; then \
	  xvfb-run -a -s "-screen 0 1600x1000x24" $(PY) docs/screenshot.py docs/screenshot.png; \
	else QT_QPA_PLATFORM=offscreen $(PY) docs/screenshot.py docs/screenshot.png; fi

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
