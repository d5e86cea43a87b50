# nnstep: `make run` installs what is missing, builds and starts the shell;
# `make test` does the same and runs every test.
SWIFT ?= swift
# Release builds use every vector instruction this machine has (AVX-512, FMA, …): the
# binary is built where it runs. Set CPU= (empty) for a portable build. The Swift runtime is
# linked in statically: the program starts sooner and uses about 4 MB less memory.
CPU ?= native
RELEASE := -c release --static-swift-stdlib $(if $(CPU),-Xswiftc -target-cpu -Xswiftc $(CPU))
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PEERS ?= numpy,torch,micrograd

.PHONY: run test contract build deps bench fuzz fuzz-replay clean

deps:
	@pkg-config --exists libedit 2>/dev/null || { \
	  echo "installing libedit-dev (line editing)"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libedit-dev pkg-config; }

build: deps
	$(SWIFT) build $(RELEASE) --product nnstep

run: build
	@$$($(SWIFT) build $(RELEASE) --show-bin-path)/nnstep

test: deps
	$(SWIFT) build
	$(SWIFT) test
	@$(MAKE) --no-print-directory contract

# nnstep from outside against numpy written from the contract's definitions (random
# networks, penalties, optimisers, frozen parameters); skipped when numpy is missing.
CASES ?= 60
CONTRACT_FEATURES ?= penalty,optimizer,freeze
contract:
	@if python3 -c 'import numpy' 2>/dev/null; then \
	  python3 Tests/contract/autodiff_check.py $$($(SWIFT) build --show-bin-path)/nnstep --cases $(CASES) --features $(CONTRACT_FEATURES); \
	else echo "contract: numpy is not installed (python3 -m pip install numpy); skipped"; fi

bench: build
	python3 Benchmarks/run.py --peers $(PEERS)

# Each libFuzzer target for FUZZ_SECONDS (see Fuzz/README.md); stops at the first finding.
FUZZ_SECONDS ?= 30
fuzz: deps
	for target in command csv json lesson; do Fuzz/run.sh $$target $(FUZZ_SECONDS) || exit 1; done

# The whole fuzz corpus through the tests (make test replays the crashes and a sample).
fuzz-replay: deps
	NNSTEP_FUZZ_FULL=1 $(SWIFT) test --filter FuzzCorpusTests

clean:
	rm -rf .build
