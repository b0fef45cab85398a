# wasmrun: `make demo` and `make test` install what is missing (Debian 12,
# as root or with the sudo command they print), build, and run.
export PATH := $(PATH):/usr/local/go/bin
# Open MPI refuses root and counts cores strictly; the tests and the demo
# run as root on 2-core machines.
export OMPI_ALLOW_RUN_AS_ROOT := 1
export OMPI_ALLOW_RUN_AS_ROOT_CONFIRM := 1
export OMPI_MCA_rmaps_base_oversubscribe := 1

GO      ?= go
MPI     ?= openmpi
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
BIN     := bin/wasmrun
OUT     := build
NP      ?= 4

.PHONY: all deps build samples demo test vet fmt-check unit integration clean

all: build

deps:
	@scripts/install-deps.sh

build:
	$(GO) build -ldflags "-X main.version=$(VERSION)" -o $(BIN) ./cmd/wasmrun

# Each sample twice, from the same source: to wasm with wasmrun cc and
# natively with the system compilers.
samples: build
	@mkdir -p $(OUT)/samples
	$(BIN) cc -O2 samples/heat2d/heat2d.c -o $(OUT)/samples/heat2d.wasm -lm
	cc -O2 samples/heat2d/heat2d.c -o $(OUT)/samples/heat2d.native -lm
	$(BIN) c++ -O2 samples/cg/cg.cpp -o $(OUT)/samples/cg.wasm
	c++ -O2 -fno-exceptions samples/cg/cg.cpp -o $(OUT)/samples/cg.native
	$(BIN) cc -O2 samples/heat2d_mpi/heat2d_mpi.c -o $(OUT)/samples/heat2d_mpi.wasm -lm
	mpicc -O2 samples/heat2d_mpi/heat2d_mpi.c -o $(OUT)/samples/heat2d_mpi.native -lm

demo: deps samples
	@scripts/demo.sh $(BIN) $(OUT)/samples $(NP)

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

unit:
	$(GO) test -count=1 $$($(GO) list ./... | grep -v /tests)

integration: build
	WASMRUN_BIN=$(CURDIR)/$(BIN) $(GO) test -count=1 -timeout 40m ./tests/...

test: deps build vet fmt-check unit integration

clean:
	rm -rf bin $(OUT)
