#!/bin/sh
# Build every tests/mpi/*.c natively with mpicc into a temporary directory
# and run it under mpirun with 1, 2 and 4 ranks; print one line per run and
# a summary. For humans: the Go harness does the real native/wasm comparison.
#
#   tests/mpi/run_native.sh            # all programs
#   tests/mpi/run_native.sh p2p coll   # some programs
#   NPS="1 3" tests/mpi/run_native.sh  # other rank counts
#   MPICC=... MPIRUN=... MPIRUN_FLAGS=... TIMEOUT=... to override the tools
set -u
here=$(cd "$(dirname "$0")" && pwd)
MPICC=${MPICC:-mpicc}
MPIRUN=${MPIRUN:-mpirun}
MPIRUN_FLAGS=${MPIRUN_FLAGS:---oversubscribe}
NPS=${NPS:-"1 2 4"}
TIMEOUT=${TIMEOUT:-30}
# Open MPI refuses to run as root without these (containers, CI)
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1

tmp=$(mktemp -d "${TMPDIR:-/tmp}/mpi-conformance.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

if [ $# -gt 0 ]; then
    progs="$*"
else
    progs=$(cd "$here" && ls *.c | sed 's/\.c$//')
fi

pass=0
fail=0
failed=""
for p in $progs; do
    if ! "$MPICC" -std=c11 -O2 -Wall -o "$tmp/$p" "$here/$p.c" -lm 2>"$tmp/$p.build"; then
        echo "BUILD-FAIL $p"
        sed 's/^/    /' "$tmp/$p.build"
        fail=$((fail + 1))
        failed="$failed $p(build)"
        continue
    fi
    for np in $NPS; do
        start=$(date +%s%N 2>/dev/null || echo 0)
        timeout "$TIMEOUT" "$MPIRUN" $MPIRUN_FLAGS -np "$np" "$tmp/$p" \
            >"$tmp/$p.$np.out" 2>"$tmp/$p.$np.err"
        rc=$?
        end=$(date +%s%N 2>/dev/null || echo 0)
        ms=$(( (end - start) / 1000000 ))
        last=$(tail -n 1 "$tmp/$p.$np.out")
        if [ "$rc" -eq 0 ] && [ "$last" = "PASS $p" ]; then
            printf 'PASS  %-12s np=%-2s %6d ms\n' "$p" "$np" "$ms"
            pass=$((pass + 1))
        else
            printf 'FAIL  %-12s np=%-2s %6d ms  rc=%s\n' "$p" "$np" "$ms" "$rc"
            grep -v '^ok ' "$tmp/$p.$np.out" | sed 's/^/    stdout: /'
            head -n 20 "$tmp/$p.$np.err" | sed 's/^/    stderr: /'
            fail=$((fail + 1))
            failed="$failed $p(np=$np)"
        fi
    done
done
echo "summary: $pass passed, $fail failed${failed:+ -$failed}"
[ "$fail" -eq 0 ]
