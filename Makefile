# entente — build, test, install. See README.md and docs/design.md.
CC      ?= cc
PKGS    := redland raptor2 rasqal libutf8proc libxml-2.0 json-c libcurl sqlite3
CFLAGS  ?= -O2 -g
WARN    := -std=c11 -Wall -Wextra -Wpedantic -Werror -D_POSIX_C_SOURCE=200809L
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   := $(shell pkg-config --libs $(PKGS)) -lstemmer
ifeq ($(strip $(PKG_CFLAGS)),)
$(error pkg-config found no flags for $(PKGS): run scripts/install-deps.sh)
endif
ALL_CFLAGS  = $(WARN) $(CFLAGS) $(EXTRA_CFLAGS) -Iinclude -Isrc $(PKG_CFLAGS) \
              -DENTENTE_ONTOLOGY_DIR='"$(ONTOLOGY_DIR)"'
PREFIX  ?= /usr/local
# Where the binary finds its lexicons when --ontology is not given; make install
# rebuilds with the installed path.
ONTOLOGY_DIR ?= $(CURDIR)/ontology
BUILD   ?= build

LIB_SRC  := $(filter-out src/main.c src/cli_%.c,$(wildcard src/*.c))
CLI_SRC  := src/main.c $(wildcard src/cli_*.c)
CLI_OBJ  := $(CLI_SRC:src/%.c=$(BUILD)/obj/%.o)
LIB_OBJ  := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
TEST_SRC := $(wildcard tests/unit/test_*.c)
TESTS    := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
# libFuzzer harnesses (see "Fuzzing" below).
FUZZ_NAMES := $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 12
# The same harnesses without libFuzzer, in every build, replay the inputs of
# tests/fuzz/regressions (tests/cli/fuzz-regressions.sh).
REPLAYS := $(FUZZ_NAMES:%=$(BUILD)/replay/%)

.PHONY: all check test unit cli-test asan leakcheck bench fuzz clean install example \
        fuzz-smoke fuzz-build fuzz-fast-build fuzzers linear
all: $(BUILD)/entente $(BUILD)/libentente.a

$(BUILD)/obj/%.o: src/%.c $(wildcard src/*.h include/*.h) | $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/libentente.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/entente: $(CLI_OBJ) $(BUILD)/libentente.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libentente.a tests/unit/testutil.h | $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libentente.a $(PKG_LIBS) -lcmocka

# pipeline.o bakes ONTOLOGY_DIR in: rebuilt whenever the value changes (make
# install with another PREFIX).
$(BUILD)/ontology-dir: FORCE | $(BUILD)/obj
	@echo '$(ONTOLOGY_DIR)' | cmp -s - $@ || echo '$(ONTOLOGY_DIR)' >$@
$(BUILD)/obj/pipeline.o: $(BUILD)/ontology-dir
FORCE:

$(BUILD)/obj $(BUILD)/tests:
	mkdir -p $@

# Unit tests (cmocka), then the command-line and corpus tests.
test: unit cli-test
unit: $(TESTS)
	@set -e; for t in $(TESTS); do echo "== $$t"; LC_ALL=C ENTENTE_ONTOLOGY=$(CURDIR)/ontology $$t; done
cli-test: $(BUILD)/entente $(REPLAYS)
	@LC_ALL=C BUILD=$(BUILD) bash tests/cli/run.sh
	@LC_ALL=C BUILD=$(BUILD) bash tests/cli/hostile.sh
	@LC_ALL=C BUILD=$(BUILD) bash tests/cli/fuzz-regressions.sh
	@LC_ALL=C BUILD=$(BUILD) bash tests/cli/store.sh
	@LC_ALL=C BUILD=$(BUILD) bash tests/cli/query.sh
	@LC_ALL=C BUILD=$(BUILD) bash tests/cli/readers.sh
	@LC_ALL=C BUILD=$(BUILD) bash tests/cli/push.sh
	@LC_ALL=C BUILD=$(BUILD) bash tests/cli/virtuoso.sh
	@LC_ALL=C BUILD=$(BUILD) bash tests/consumers/run.sh
	@LC_ALL=C BUILD=$(BUILD) bash tests/cli/scale.sh
	@LC_ALL=C bash tests/cli/install.sh
	@LC_ALL=C bash tests/shacl/selftest.sh

# The whole suite: plain build, then ASan+UBSan, then valgrind on the CLI.
check:
	$(MAKE) test
	$(MAKE) asan
	$(MAKE) leakcheck
	$(MAKE) fuzz-smoke

# Fast (frame-pointer) unwinding: full stacks on every malloc made the suite
# six times slower (tests/lsan.supp says what that costs the suppressions).
asan: export ASAN_OPTIONS = detect_leaks=1
asan: export LSAN_OPTIONS = suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0
asan: export UBSAN_OPTIONS = print_stacktrace=1:halt_on_error=1
asan:
	$(MAKE) BUILD=build/asan CC=clang \
	  EXTRA_CFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  LDFLAGS="-fsanitize=address,undefined" test

leakcheck: $(BUILD)/entente $(REPLAYS)
	@LC_ALL=C BUILD=$(BUILD) bash tests/cli/valgrind.sh
	@LC_ALL=C BUILD=$(BUILD) VALGRIND=1 bash tests/cli/hostile.sh
	@LC_ALL=C BUILD=$(BUILD) VALGRIND=1 bash tests/cli/fuzz-regressions.sh
	@LC_ALL=C BUILD=$(BUILD) VALGRIND=1 bash tests/cli/readers.sh
	@LC_ALL=C BUILD=$(BUILD) bash tests/cli/linear.sh

# Processing cost grows linearly with the input (instructions counted by
# callgrind, never wall-clock time; docs/user-guide.md, "Limits").
linear: $(BUILD)/entente
	@LC_ALL=C BUILD=$(BUILD) bash tests/cli/linear.sh

# Fuzzing: every tests/fuzz/fuzz_*.c is a libFuzzer harness, built by clang
# against the library compiled with -fsanitize=fuzzer-no-link,address,undefined
# in build/fuzz. `make fuzz` runs each for FUZZ_SECONDS, `make fuzz-smoke`
# (part of check) for FUZZ_SMOKE_SECONDS; findings land in build/fuzz/artifacts.
# `make fuzz-fast-build` builds them into build/fuzz-fast with UBSan only (no
# ASan: 10 to 100 times the executions per second, for long runs:
# FUZZ_BUILD=build/fuzz-fast tests/fuzz/run.sh); replay the corpus it grows
# under build/fuzz (fuzzers/fuzz_X -runs=0 DIR) so every input also runs under ASan.

$(BUILD)/fuzzers/%: tests/fuzz/%.c tests/fuzz/fuzzutil.h $(BUILD)/libentente.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -fsanitize=fuzzer -o $@ $< $(BUILD)/libentente.a $(PKG_LIBS)

$(BUILD)/replay/%: tests/fuzz/%.c tests/fuzz/replay.c tests/fuzz/fuzzutil.h $(BUILD)/libentente.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< tests/fuzz/replay.c $(BUILD)/libentente.a $(PKG_LIBS)

fuzzers: $(FUZZ_NAMES:%=$(BUILD)/fuzzers/%)
fuzz-build: FUZZ_SAN := address,undefined
fuzz-build: FUZZ_DIR := build/fuzz
fuzz-fast-build: FUZZ_SAN := undefined
fuzz-fast-build: FUZZ_DIR := build/fuzz-fast
fuzz-build fuzz-fast-build:
	$(MAKE) BUILD=$(FUZZ_DIR) CC=clang \
	  EXTRA_CFLAGS="-fsanitize=fuzzer-no-link,$(FUZZ_SAN) -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  LDFLAGS="-fsanitize=$(FUZZ_SAN)" fuzzers
fuzz: fuzz-build
	@bash tests/fuzz/run.sh $(FUZZ_SECONDS)
fuzz-smoke: fuzz-build
	@bash tests/fuzz/run.sh $(FUZZ_SMOKE_SECONDS)

bench: $(BUILD)/entente
	@bash tests/bench/run.sh

# The README's first command ends here: the example article's graph and one
# SPARQL query over it.
example: $(BUILD)/entente
	@$(BUILD)/entente extract --date 2024-03-15 -o $(BUILD)/example.ttl docs/example/article.txt
	@cat $(BUILD)/example.ttl
	@echo
	@echo "# SPARQL: ontology/queries/roles.rq over the example article"
	@$(BUILD)/entente query $(BUILD)/example.ttl -f ontology/queries/roles.rq

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include \
	  $(DESTDIR)$(PREFIX)/share/entente $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/lib/pkgconfig
	$(MAKE) BUILD=build/install ONTOLOGY_DIR=$(PREFIX)/share/entente/ontology all
	install -m 755 build/install/entente $(DESTDIR)$(PREFIX)/bin/entente
	install -m 644 build/install/libentente.a $(DESTDIR)$(PREFIX)/lib/libentente.a
	install -m 644 include/entente.h $(DESTDIR)$(PREFIX)/include/entente.h
	cp -r ontology $(DESTDIR)$(PREFIX)/share/entente/
	install -m 644 docs/entente.1 $(DESTDIR)$(PREFIX)/share/man/man1/entente.1
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(shell sed -n 's/^#define ENTENTE_VERSION "\(.*\)"/\1/p' include/entente.h)|' \
	  entente.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/entente.pc

clean:
	rm -rf build
