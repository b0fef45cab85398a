package doctor

import "fmt"

// NumLibrary reports a numerical library the numlib bridge opens at run time
// (BLAS, LAPACK, FFTW), under the check name name: what it is, path as
// named, found the file(s) it resolved to, err why it does not load, and
// how many of the bridged functions it has. Without it only programs that
// call it cannot run.
func NumLibrary(name, what, path, found string, err error, have, total int) Check {
	switch {
	case err != nil:
		return Check{Name: name, Verdict: Absent, Detail: err.Error() + ": programs calling it cannot run here"}
	case have < total:
		return Check{Name: name, Verdict: Warn, Detail: fmt.Sprintf("%s %s (%s) has %d of the %d bridged functions", what, path, found, have, total)}
	}
	return Check{Name: name, Verdict: OK, Detail: fmt.Sprintf("%s %s (%s): all %d bridged functions", what, path, found, total)}
}
