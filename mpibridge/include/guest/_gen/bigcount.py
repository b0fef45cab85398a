#!/usr/bin/env python3
"""Generate the guest library's large-count (_c) wrappers from mpi.h.

Usage, from mpibridge/include:

    python3 guest/_gen/bigcount.py mpi.h guest

(This directory starts with "_", so go:embed leaves it out of wasmrun.)

Writes guest/bigcount_p2p.c, bigcount_coll.c, bigcount_rma.c and
bigcount_io.c: one PMPI_X_c per _c function of those families whose int
form mpi.h also declares, each on top of PMPI_X (see bigcount_util.c for
the rules), and MPI_X_c as a weak alias of it. Prints the names it wrote;
mpi.h must declare each of them with WASMRUN_MPI_LOCAL. The datatype,
status, pack, buffer, operator and window functions are written by hand
(bigcount_type.c, bigcount_misc.c).
"""
import re
import sys

P2P = """Send Recv Bsend Ssend Rsend Isend Ibsend Issend Irsend Irecv Mrecv Imrecv
Send_init Bsend_init Ssend_init Rsend_init Recv_init Sendrecv Sendrecv_replace
Isendrecv Isendrecv_replace""".split()
RMA = "Put Get Accumulate Get_accumulate Rput Rget Raccumulate Rget_accumulate".split()
COLL = """Bcast Ibcast Bcast_init Gather Igather Gather_init Gatherv Igatherv
Gatherv_init Scatter Iscatter Scatter_init Scatterv Iscatterv Scatterv_init
Allgather Iallgather Allgather_init Allgatherv Iallgatherv Allgatherv_init
Alltoall Ialltoall Alltoall_init Alltoallv Ialltoallv Alltoallv_init Alltoallw
Ialltoallw Alltoallw_init Reduce Ireduce Reduce_init Reduce_local Allreduce
Iallreduce Allreduce_init Reduce_scatter_block Ireduce_scatter_block
Reduce_scatter_block_init Reduce_scatter Ireduce_scatter Reduce_scatter_init
Scan Iscan Scan_init Exscan Iexscan Exscan_init Neighbor_allgather
Ineighbor_allgather Neighbor_allgather_init Neighbor_allgatherv
Ineighbor_allgatherv Neighbor_allgatherv_init Neighbor_alltoall
Ineighbor_alltoall Neighbor_alltoall_init Neighbor_alltoallv
Ineighbor_alltoallv Neighbor_alltoallv_init Neighbor_alltoallw
Ineighbor_alltoallw Neighbor_alltoallw_init""".split()
IO = """File_read_at File_read_at_all File_write_at File_write_at_all File_iread_at
File_iwrite_at File_iread_at_all File_iwrite_at_all File_read File_read_all
File_write File_write_all File_iread File_iwrite File_iread_all File_iwrite_all
File_read_shared File_write_shared File_iread_shared File_iwrite_shared
File_read_ordered File_write_ordered File_read_at_all_begin
File_write_at_all_begin File_read_all_begin File_write_all_begin
File_read_ordered_begin File_write_ordered_begin""".split()

# Per-process arrays of the v and w collectives: their length (peers: the
# (remote) group; local: the local group; in/out: the topology's in- and
# out-degree) and when they are significant (root: only at the root;
# send: not when sendbuf is MPI_IN_PLACE).
VSPEC = {
    "Gatherv": {"recvcounts": ("peers", "root"), "displs": ("peers", "root")},
    "Scatterv": {"sendcounts": ("peers", "root"), "displs": ("peers", "root")},
    "Allgatherv": {"recvcounts": ("peers", None), "displs": ("peers", None)},
    "Alltoallv": {"sendcounts": ("peers", "send"), "sdispls": ("peers", "send"),
                  "recvcounts": ("peers", None), "rdispls": ("peers", None)},
    "Alltoallw": {"sendcounts": ("peers", "send"), "sdispls": ("peers", "send"),
                  "recvcounts": ("peers", None), "rdispls": ("peers", None)},
    "Reduce_scatter": {"recvcounts": ("local", None)},
    "Neighbor_allgatherv": {"recvcounts": ("in", None), "displs": ("in", None)},
    "Neighbor_alltoallv": {"sendcounts": ("out", None), "sdispls": ("out", None),
                           "recvcounts": ("in", None), "rdispls": ("in", None)},
    "Neighbor_alltoallw": {"sendcounts": ("out", None), "recvcounts": ("in", None)},
}

HEADER = """/* Generated from mpi.h by _gen/bigcount.py: do not edit; see
 * bigcount_util.c for how large counts are handled.
 *
 * %s */
#include <mpi.h>
#include <stdint.h>
#include <stdlib.h>

int wasmrun_fits(MPI_Count);
MPI_Count wasmrun_count_limit(void);
int wasmrun_carry(MPI_Count, MPI_Datatype, int *, MPI_Datatype *);
void wasmrun_uncarry(MPI_Datatype, MPI_Datatype);
MPI_Count wasmrun_extent(MPI_Datatype);
int wasmrun_ints(const MPI_Count *, int, int **);
int wasmrun_aints(const MPI_Aint *, int, int **);
int wasmrun_byte_ints(const MPI_Aint *, int, int **);
int *wasmrun_keep(int *, int);
int wasmrun_peers(MPI_Comm);
int wasmrun_local_size(MPI_Comm);
int wasmrun_is_root(MPI_Comm, int);
void wasmrun_neighbors(MPI_Comm, int *, int *);
int wasmrun_comm_raise(MPI_Comm, const char *, int, const char *);
int wasmrun_win_raise(MPI_Win, const char *, int, const char *);
int wasmrun_file_raise(MPI_File, const char *, int, const char *);

#define WEAK_ALIAS(name) __attribute__((weak, alias("PMPI_" #name)))
"""


def parse(path):
    text = open(path).read()
    protos = {}
    for m in re.finditer(r"WASMRUN_MPI_(?:FN|LOCAL)\(([^,]+), (\w+), \((.*)\)\)", text):
        ret, name, params = m.group(1).strip(), m.group(2), m.group(3)
        ps = []
        if params.strip() != "void":
            for p in params.split(","):
                p = p.strip()
                pm = re.match(r"^(.*?)(\w+)(\[\])?$", p)
                if pm is None:  # e.g. int ranges[][3]: never converted
                    ps.append((p, None, False))
                    continue
                ps.append((pm.group(1).strip(), pm.group(2), bool(pm.group(3))))
        protos[name] = (ret, ps)
    return protos


def decl(ps):
    return ", ".join(f"{t} {n}[]" if a else (f"{t}{n}" if t.endswith("*") else f"{t} {n}") for t, n, a in ps)


def types_only(ps):
    return ", ".join(f"{t}[]" if a else t for t, n, a in ps)


def base_of(name):
    b = name[:-len("_init")] if name.endswith("_init") else name
    if b.startswith("I") and b not in ("Isend",) and b[1:2].islower():
        b = b[1].upper() + b[2:]
    return b


def keeps_carrier(name):
    """Whether the operation may still use its datatypes after the call
    returns: nonblocking, persistent, split-collective and one-sided."""
    return (name.endswith("_init") or name.endswith("_begin") or name in RMA
            or (name.startswith("I") and name[1:2].islower())
            or name.startswith("File_i"))


def gen(name, protos):
    cname = name + "_c"
    _, pc = protos[cname]
    _, pi = protos[name]
    assert [n for _, n, _ in pc] == [n for _, n, _ in pi], name
    names = [n for _, n, _ in pc]
    fn = f'"MPI_{cname}"'
    if "comm" in names:
        raise_ = "wasmrun_comm_raise(comm, " + fn
    elif "win" in names:
        raise_ = "wasmrun_win_raise(win, " + fn
    elif "fh" in names:
        raise_ = "wasmrun_file_raise(fh, " + fn
    else:
        raise_ = "wasmrun_comm_raise(MPI_COMM_WORLD, " + fn
    keep = name.endswith("_init") or (name.startswith("I") and name[1:2].islower())
    counts, arrays = [], []
    for i, ((tc, n, ac), (ti, _, ai)) in enumerate(zip(pc, pi)):
        if (tc, ac) == (ti, ai):
            continue
        if tc == "MPI_Count" and ti == "int" and not ac:
            dt = next(pc[j][1] for j in range(i + 1, len(pc)) if pc[j][0] == "MPI_Datatype" and not pc[j][2])
            counts.append((n, dt))
        elif ac and tc == "const MPI_Count" and ti == "const int":
            arrays.append((n, "wasmrun_ints"))
        elif ac and tc == "const MPI_Aint" and ti == "const int":
            # Alltoallw's displacements are in bytes, the others' in elements
            arrays.append((n, "wasmrun_byte_ints" if base_of(name) == "Alltoallw" else "wasmrun_aints"))
        else:
            raise SystemExit(f"{cname}: cannot convert {tc} {n}")
    reduction = "op" in names and name not in RMA and not arrays
    body = []
    args = {n: n for n in names}
    if reduction:
        assert len(counts) == 1 and not arrays, name
        cnt, dt = counts[0]
        args[cnt] = f"(int){cnt}"
        call = f"PMPI_{name}({', '.join(args[n] for n in names)})"
        body.append(f"    if (wasmrun_fits({cnt}))\n        return {call};")
        blocking = not keep and name not in ("Reduce_scatter_block",)
        if not blocking:
            body.append(f"    return {raise_}, MPI_ERR_COUNT, \"the count does not fit in an int, and a reduction that is not blocking cannot be split\");")
        else:
            bufs = [n for t, n, a in pc if t in ("const void *", "void *")]
            body.append(f"    if ({cnt} < 0)\n        return {raise_}, MPI_ERR_COUNT, \"negative count\");")
            body.append(f"    MPI_Count ext = wasmrun_extent({dt}), step = wasmrun_count_limit();")
            if name == "Reduce":
                body.append("    int at_root = wasmrun_is_root(comm, root);")
            body.append(f"    for (MPI_Count done = 0; done < {cnt}; done += step) {{")
            body.append(f"        MPI_Count n = {cnt} - done < step ? {cnt} - done : step;")
            body.append("        intptr_t off = (intptr_t)(done * ext);")
            cargs = dict(args)
            cargs[cnt] = "(int)n"
            for b in bufs:
                t = next(t for t, n, a in pc if n == b)
                adv = f"({b} == MPI_IN_PLACE ? {b} : ({t})((const char *){b} + off))"
                if name == "Reduce" and b == "recvbuf":
                    adv = f"(at_root ? {adv} : {b})"
                cargs[b] = adv
            body.append(f"        int rc = PMPI_{name}({', '.join(cargs[n] for n in names)});")
            body.append("        if (rc != MPI_SUCCESS)\n            return rc;")
            body.append("    }\n    return MPI_SUCCESS;")
    else:
        body.append("    int rc = MPI_SUCCESS;")
        for k, (cnt, dt) in enumerate(counts):
            body.append(f"    int n{k} = 0;\n    MPI_Datatype t{k} = {dt};")
            args[cnt], args[dt] = f"n{k}", f"t{k}"
        cleanup = []
        for k, (cnt, dt) in enumerate(counts):
            fail_cleanup = "".join(f"        wasmrun_uncarry(t{j}, {counts[j][1]});\n" for j in range(k))
            body.append(f"    if ((rc = wasmrun_carry({cnt}, {dt}, &n{k}, &t{k})) != MPI_SUCCESS) {{\n{fail_cleanup}"
                        f"        return {raise_}, rc, \"{cnt} does not fit in an int and no datatype can carry it\");\n    }}")
            cleanup.append(f"    wasmrun_uncarry(t{k}, {dt});")
        if arrays:
            spec = VSPEC[base_of(name)]
            lens = {spec[n][0] for n, _ in arrays}
            if "peers" in lens:
                body.append("    int peers = wasmrun_peers(comm);")
            if "local" in lens:
                body.append("    int local = wasmrun_local_size(comm);")
            if lens & {"in", "out"}:
                body.append("    int in = 0, out = 0;\n    wasmrun_neighbors(comm, &in, &out);")
            if any(spec[n][1] == "root" for n, _ in arrays):
                body.append("    int at_root = wasmrun_is_root(comm, root);")
            for n, conv in arrays:
                body.append(f"    int *a_{n} = NULL;")
                args[n] = f"a_{n}"
            for n, conv in arrays:
                ln, when = spec[n]
                cond = {"root": "at_root && ", "send": "sendbuf != MPI_IN_PLACE && ", None: ""}[when]
                body.append(f"    if ({cond}rc == MPI_SUCCESS)\n        rc = {conv}({n}, {ln}, &a_{n});")
            frees = "".join(f"        free(a_{n});\n" for n, _ in arrays)
            uncarry = "".join(c.replace("    ", "        ", 1) + "\n" for c in cleanup)
            body.append(f"    if (rc != MPI_SUCCESS) {{\n{frees}{uncarry}"
                        f"        return {raise_}, rc, rc == MPI_ERR_COUNT ? \"a count or displacement does not fit in an int\" : \"no memory for the int arrays\");\n    }}")
            if keep:
                for n, _ in arrays:
                    body.append(f"    a_{n} = wasmrun_keep(a_{n}, {spec[n][0]});")
        body.append(f"    rc = PMPI_{name}({', '.join(args[n] for n in names)});")
        if keeps_carrier(name) and cleanup:
            # the operation goes on after the call: its carriers stay for
            # the rest of the run (see bigcount_util.c)
            body.append("    if (rc != MPI_SUCCESS) {")
            body.extend("    " + c for c in cleanup)
            body.append("    }")
        else:
            body.extend(cleanup)
        if arrays and not keep:
            for n, _ in arrays:
                body.append(f"    free(a_{n});")
        body.append("    return rc;")
    out = [f"int PMPI_{cname}({decl(pc)})", "{"] + body + ["}",
           f"int MPI_{cname}({types_only(pc)}) WEAK_ALIAS({cname});", ""]
    return "\n".join(out)


def main():
    protos = parse(sys.argv[1])
    outdir = sys.argv[2]
    files = [
        ("bigcount_p2p.c", P2P, "Point-to-point large-count functions."),
        ("bigcount_coll.c", COLL, "Collective large-count functions."),
        ("bigcount_rma.c", RMA, "One-sided large-count communication functions."),
        ("bigcount_io.c", IO, "MPI-IO large-count functions."),
    ]
    for fname, names, what in files:
        parts = [HEADER % what]
        for n in names:
            if n + "_c" not in protos or n not in protos:
                raise SystemExit(f"{n}: no declaration")
            parts.append(gen(n, protos))
            print(n + "_c")
        with open(f"{outdir}/{fname}", "w") as f:
            f.write("\n".join(parts))


main()
