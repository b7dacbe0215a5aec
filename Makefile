# Civic Forum: `make run` serves the site, `make test` runs the whole suite.
# Both set everything up first (virtualenv, Python and npm packages, assets, database).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi
INSTALLED := $(VENV)/.installed
ASSETS := forum/static/build/app.css
DEV_KEY := instance/dev-secret-key

.PHONY: run test install assets db bench check clean

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
	FORUM_ENV=development FORUM_SECRET_KEY=$$(cat $(DEV_KEY)) $(FLASK) db upgrade
	FORUM_ENV=development FORUM_SECRET_KEY=$$(cat $(DEV_KEY)) $(FLASK) forum seed-demo --if-empty

run: install assets db
	@echo "Civic Forum is starting on http://127.0.0.1:5000"
	FORUM_ENV=development FORUM_SECRET_KEY=$$(cat $(DEV_KEY)) $(FLASK) run --host 127.0.0.1 --port 5000

test: install assets
	$(BIN)/pytest $(PYTEST_ARGS)

check: install $(DEV_KEY)
	FORUM_ENV=development FORUM_SECRET_KEY=$$(cat $(DEV_KEY)) $(FLASK) forum check

bench: install assets
	$(BIN)/python -m bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) node_modules forum/static/build .pytest_cache
