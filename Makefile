# wasmrun: `make demo` and `make test` install what is missing (Debian 12,
# as root or with the sudo command they print), build, and run.
#
# One bin/wasmrun serves every host MPI: it links none, and loads at run
# time the plugin of the family it finds (Open MPI or the MPICH ABI; see
# mpibridge/load.go). `make build` compiles both plugins into the binary.
# MPI=openmpi (the default) or MPI=mpich picks whose mpicc and mpirun the
# samples, the demo and the benchmarks use.
export PATH := $(PATH):/usr/local/go/bin
# Open MPI refuses root and counts cores strictly; the tests and the demo
# run as root on 2-core machines.
export OMPI_ALLOW_RUN_AS_ROOT := 1
export OMPI_ALLOW_RUN_AS_ROOT_CONFIRM := 1
export OMPI_MCA_rmaps_base_oversubscribe := 1

GO      ?= go
CC      ?= cc
MPI     ?= openmpi
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
OUT     := build
NP      ?= 4
LDFLAGS := -ldflags "-X main.version=$(VERSION)"
BIN     := bin/wasmrun

# With both libopenmpi-dev and libmpich-dev installed, Debian's alternatives
# decide what plain mpicc, mpirun and mpi.h mean: name each family's tools
# explicitly.
ifeq ($(MPI),openmpi)
MPICC  := mpicc.openmpi
else ifeq ($(MPI),mpich)
MPICC  := mpicc.mpich
else
$(error MPI=$(MPI): use MPI=openmpi (the default) or MPI=mpich)
endif

# The MPI plugins: the C layer of mpibridge built against each family's
# mpi.h (flags from pkg-config), linked against no MPI library (wasmrun
# opens the node's with its symbols global before the plugin).
# One directory per architecture (GOARCH); make dist cross-builds arm64
# with Debian's gcc-aarch64-linux-gnu. The plugins only take handle types
# and constants from mpi.h, which are the same for the LP64 ABIs of x86_64
# and arm64, so the build machine's headers serve both.
GOARCH      := $(shell $(GO) env GOARCH)
PLUGIN_DIR  := mpibridge/plugin/lib
PLUGIN_SRC  := $(wildcard mpibridge/plugin/*.c mpibridge/plugin/*.h) mpibridge/calls.h mpibridge/calls_ext.h mpibridge/shim.h
PLUGIN_PC_openmpi := ompi-c
PLUGIN_PC_mpich   := mpich
PLUGIN_CC_amd64   := $(CC)
PLUGIN_CC_arm64   := aarch64-linux-gnu-gcc
PLUGINS     := $(PLUGIN_DIR)/$(GOARCH)/openmpi.so $(PLUGIN_DIR)/$(GOARCH)/mpich.so
DIST_ARCHES := amd64 arm64

.PHONY: FORCE fuzz soak bench all deps build plugins dist samples cuda-ptx gpucheck demo test vet fmt-check unit integration clean

all: build

deps:
	@scripts/install-deps.sh

build: plugins
	$(GO) build $(LDFLAGS) -o $(BIN) ./cmd/wasmrun

plugins: $(PLUGINS)

# $(PLUGIN_DIR)/ARCH/FAMILY.so
$(PLUGIN_DIR)/%.so: $(PLUGIN_SRC)
	@mkdir -p $(@D)
	$(PLUGIN_CC_$(notdir $(@D))) -shared -fPIC -O2 -Wall -Wl,-Bsymbolic \
	  $$(pkg-config --cflags $(PLUGIN_PC_$(notdir $*))) -Impibridge -o $@ $(filter %.c,$^)

# dist/wasmrun-linux-ARCH for every architecture, with sha256 sums; each
# binary embeds its own architecture's plugins (mpibridge/plugins_ARCH.go).
dist: $(foreach a,$(DIST_ARCHES),dist/wasmrun-linux-$(a))
	cd dist && sha256sum wasmrun-linux-* > SHA256SUMS && cat SHA256SUMS

dist/wasmrun-linux-%: $(PLUGIN_DIR)/%/openmpi.so $(PLUGIN_DIR)/%/mpich.so FORCE
	@mkdir -p dist
	CGO_ENABLED=1 GOOS=linux GOARCH=$* CC=$(PLUGIN_CC_$*) $(GO) build -trimpath $(LDFLAGS) -o $@ ./cmd/wasmrun

FORCE:

# The plugins of other architectures are built only as prerequisites of
# dist/: keep them like the host's.
.PRECIOUS: $(PLUGIN_DIR)/%.so

# Each sample twice, from the same source: to wasm with wasmrun cc and
# natively with the system compilers (MPI: the $(MPI) family's mpicc).
samples: build
	@mkdir -p $(OUT)/samples
	$(BIN) cc -O2 samples/heat2d/heat2d.c -o $(OUT)/samples/heat2d.wasm -lm
	cc -O2 samples/heat2d/heat2d.c -o $(OUT)/samples/heat2d.native -lm
	$(BIN) c++ -O2 samples/cg/cg.cpp -o $(OUT)/samples/cg.wasm
	c++ -O2 -fno-exceptions samples/cg/cg.cpp -o $(OUT)/samples/cg.native
	$(BIN) cc -O2 samples/heat2d_mpi/heat2d_mpi.c -o $(OUT)/samples/heat2d_mpi.wasm -lm
	$(MPICC) -O2 samples/heat2d_mpi/heat2d_mpi.c -o $(OUT)/samples/heat2d_mpi.$(MPI).native -lm
	for s in saxpy matmul; do \
	  $(BIN) cc -O2 samples/opencl/$$s.c -o $(OUT)/samples/$$s.wasm -lOpenCL -lm && \
	  cc -O2 samples/opencl/$$s.c -o $(OUT)/samples/$$s.native -lOpenCL -lm || exit 1; \
	done
	$(BIN) cc -O2 samples/opencl/mpi_reduce.c -o $(OUT)/samples/mpi_reduce.wasm -lOpenCL
	$(MPICC) -O2 samples/opencl/mpi_reduce.c -o $(OUT)/samples/mpi_reduce.$(MPI).native -lOpenCL
	$(BIN) cc -O2 samples/cuda/vadd.c -o $(OUT)/samples/vadd.wasm -lcuda
	$(BIN) cc -O2 samples/cuda/mpi_quad.c -o $(OUT)/samples/mpi_quad.wasm -lcuda -lm
	$(BIN) cc -O2 samples/numlib/dense_solve.c -o $(OUT)/samples/dense_solve.wasm -llapacke -lopenblas
	cc -O2 samples/numlib/dense_solve.c -o $(OUT)/samples/dense_solve.native -llapacke -lopenblas -lm
	for s in matmul_mpi poisson3d_fft; do \
	  $(BIN) cc -O2 samples/numlib/$$s.c -o $(OUT)/samples/$$s.wasm -lopenblas -lfftw3 -lm && \
	  $(MPICC) -O2 samples/numlib/$$s.c -o $(OUT)/samples/$$s.$(MPI).native -lopenblas -lfftw3 -lm || exit 1; \
	done

# The CUDA samples' kernels: PTX from kernels.cu by clang's NVPTX target (no
# CUDA install), embedded as kernels_ptx.h. Both are committed; this
# regenerates them. The native CUDA twins need cuda.h and libcuda, so they
# are built on the GPU machine by gpu/devicecheck.sh.
cuda-ptx:
	samples/cuda/gen-ptx.sh

# The GPU device check's bundle (CUDA and OpenCL samples, tests and
# benchmarks, wasm builds and sources): run DIR/run.sh OUTDIR on a node
# with an NVIDIA GPU. GPUCHECK=DIR, default $(OUT)/gpucheck.
GPUCHECK ?= $(OUT)/gpucheck
gpucheck: build
	gpu/devicecheck.sh pack $(GPUCHECK)

demo: deps samples
	@scripts/demo.sh $(BIN) $(OUT)/samples $(NP) $(MPI)

vet: plugins
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

# The bridge's unit tests initialise MPI as a singleton: run them over both
# families.
unit: plugins
	$(GO) test -count=1 $$($(GO) list ./... | grep -v /tests)
	WASMRUN_MPI=mpich $(GO) test -count=1 ./mpibridge/...

# One binary: the integration tests run every MPI test over Open MPI
# (mpirun.openmpi) and MPICH (mpirun.mpich) with the same bin/wasmrun and
# the same .wasm files, and the OpenCL tests on the node's OpenCL driver
# (PoCL, from `make deps`); the CUDA tests need no GPU (header,
# no-driver path, refused bad input); the arm64 wasmrun runs the samples
# under qemu-user beside the x86_64 one (tests/platform_test.go). Run from
# tests/ without a package argument, so that go test shows the closing
# list of known host MPI bugs the native builds met.
integration: build dist/wasmrun-linux-arm64
	cd tests && WASMRUN_BIN=$(CURDIR)/$(BIN) WASMRUN_ARM64_BIN=$(CURDIR)/dist/wasmrun-linux-arm64 \
	  $(GO) test -count=1 -timeout 60m

test: deps build vet fmt-check unit integration

# Soak: tests/testdata/soak.c on 4 ranks for SOAKTIME over each host MPI
# (WASMRUN_HOSTS=openmpi for one), many short MPI calls and object
# creations, resident memory of each wasmrun sampled: not part of `make test`.
SOAKTIME ?= 3m
soak: build
	cd tests && WASMRUN_BIN=$(CURDIR)/$(BIN) \
	  WASMRUN_SOAK=$(SOAKTIME) $(GO) test -count=1 -run '^TestSoak$$' -v -timeout 60m

# Fuzzing: every Fuzz target of the packages below, each for FUZZTIME with
# FUZZPROCS workers. `make test` (go test) replays the seed corpora in each
# package's testdata/fuzz as regression tests; a failing input found here is
# written there: commit it with its fix.
FUZZTIME  ?= 30s
FUZZPROCS ?= 1
FUZZPKGS  ?= ./mpibridge ./wasi ./gpu/opencl ./gpu/cuda ./numlib
fuzz: plugins
	@set -e; for pkg in $(FUZZPKGS); do \
	  for target in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$target ($(FUZZTIME))"; \
	    $(GO) test -run '^$$' -fuzz "^$$target\$$" -fuzztime $(FUZZTIME) -parallel $(FUZZPROCS) $$pkg; \
	  done; \
	done

clean:
	rm -rf bin dist $(OUT) $(PLUGIN_DIR)/*/*.so

# Benchmarks: each kernel in bench/kernels built natively and to wasm, run
# interleaved under mpirun; tables and plots in bench/results.
# QUICK=1: a smoke run (about 1 minute). BENCH_FLAGS: more flags, e.g.
# BENCH_FLAGS="-groups compute -reps 5".
bench: build
	$(GO) run ./bench -mpi $(MPI) -wasmrun $(BIN) $(if $(filter-out 0,$(QUICK)),-quick) $(BENCH_FLAGS)
