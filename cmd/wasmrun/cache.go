package main

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"github.com/wasmrun/wasmrun/embedder"
)

func newCacheCmd(s streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "cache",
		Short: "List (ls) or prune (clean) the compiled-code cache",
	}
	var dir string
	cmd.PersistentFlags().StringVar(&dir, "cache", embedder.DefaultCacheDir(), "compiled code cache `DIR`")
	var asJSON bool
	ls := &cobra.Command{
		Use:   "ls",
		Short: "List the compiled modules in the cache, for every wazero version and CPU",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			entries, err := embedder.CacheEntries(dir)
			if err != nil {
				return err
			}
			if asJSON {
				if entries == nil {
					entries = []embedder.Entry{}
				}
				enc := json.NewEncoder(s.Out)
				enc.SetIndent("", "  ")
				return enc.Encode(entries)
			}
			return writeEntries(s, dir, entries)
		},
	}
	ls.Flags().BoolVar(&asJSON, "json", false, "print JSON for scripts")
	var all bool
	clean := &cobra.Command{
		Use:   "clean [--all]",
		Short: "Remove what this wasmrun cannot use (other wazero versions, incomplete entries); --all removes everything",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			removed, err := embedder.CleanCache(dir, all)
			var freed int64
			for _, e := range removed {
				freed += e.CodeSize
			}
			fmt.Fprintf(s.Out, "removed %d entries (%s of compiled code) from %s\n", len(removed), size(freed), dir)
			return err
		},
	}
	clean.Flags().BoolVar(&all, "all", false, "remove every entry")
	cmd.AddCommand(ls, clean)
	return cmd
}

func writeEntries(s streams, dir string, entries []embedder.Entry) error {
	fmt.Fprintf(s.Out, "cache %s: %d entries; this node is %s, wazero %s\n", dir, len(entries), embedder.CPUKey(), embedder.WazeroVersion())
	if len(entries) == 0 {
		return nil
	}
	w := tabwriter.NewWriter(s.Out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "MODULE\tNAME\tCODE\tCOMPILED\tWAZERO\tCPU\tSTATE")
	for _, e := range entries {
		state := "usable here"
		switch {
		case !e.Complete:
			state = "incomplete"
		case e.Wazero != embedder.WazeroVersion():
			state = "other wazero"
		case e.CPU != embedder.CPUKey():
			state = "other CPU"
		}
		if e.Leftovers > 0 {
			state += fmt.Sprintf(", %d leftover temp file(s)", e.Leftovers)
		}
		compiled := "-"
		if !e.Compiled.IsZero() {
			compiled = e.Compiled.Local().Format("2006-01-02 15:04")
		}
		name := e.Name
		if name == "" {
			name = "-"
		}
		fmt.Fprintf(w, "%.12s\t%s\t%s\t%s\t%s\t%s\t%s\n", e.Module, name, size(e.CodeSize), compiled, e.Wazero, e.CPU, state)
	}
	return w.Flush()
}

func size(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
