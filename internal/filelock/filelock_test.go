package filelock

import (
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestLockIsExclusive(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "x.lock")
	var inside, most atomic.Int32
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			unlock, err := Lock(path)
			require.NoError(t, err)
			n := inside.Add(1)
			if n > most.Load() {
				most.Store(n)
			}
			inside.Add(-1)
			unlock()
		}()
	}
	wg.Wait()
	require.Equal(t, int32(1), most.Load())
}
