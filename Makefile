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

.PHONY: run test contract build deps bench fuzz fuzz-replay lint format clean install uninstall

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
	@for lesson in Lessons/*.lesson; do \
	  key=$$(basename $$lesson .lesson); t=Tests/NNShellTests/LessonTranscripts/$$key; \
	  $$($(SWIFT) build --show-bin-path)/nnstep --test $$lesson $$t.answers $$t.txt > /dev/null || exit 1; \
	done; echo "every lesson's answers replayed by nnstep --test"
	@$(MAKE) --no-print-directory contract

# nnstep from outside against numpy written from the contract's definitions (random
# networks, penalties, optimisers, frozen parameters, residual connections, the history
# records); skipped when numpy is missing.
CASES ?= 60
CONTRACT_FEATURES ?= penalty,optimizer,freeze,residual
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

# The toolchain's swift format against the committed .swift-format (lines of at most 120
# columns, four-space indentation); CI fails on any finding. 'make format' rewrites in place.
LINTED = Sources Tests Fuzz/Sources
lint:
	$(SWIFT) format lint --strict --configuration .swift-format -r $(LINTED)

format:
	$(SWIFT) format format -i --configuration .swift-format -r $(LINTED)

clean:
	rm -rf .build

# `make install` (PREFIX=/usr/local, DESTDIR honoured): the release binary, the lessons (the
# binary finds PREFIX/share/nnstep/lessons beside its own folder), the man page and the bash,
# zsh and fish completions. BINARY= installs an already built binary instead of building one.
PREFIX ?= /usr/local
BINDIR := $(DESTDIR)$(PREFIX)/bin
SHAREDIR := $(DESTDIR)$(PREFIX)/share
INSTALLED := $(BINDIR)/nnstep $(SHAREDIR)/man/man1/nnstep.1 \
  $(SHAREDIR)/bash-completion/completions/nnstep $(SHAREDIR)/zsh/site-functions/_nnstep \
  $(SHAREDIR)/fish/vendor_completions.d/nnstep.fish

install: $(if $(BINARY),,build)
	@bin="$(or $(BINARY),$$($(SWIFT) build $(RELEASE) --show-bin-path)/nnstep)"; set -e; \
	echo "installing $$bin into $(DESTDIR)$(PREFIX)"; \
	install -d $(BINDIR) $(SHAREDIR)/nnstep/lessons $(SHAREDIR)/man/man1 \
	  $(SHAREDIR)/bash-completion/completions $(SHAREDIR)/zsh/site-functions $(SHAREDIR)/fish/vendor_completions.d; \
	install -m 755 "$$bin" $(BINDIR)/nnstep; \
	install -m 644 Lessons/*.lesson $(SHAREDIR)/nnstep/lessons/; \
	install -m 644 docs/nnstep.1 $(SHAREDIR)/man/man1/nnstep.1; \
	"$$bin" --generate-completion-script bash > $(SHAREDIR)/bash-completion/completions/nnstep; \
	"$$bin" --generate-completion-script zsh > $(SHAREDIR)/zsh/site-functions/_nnstep; \
	"$$bin" --generate-completion-script fish > $(SHAREDIR)/fish/vendor_completions.d/nnstep.fish

uninstall:
	rm -f $(INSTALLED) $(SHAREDIR)/nnstep/lessons/*.lesson
	-rmdir $(SHAREDIR)/nnstep/lessons $(SHAREDIR)/nnstep 2>/dev/null
