# wasmrun: `make demo` and `make test` install what is missing (Debian 12,
# as root or with the sudo command they print), build, and run.
#
# Two host MPI families: MPI=openmpi (the default) builds bin/wasmrun against
# Open MPI, MPI=mpich builds bin/wasmrun-mpich against MPICH. `make test`
# builds both and runs the integration tests over both.
export PATH := $(PATH):/usr/local/go/bin
# Open MPI refuses root and counts cores strictly; the tests and the demo
# run as root on 2-core machines.
export OMPI_ALLOW_RUN_AS_ROOT := 1
export OMPI_ALLOW_RUN_AS_ROOT_CONFIRM := 1
export OMPI_MCA_rmaps_base_oversubscribe := 1

GO      ?= go
MPI     ?= openmpi
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
OUT     := build
NP      ?= 4
LDFLAGS := -ldflags "-X main.version=$(VERSION)"

# With both libopenmpi-dev and libmpich-dev installed, Debian's alternatives
# decide what plain mpicc, mpirun and mpi.h mean: name each family's tools
# explicitly. (The cgo layer takes its flags from pkg-config: ompi-c or
# mpich, see mpibridge/cgo_*.go.)
OPENMPI_BIN := bin/wasmrun
MPICH_BIN   := bin/wasmrun-mpich
ifeq ($(MPI),openmpi)
BIN    := $(OPENMPI_BIN)
MPICC  := mpicc.openmpi
else ifeq ($(MPI),mpich)
BIN    := $(MPICH_BIN)
MPICC  := mpicc.mpich
else
$(error MPI=$(MPI): use MPI=openmpi (the default) or MPI=mpich)
endif

.PHONY: bench all deps build build-openmpi build-mpich samples demo test vet fmt-check unit integration clean

all: build

deps:
	@scripts/install-deps.sh

build: build-$(MPI)

build-openmpi:
	$(GO) build $(LDFLAGS) -o $(OPENMPI_BIN) ./cmd/wasmrun

build-mpich:
	$(GO) build -tags mpich $(LDFLAGS) -o $(MPICH_BIN) ./cmd/wasmrun

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
	$(BIN) cc -O2 samples/numlib/dense_solve.c -o $(OUT)/samples/dense_solve.wasm -llapacke -lopenblas
	cc -O2 samples/numlib/dense_solve.c -o $(OUT)/samples/dense_solve.native -llapacke -lopenblas -lm
	for s in matmul_mpi poisson3d_fft; do \
	  $(BIN) cc -O2 samples/numlib/$$s.c -o $(OUT)/samples/$$s.wasm -lopenblas -lfftw3 -lm && \
	  $(MPICC) -O2 samples/numlib/$$s.c -o $(OUT)/samples/$$s.$(MPI).native -lopenblas -lfftw3 -lm || exit 1; \
	done

demo: deps samples
	@scripts/demo.sh $(BIN) $(OUT)/samples $(NP) $(MPI)

vet:
	$(GO) vet ./...
	$(GO) vet -tags mpich ./mpibridge/...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

# The bridge's unit tests initialise MPI as a singleton: run them over both
# families.
unit:
	$(GO) test -count=1 $$($(GO) list ./... | grep -v /tests)
	$(GO) test -count=1 -tags mpich ./mpibridge/...

# Both binaries: the integration tests run every MPI test over Open MPI
# (mpirun.openmpi, bin/wasmrun) and MPICH (mpirun.mpich, bin/wasmrun-mpich),
# and the OpenCL tests on the node's OpenCL driver (PoCL, from `make deps`).
# Run from tests/ without a package argument, so that go test shows the
# closing list of known host MPI bugs the native builds met.
integration: build-openmpi build-mpich
	cd tests && WASMRUN_BIN=$(CURDIR)/$(OPENMPI_BIN) WASMRUN_MPICH_BIN=$(CURDIR)/$(MPICH_BIN) \
	  $(GO) test -count=1 -timeout 60m

test: deps build-openmpi build-mpich vet fmt-check unit integration

clean:
	rm -rf bin $(OUT)

# Benchmarks: each kernel in bench/kernels built natively and to wasm, run
# interleaved under mpirun; tables and plots in bench/results.
# QUICK=1: a smoke run (about 1 minute). BENCH_FLAGS: more flags, e.g.
# BENCH_FLAGS="-groups compute -reps 5".
bench: build
	$(GO) run ./bench -mpi $(MPI) -wasmrun $(BIN) $(if $(filter-out 0,$(QUICK)),-quick) $(BENCH_FLAGS)
