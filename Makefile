# azmat: the two commands are `make run` and `make test`.
#
#   make          build build/azmat
#   make run      install missing packages, build, open the TUI
#   make test     install test packages, build with ASan+UBSan, run every test
#   make bench    build optimised and run the benchmarks (docs/benchmarks.md)
#   make install PREFIX=/usr/local
#   make clean

BUILD      ?= build
TEST_BUILD ?= build/asan
BENCH_BUILD ?= build/bench
PREFIX     ?= /usr/local
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE      ?= cmake
ARGS       ?=

.PHONY: all build run test bench install clean deps-run deps-test deps-bench fuzz docs

all: build

deps-run:
	@scripts/deps.sh run
deps-test:
	@scripts/deps.sh test
deps-bench:
	@scripts/deps.sh bench

$(BUILD)/CMakeCache.txt:
	$(CMAKE) -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=$(PREFIX)

build: deps-run $(BUILD)/CMakeCache.txt
	$(CMAKE) --build $(BUILD) -j$(JOBS)

run: build
	./$(BUILD)/azmat $(ARGS)

test: deps-test
	$(CMAKE) -S . -B $(TEST_BUILD) -DCMAKE_BUILD_TYPE=Debug -DAZMAT_WERROR=ON \
		-DAZMAT_SANITIZE="address;undefined"
	$(CMAKE) --build $(TEST_BUILD) -j$(JOBS)
	cd $(TEST_BUILD) && ctest --output-on-failure -j$(JOBS) $(CTEST_ARGS)

bench: deps-bench
	$(CMAKE) -S . -B $(BENCH_BUILD) -DCMAKE_BUILD_TYPE=Release
	$(CMAKE) --build $(BENCH_BUILD) -j$(JOBS)
	tests/bench/run.sh $(BENCH_BUILD)

fuzz: deps-test
	CC=clang $(CMAKE) -S . -B build/fuzz -DCMAKE_BUILD_TYPE=Debug -DAZMAT_FUZZ=ON \
		-DAZMAT_SANITIZE="address;undefined"
	$(CMAKE) --build build/fuzz -j$(JOBS)
	@echo "fuzzers are in build/fuzz/tests; run e.g. build/fuzz/tests/fuzz_catalog tests/fuzz/corpus/catalog"

install: build
	$(CMAKE) --install $(BUILD) --prefix $(PREFIX)

clean:
	rm -rf $(BUILD) $(TEST_BUILD) $(BENCH_BUILD) build/fuzz
