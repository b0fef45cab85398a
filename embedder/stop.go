package embedder

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"sync"
	"syscall"
	"time"
	"unsafe"

	"github.com/tetratelabs/wazero/api"
	"golang.org/x/sys/unix"
)

// TimeoutExitCode is wasmrun's exit code when --timeout ends the guest (the
// code of coreutils' timeout).
const TimeoutExitCode = 124

// stopper ends a run from outside the guest: on --timeout, or on SIGINT,
// SIGTERM or a SIGSEGV sent by another process. The guest may be computing or blocked in a host call (an MPI_Recv
// that will never complete) and cannot be interrupted safely, so the stopper
// does the ending itself, on its own goroutine: it flushes the guest's
// stdio buffers, reports why on stderr, lets the hosts end the job
// (MPI_Abort) for a timeout, and ends the process, for a signal by that
// same signal, as a native process would end.
type stopper struct {
	ctx    context.Context
	mod    api.Module
	o      Options
	hosts  []Host
	mu     sync.Mutex
	owner  string        // "run" once the guest returned, "stop" once stopping
	done   chan struct{} // closed by finish
	ended  chan struct{} // closed when stop returns (only with Options.Exit)
	code   int           // the exit code stop chose
	timer  *time.Timer
	signal chan os.Signal
}

func newStopper(ctx context.Context, mod api.Module, o Options, hosts []Host) *stopper {
	s := &stopper{ctx: ctx, mod: mod, o: o, hosts: hosts, done: make(chan struct{}), ended: make(chan struct{})}
	if o.Timeout > 0 {
		s.timer = time.AfterFunc(o.Timeout, func() {
			s.stop(fmt.Sprintf("timed out after %v (--timeout)", o.Timeout), nil)
		})
	}
	if o.Signals {
		s.signal = make(chan os.Signal, 1)
		// SIGSEGV here is one sent with kill: Go handles a real fault itself.
		signal.Notify(s.signal, syscall.SIGINT, syscall.SIGTERM, syscall.SIGSEGV)
		go func() {
			select {
			case sig := <-s.signal:
				s.stop("stopped by "+signalName(sig), sig)
			case <-s.done:
			}
		}()
	}
	return s
}

// finish is called by Run once the guest returned. It reports false when
// the stopper is already ending the process: Run must then leave it alone.
func (s *stopper) finish() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.owner == "stop" {
		return false
	}
	s.owner = "run"
	if s.timer != nil {
		s.timer.Stop()
	}
	if s.signal != nil {
		signal.Stop(s.signal)
	}
	close(s.done)
	return true
}

func (s *stopper) stop(reason string, sig os.Signal) {
	s.mu.Lock()
	if s.owner != "" {
		s.mu.Unlock()
		return
	}
	s.owner = "stop"
	s.mu.Unlock()
	defer close(s.ended)
	// A guest computing in wasm code cannot be preempted, so a garbage
	// collection would wait for it forever: none from here on.
	debug.SetGCPercent(-1)

	// The guest's buffered output first: it is what a user looks for. If
	// the guest is computing, this runs beside it (it cannot be paused):
	// best effort, as a native signal handler calling fflush would be.
	Flush(s.ctx, s.mod)
	stderr := s.o.Stderr
	if stderr == nil {
		stderr = os.Stderr
	}
	label := ""
	for _, h := range s.hosts {
		if l, ok := h.(Labeler); ok {
			label = l.Label()
		}
	}
	who := filepath.Base(s.o.Path)
	if label != "" {
		who = label + " (" + who + ")"
	}
	fmt.Fprintf(stderr, "wasmrun: %s %s\n", who, reason)
	if f, ok := stderr.(interface{ Sync() error }); ok {
		_ = f.Sync()
	}
	exit := s.o.Exit
	if exit == nil {
		exit = os.Exit
	}
	if sig == nil {
		for _, h := range s.hosts {
			if a, ok := h.(Aborter); ok {
				a.Abort(TimeoutExitCode)
			}
		}
		s.code = TimeoutExitCode
		exit(s.code)
		return
	}
	// End by the signal itself, so the launcher sees what it sees natively
	// (MPICH's launcher ends the job when a rank dies by a signal, not when
	// it exits with 139).
	if n, ok := sig.(syscall.Signal); ok && s.o.Exit == nil {
		signal.Reset(sig)
		if n == syscall.SIGSEGV {
			// Go keeps its own SIGSEGV handler: put the default back
			// (a zeroed struct sigaction is SIG_DFL on every Linux ABI).
			var sa [4]uint64
			unix.RawSyscall6(unix.SYS_RT_SIGACTION, uintptr(n), uintptr(unsafe.Pointer(&sa)), 0, 8, 0, 0)
		}
		_ = unix.Kill(os.Getpid(), n)
		time.Sleep(time.Second)
	}
	s.code = 130
	if n, ok := sig.(syscall.Signal); ok {
		s.code = 128 + int(n)
	}
	exit(s.code)
}

func signalName(sig os.Signal) string {
	switch sig {
	case syscall.SIGINT:
		return "SIGINT"
	case syscall.SIGTERM:
		return "SIGTERM"
	case syscall.SIGSEGV:
		return "SIGSEGV (sent by another process)"
	}
	return sig.String()
}
