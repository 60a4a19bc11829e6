# Thin wrapper over CMake for the README's two commands (and a few more).
PACKAGES := cmake make gcc pkg-config bc liblua5.4-dev lua-filesystem-dev libcmocka-dev libjansson-dev clang libclang-rt-14-dev libxml2-utils python3
BUILD    ?= build
ASAN     ?= build-asan
FUZZ     ?= build-fuzz
FUZZ_RUNS ?= 20000
FUZZ_TIME ?= 0
JOBS     ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all deps build run test test-release test-asan test-fuzz bench install clean

all: build

# Install missing Debian packages when root; otherwise print the apt line and stop.
deps:
	@missing=""; \
	if command -v dpkg-query >/dev/null 2>&1; then \
	  for p in $(PACKAGES); do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	  done; \
	fi; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; \
	  else \
	    echo "tafrun needs these Debian packages:$$missing"; \
	    echo "install them with:  sudo apt-get install -y$$missing"; \
	    exit 1; \
	  fi; \
	fi

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD) -j $(JOBS)

run: build
	$(BUILD)/tafrun recipes/x19.lua --model qwen2.5-7b

# The whole suite on the release build, then again under ASan/UBSan.
test: test-release test-asan test-fuzz

test-release: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

test-asan: deps
	cmake -S . -B $(ASAN) -DCMAKE_BUILD_TYPE=Debug -DTAF_SANITIZE=ON
	cmake --build $(ASAN) -j $(JOBS)
	cd $(ASAN) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

# Benchmarks print ratios against baselines measured in the same run; they never gate CI.
bench: build
	$(BUILD)/bench_df_exact
	bash bench/cold_start.sh $(BUILD)/tafrun
	bash bench/sweep_vs_python.sh $(BUILD)/tafrun
	$(BUILD)/bench_profile

install: build
	cmake --install $(BUILD)

# Short libFuzzer smoke of each file reader over its seed corpus; a long run
# gives each reader FUZZ_TIME seconds: make test-fuzz FUZZ_RUNS=-1 FUZZ_TIME=600.
FUZZ_FLAGS = -runs=$(FUZZ_RUNS) -max_total_time=$(FUZZ_TIME) -rss_limit_mb=2048
test-fuzz: deps
	CC=clang cmake -S . -B $(FUZZ) -DCMAKE_BUILD_TYPE=Debug -DTAF_FUZZ=ON -DTAF_TESTS=OFF
	cmake --build $(FUZZ) -j $(JOBS) --target fuzz_hf_config fuzz_gguf fuzz_npy fuzz_safetensors fuzz_atlas
	mkdir -p $(FUZZ)/corpus/hf_config $(FUZZ)/corpus/gguf
	$(FUZZ)/tests/fuzz/fuzz_hf_config $(FUZZ_FLAGS) $(FUZZ)/corpus/hf_config tests/fuzz/corpus/hf_config
	$(FUZZ)/tests/fuzz/fuzz_gguf $(FUZZ_FLAGS) $(FUZZ)/corpus/gguf tests/fuzz/corpus/gguf
	for r in npy safetensors atlas; do mkdir -p $(FUZZ)/corpus/$$r && \
	  $(FUZZ)/tests/fuzz/fuzz_$$r $(FUZZ_FLAGS) $(FUZZ)/corpus/$$r tests/fuzz/corpus/$$r || exit 1; done

clean:
	rm -rf $(BUILD) $(ASAN) $(FUZZ)
