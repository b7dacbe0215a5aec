# Civic Forum: `make run` serves the site, `make test` runs the whole suite.
# Both set everything up first (virtualenv, Python and npm packages, assets, database).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi
INSTALLED := $(VENV)/.installed
ASSETS := forum/static/build/app.css
DEV_KEY := instance/dev-secret-key
DEV_ENV = FORUM_ENV=development FORUM_SECRET_KEY=$$(cat $(DEV_KEY))

.PHONY: run test install assets db bench bench-pages bench-search bench-insights check clean

install: $(INSTALLED) node_modules/.installed

$(INSTALLED): setup.cfg pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,postgres]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

assets: $(ASSETS)

$(ASSETS): node_modules/.installed forum/static/src/app.scss forum/static/src/build.mjs $(wildcard forum/static/src/js/*.js)
	npm run --silent build

$(DEV_KEY):
	mkdir -p instance
	$(BIN)/python -c "import secrets; print(secrets.token_hex(32))" > $@
	@echo "Generated a development secret key in $@ (for this machine only; production reads FORUM_SECRET_KEY)."

db: install $(DEV_KEY)
	$(DEV_ENV) $(FLASK) db upgrade
	$(DEV_ENV) $(FLASK) forum seed-demo --if-empty
	@# An index missing, out of step, or built by an older version is rebuilt (seconds at demo size).
	@$(DEV_ENV) $(FLASK) forum search status >/dev/null \
	  || $(DEV_ENV) $(FLASK) forum search rebuild

run: install assets db
	@echo "Civic Forum is starting on http://127.0.0.1:5000"
	$(DEV_ENV) $(FLASK) run --host 127.0.0.1 --port 5000

test: install assets
	$(BIN)/pytest $(PYTEST_ARGS)

check: install $(DEV_KEY)
	$(DEV_ENV) $(FLASK) forum check

# Pages under load, then search, then insights (on PostgreSQL); each also runs on its own.
bench: bench-pages bench-search bench-insights

bench-pages: install assets
	$(BIN)/python -m bench $(BENCH_ARGS)

bench-search: install
	$(BIN)/python -m bench.search $(SEARCH_BENCH_ARGS)

bench-insights: install
	$(BIN)/python -m bench.insights $(INSIGHTS_BENCH_ARGS)

clean:
	rm -rf $(VENV) node_modules forum/static/build .pytest_cache
