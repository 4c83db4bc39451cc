# The README's two commands, `make demo` and `make test`, each do their own set-up.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
# The Dagster instance of `make demo` and `make ui`: runs, logs and schedules, with the shipped dagster.yaml.
DAGSTER_HOME_DIR := $(CURDIR)/.dagster_home
DAGSTER := DAGSTER_HOME=$(DAGSTER_HOME_DIR) $(BIN)/dagster
QUIET_LOGS := '{"loggers": {"console": {"config": {"log_level": "INFO"}}}}'
# The demo's first run audits as of a week before the newest message, so its history holds two audits.
WEEK_BEFORE := '{"loggers": {"console": {"config": {"log_level": "INFO"}}}, "ops": {"support_audit": {"config": {"weeks_back": 1}}}}'

.PHONY: install system-deps demo test lint ui bench clean

$(INSTALLED): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(INSTALLED)

install: $(INSTALLED)

$(DAGSTER_HOME_DIR)/dagster.yaml: dagster.yaml
	mkdir -p $(DAGSTER_HOME_DIR)
	cp dagster.yaml $@

# Every asset and its checks, through Dagster (multiprocess, pools), then where the results are.
# Then the audit alone again: the first run audits as it was a week before, so the history has two audits.
# Dagster's event log goes to a file; on failure its end is shown.
demo: $(INSTALLED) $(DAGSTER_HOME_DIR)/dagster.yaml
	@echo "materializing every asset and check through Dagster, then the audit again (log: $(DAGSTER_HOME_DIR)/demo.log)"
	@{ $(DAGSTER) asset materialize -m fern_pipeline.definitions --select '*' --config-json $(WEEK_BEFORE) \
		&& $(DAGSTER) asset materialize -m fern_pipeline.definitions --select support_audit --config-json $(QUIET_LOGS); } \
		> $(DAGSTER_HOME_DIR)/demo.log 2>&1 || { tail -n 40 $(DAGSTER_HOME_DIR)/demo.log; exit 1; }
	@$(BIN)/python -m fern_pipeline.demo.summary

ui: $(INSTALLED) $(DAGSTER_HOME_DIR)/dagster.yaml
	$(DAGSTER) dev -w workspace.yaml

# The performance benchmark of issue 7 (README, "Performance"); BENCH_ARGS="--sizes 200k --repeats 1" runs less.
BENCH_INSTALLED := $(VENV)/.bench-installed
$(BENCH_INSTALLED): $(INSTALLED) benchmarks/requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r benchmarks/requirements.txt -c requirements.lock
	touch $(BENCH_INSTALLED)

# Then the lake against the file, and four sources at once (issue 15); LAKE_BENCH_ARGS="--repeats 1".
# Then the commands' start (issue 24); STARTUP_BENCH_ARGS="--repeats 3".
bench: $(BENCH_INSTALLED)
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)
	$(BIN)/python -m benchmarks.lake $(LAKE_BENCH_ARGS)
	$(BIN)/python -m benchmarks.startup $(STARTUP_BENCH_ARGS)

# Chromium, PostgreSQL and redis-server from Debian's packages: installed when missing (as root, with
# apt-get), else one line saying what to install, before anything else is done.
system-deps:
	@.ci/system-deps

# Two workers, one per core of the machines CI runs on: the end-to-end tests wait on subprocesses.
# With FERN_REQUIRE_SYSTEM_TESTS=1 a skipped test fails, unless it declares its data optional.
test: system-deps $(INSTALLED)
	FERN_REQUIRE_SYSTEM_TESTS=1 $(BIN)/python -m pytest -n 2

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) data .dagster_home .pytest_cache .ruff_cache
