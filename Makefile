# newsetl: the two commands are `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export DO_NOT_TRACK := 1

.PHONY: install run test bench eval lock clean

# The venv is rebuilt only when the lock or the project metadata change.
$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

install: $(VENV)/.installed

run: install
	$(BIN)/newsetl run

test: install
	$(BIN)/python -m pytest -q

eval: install
	$(BIN)/python -m bench.evaluate

bench: install
	$(BIN)/python -m bench.run

# Regenerate the lock after editing pyproject.toml dependencies.
lock: install
	$(BIN)/uv pip compile pyproject.toml --group dev --generate-hashes --python-version 3.11 --no-header --universal -o requirements.lock

clean:
	rm -rf $(VENV) data
