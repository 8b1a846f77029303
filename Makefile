# Kiosque: `make site` builds the archive, `make test` runs every test. Both create .venv
# and install the pinned dependencies on first use.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PELICAN := $(PY) -m pelican
PORT ?= 8000
DEMO := demo

.PHONY: site publish serve test lint clean demo bench screenshots lock chromium entities

$(VENV)/.installed: requirements.txt constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt -c constraints.txt
	touch $@

site: $(VENV)/.installed
	$(PELICAN) content -s pelicanconf.py -o output

publish: $(VENV)/.installed
	$(PELICAN) content -s publishconf.py -o output

serve: site
	@echo "Serving output/ on http://localhost:$(PORT)/ (search needs HTTP, not file://)"
	$(PY) -m http.server $(PORT) --bind 127.0.0.1 --directory output

# Browser tests need Debian's Chromium (browser downloads are impossible here), and the Nu HTML
# Checker needs Java: both come from Debian's packages when missing.
chromium:
	@command -v chromium >/dev/null 2>&1 && command -v java >/dev/null 2>&1 || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium default-jre-headless >/dev/null; }

# The Nu HTML Checker (vnu-jar) comes from npm, pinned by package-lock.json.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

test: $(VENV)/.installed chromium node_modules/.package-lock.json
	$(PY) -m pytest -n 2 --dist loadfile

# Home, an article, a tag page and a dossier at 1280 px and 375 px (article and dossier also dark).
screenshots: demo chromium
	$(PY) bench/screenshots.py --site $(DEMO)/output --out screenshots

lint: $(VENV)/.installed
	$(PY) -m ruff check .

# The 200 real corpus articles (plus the seed) as a demo archive in demo/, apart from content/.
demo: $(VENV)/.installed
	mkdir -p $(DEMO)/content/seeds
	cp tests/fixtures/orange/*.txt content/seeds/*.txt $(DEMO)/content/seeds/
	$(PELICAN) $(DEMO)/content -s pelicanconf.py -o $(DEMO)/output \
		-e 'PATH="$(abspath $(DEMO))/content"' 'CACHE_PATH="$(abspath $(DEMO))/cache"'

# The archive's entities by number of articles, a sentence each, for an editor to review and
# correct in content/entities-corrections.toml (TOP=300, TYPE=PER|LOC|ORG, POSTS=content/posts).
TOP ?= 300
POSTS ?= content/posts
entities: $(VENV)/.installed
	PYTHONPATH=plugins $(PY) -m kiosque_tags review --posts $(POSTS) --top $(TOP) $(if $(TYPE),--type $(TYPE))

bench: $(VENV)/.installed
	$(PY) bench/run_all.py

lock: $(VENV)/.installed
	$(PY) -m pip freeze --exclude-editable | grep -v '^pkg_resources' > constraints.tmp
	{ echo "# Exact versions of every package, direct or not (pip freeze). Regenerate with"; \
	  echo "# \`make lock\` after changing requirements.txt."; cat constraints.tmp; } > constraints.txt
	rm constraints.tmp

# Generated things only: content/ (raw articles and committed posts) is never touched.
clean:
	rm -rf output cache $(DEMO) .kiosque .pytest_cache .ruff_cache
