# WeCom Bridge — two commands for a newcomer: `make run` and `make test`.
SHELL       := /bin/bash
GO          ?= go
GOBIN       := $(shell $(GO) env GOPATH)/bin
WAILS       := $(GOBIN)/wails
WAILS_VER   := v2.16.0
VERSION     ?= $(shell bash build/scripts/version.sh)
COMMIT      ?= $(shell git rev-parse HEAD 2>/dev/null)
BUILD_DATE  ?= $(shell TZ=UTC git log -1 --format=%cd --date=format-local:%Y-%m-%dT%H:%M:%SZ 2>/dev/null)
LDFLAGS     := -X wecom-bridge/backend/version.Version=$(VERSION) -X wecom-bridge/backend/version.Commit=$(COMMIT) \
               -X wecom-bridge/backend/version.BuildDate=$(BUILD_DATE)
APT_PKGS    := libgtk-3-dev libwebkit2gtk-4.1-dev pkg-config xvfb xauth x11-utils xdotool imagemagick chromium fonts-noto-cjk
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
GENERATED   := frontend/wailsjs frontend/src/api/generated
DESKTOP_BIN := build/bin/wecom-bridge
SERVE_BIN   := ./wecom-bridge
DATA        ?=

.PHONY: run test build serve bench deps deps-apt deps-wails deps-npm frontend serve-bin \
        vet gotest fuzz vitest e2e smoke clean generate check-generated dist ci-check deps-dist

## run: install what is missing, build, and open the desktop app (serve mode without $DISPLAY)
run: deps build
	@if [ -n "$$DISPLAY" ] || [ -n "$$WAYLAND_DISPLAY" ]; then \
	  exec $(DESKTOP_BIN) $(if $(DATA),--data $(DATA)); \
	else \
	  echo "No \$$DISPLAY: starting serve mode instead (open the URL below in a browser)."; \
	  exec $(DESKTOP_BIN) serve $(if $(DATA),--data $(DATA)); \
	fi

## test: vet, Go tests with -race, a short fuzz run, vitest, Playwright e2e, desktop smoke test
test: deps vet gotest fuzz vitest e2e smoke
	@echo "make test: all suites passed"

## build: the desktop binary (Wails, webkit2_41) at build/bin/wecom-bridge
# Bindings first (they are TypeScript the UI compiles against), then the UI,
# then the Go binary with the UI embedded.
build: deps-wails deps-npm generate
	cd frontend && npm run build
	$(WAILS) build -tags webkit2_41 -ldflags "$(LDFLAGS)" -s -m -nosyncgomod -skipbindings -o wecom-bridge

## serve: build the UI and a plain Go binary, then serve in a browser
serve: serve-bin
	$(SERVE_BIN) serve $(if $(DATA),--data $(DATA))

## bench: benchmarks, one JSON line per figure
bench: build
	@# -v: go test prints a passing test's stdout (the JSON lines) only when verbose;
	@# -p 1: one package at a time, so the figures do not compete for the 2 cores.
	@WECOM_BENCH=1 $(GO) test -v -p 1 -count=1 -run '^TestBench' -timeout 30m ./... 2>&1 | grep '^{' || true
	@bash build/scripts/desktop-smoke.sh --bench

## dist: release artifacts in dist/ from a clean tree (Windows installer and .exe, Linux .tar.gz
## and .deb, SHA256SUMS); the version comes from the newest v0.x.y tag (docs/release.md)
dist: deps-wails deps-npm deps-dist
	bash build/scripts/dist.sh

## ci-check: the artifacts in dist/ work: checksums, the .deb installs and runs, the .exe runs
## `version` and `serve` under Wine (the window needs WebView2, which Wine lacks)
ci-check: deps-dist
	bash build/scripts/ci-check.sh

# What dist and ci-check need beyond the desktop build: makensis, Wine and the
# assembler for Wine's missing bcryptprimitives.dll (build/scripts/wine/).
DIST_PKGS := nsis wine64 binutils-mingw-w64-x86-64 curl
deps-dist:
	@missing=$$(for p in $(DIST_PKGS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing apt packages:" $$missing; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

## generate: the Wails bindings (frontend/wailsjs) and the enums and event names Go shares
## with the UI (frontend/src/api/generated), committed so a fresh clone compiles
generate: deps-wails
	$(WAILS) generate module -tags webkit2_41
	$(GO) generate ./backend/contract/...

## check-generated: fails when the committed generated code is not what the Go code generates
## (file modes are ignored: wails writes its runtime files 0755 or 0644 depending on the umask)
check-generated: generate
	@drift=$$(git -c core.fileMode=false status --porcelain -- $(GENERATED)); \
	if [ -n "$$drift" ]; then \
	  echo "Generated code is out of date (run make generate and commit it):"; echo "$$drift"; \
	  git -c core.fileMode=false --no-pager diff --stat -- $(GENERATED); exit 1; \
	fi

frontend: deps-npm
	cd frontend && npm run build

serve-bin: frontend
	$(GO) build -ldflags "$(LDFLAGS)" -o $(SERVE_BIN) .

vet:
	$(GO) vet ./...

gotest:
	$(GO) test -race -count=1 -timeout 30m ./...

# A bounded fuzz run of the callback decryptor: it must never panic.
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzDecrypt$$' -fuzztime 20s -fuzzminimizetime 2s ./backend/wecom/wxcrypt/

vitest: deps-npm
	cd frontend && npx vitest run

e2e: serve-bin
	cd frontend && npx playwright test --config tests/e2e/playwright.config.ts

smoke: build
	bash build/scripts/desktop-smoke.sh

deps: deps-apt deps-wails deps-npm

deps-apt:
	@missing=$$(for p in $(APT_PKGS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing apt packages:" $$missing; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

deps-wails:
	@if ! $(WAILS) version 2>/dev/null | grep -q '$(WAILS_VER)'; then \
	  echo "Installing the Wails CLI $(WAILS_VER)"; \
	  $(GO) install github.com/wailsapp/wails/v2/cmd/wails@$(WAILS_VER); \
	fi

# npm ci installs exactly the committed lock file (it lists every platform's
# optional packages, so npm 11 never needs to rewrite it). After a package.json
# change run `npm install` in frontend/ and commit the lock file it writes.
deps-npm:
	@if [ ! -d frontend/node_modules ] || [ frontend/package-lock.json -nt frontend/node_modules/.package-lock.json ]; then \
	  cd frontend && npm ci --no-audit --no-fund; \
	fi

clean:
	rm -rf build/bin dist $(SERVE_BIN) frontend/node_modules
