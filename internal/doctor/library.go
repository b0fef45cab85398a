package doctor

import "fmt"

// NumLibrary reports a numerical library the numlib bridge opens at run time
// (BLAS, LAPACK, FFTW): path as named, found the file(s) it resolved to,
// err why it does not load, and how many of the bridged functions it has.
// Without it only programs that call it cannot run.
func NumLibrary(what, path, found string, err error, have, total int) Check {
	name := "library " + what
	switch {
	case err != nil:
		return Check{Name: name, Verdict: Absent, Detail: err.Error() + ": programs calling it cannot run here"}
	case have < total:
		return Check{Name: name, Verdict: Warn, Detail: fmt.Sprintf("%s (%s) has %d of the %d bridged functions", path, found, have, total)}
	}
	return Check{Name: name, Verdict: OK, Detail: fmt.Sprintf("%s (%s): all %d bridged functions", path, found, total)}
}
