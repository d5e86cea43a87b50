# nnstep: `make run` installs what is missing, builds and starts the shell;
# `make test` does the same and runs every test.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PEERS ?= numpy,torch,micrograd

.PHONY: run test build deps bench fuzz clean

deps:
	@pkg-config --exists libedit 2>/dev/null || { \
	  echo "installing libedit-dev (line editing)"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libedit-dev pkg-config; }

build: deps
	$(SWIFT) build -c release --product nnstep

run: build
	@$$($(SWIFT) build -c release --show-bin-path)/nnstep

test: deps
	$(SWIFT) build
	$(SWIFT) test

bench: build
	python3 Benchmarks/run.py --peers $(PEERS)

clean:
	rm -rf .build
