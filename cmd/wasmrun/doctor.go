package main

import (
	"encoding/json"
	"fmt"
	"os/exec"

	"github.com/spf13/cobra"
	"github.com/wasmrun/wasmrun/embedder"
	"github.com/wasmrun/wasmrun/internal/doctor"
	"github.com/wasmrun/wasmrun/mpibridge"
)

func newDoctorCmd(s streams) *cobra.Command {
	var cache string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "doctor",
		Short: "Check what this node offers wasmrun; exit 0 when it can run MPI jobs",
		Long: `Prints a checklist with a verdict per line: the CPU, the host MPI library,
an MPI launcher on PATH, the OpenCL and CUDA drivers, the compiled-code
cache, and that wasmrun runs without privilege. Exits 0 when the node can
run MPI jobs, 1 otherwise.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			r := doctorChecks(cache)
			if asJSON {
				type line struct {
					doctor.Check
					Verdict string `json:"verdict"`
				}
				out := struct {
					Checks    []line `json:"checks"`
					CanRunMPI bool   `json:"canRunMPI"`
				}{CanRunMPI: r.CanRunMPI()}
				for _, c := range r {
					out.Checks = append(out.Checks, line{c, c.Verdict.String()})
				}
				enc := json.NewEncoder(s.Out)
				enc.SetIndent("", "  ")
				if err := enc.Encode(out); err != nil {
					return err
				}
			} else if err := r.Write(s.Out); err != nil {
				return err
			}
			if !r.CanRunMPI() {
				return exitError{1}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&cache, "cache", embedder.DefaultCacheDir(), "compiled code cache `DIR`")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON for scripts")
	return cmd
}

// doctorChecks runs every check, in the order printed.
func doctorChecks(cache string) doctor.Report {
	usable := 0
	if entries, err := embedder.CacheEntries(cache); err == nil {
		for _, e := range entries {
			if e.Usable {
				usable++
			}
		}
	}
	r := doctor.Report{
		doctor.CPU(),
		mpiCheck(),
		doctor.Launcher(mpiFamily(), exec.LookPath),
	}
	r = append(r, gpuChecks()...)
	r = append(r, numlibChecks()...)
	r = append(r,
		doctor.Cache(cache, usable),
		doctor.Privilege(),
		doctor.Check{Name: "versions", Verdict: doctor.OK, Detail: fmt.Sprintf("wasmrun %s, wazero %s", version, embedder.WazeroVersion())},
	)
	return r
}

// mpiCheck loads the host MPI a run would use ($WASMRUN_MPI, the
// launcher's, else the first found) and says what else this node has.
func mpiCheck() doctor.Check {
	c, err := mpibridge.Load("")
	var others []string
	for _, a := range mpibridge.Available() {
		if a.Family != c.Family {
			others = append(others, a.Family+" ("+a.Library+")")
		}
	}
	if err != nil {
		return doctor.MPI("", "", "", others, err)
	}
	return doctor.MPI(c.Family, c.Library+": "+firstLine(mpibridge.HostLibrary()), c.Why, others, nil)
}

// mpiFamily is the MPI family a run would use, for the launcher check.
func mpiFamily() string {
	if c, ok := mpibridge.Loaded(); ok {
		return c.Family
	}
	return "openmpi"
}

// gpuChecks check the GPU drivers that the gpu host modules load at run
// time; they are not needed for MPI jobs.
func gpuChecks() []doctor.Check {
	return []doctor.Check{doctor.OpenCL(), doctor.CUDA()}
}
