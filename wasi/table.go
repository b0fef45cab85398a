package wasi

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/experimental/sysfs"
)

// Table is the mount table of one run: every directory the guest can see.
// Its methods are safe for concurrent use, except Close.
type Table struct {
	mounts []*mount // in the order given to NewTable
	byLen  []*mount // longest guest path first, for Resolve
}

type mount struct {
	Mount
	fs *rootFS
}

// NewTable opens the host directory of every mount as an os.Root. Guest
// paths must be absolute and distinct; an empty Guest is the host path.
func NewTable(mounts []Mount) (*Table, error) {
	t := &Table{}
	seen := make(map[string]bool, len(mounts))
	for _, m := range mounts {
		if m.Guest == "" {
			m.Guest = m.Host
		}
		if !strings.HasPrefix(m.Guest, "/") {
			t.Close()
			return nil, fmt.Errorf("mount %s: guest path %q is not absolute", m.Host, m.Guest)
		}
		m.Guest = path.Clean(m.Guest)
		if seen[m.Guest] {
			t.Close()
			return nil, fmt.Errorf("mount %s: guest path %s is mounted twice", m.Host, m.Guest)
		}
		seen[m.Guest] = true
		root, err := os.OpenRoot(m.Host)
		if err != nil {
			t.Close()
			return nil, fmt.Errorf("mount %s: %w", m.Host, err)
		}
		t.mounts = append(t.mounts, &mount{Mount: m, fs: &rootFS{root: root, readOnly: m.ReadOnly}})
	}
	t.byLen = append([]*mount(nil), t.mounts...)
	slices.SortStableFunc(t.byLen, func(a, b *mount) int { return len(b.Guest) - len(a.Guest) })
	return t, nil
}

// FSConfig returns a wazero.FSConfig that mounts every mount at its guest
// path, in order, through sysfs.FSConfig.WithSysFSMount.
func (t *Table) FSConfig() wazero.FSConfig {
	cfg := wazero.NewFSConfig()
	if t == nil {
		return cfg
	}
	for _, m := range t.mounts {
		sc, ok := cfg.(sysfs.FSConfig)
		if !ok { // never with wazero 1.12; mount nothing rather than too much
			return wazero.NewFSConfig()
		}
		cfg = sc.WithSysFSMount(m.fs, m.Guest)
	}
	return cfg
}

// Resolve maps an absolute guest path to the mount holding it and the path
// relative to that mount's root, for use with root.OpenFile and the like,
// which keep confining symbolic links. Callers must refuse to change
// anything when readOnly is set.
//
// The mount is the one with the longest guest path that is a prefix of
// guestPath, component by component, before any ".." is applied; this is
// how wasi-libc and wazero resolve a guest's paths. The rest is then cleaned
// and must not leave the mount: "/data/../etc/passwd" is refused even when
// "/" is mounted too. The error wraps fs.ErrInvalid for a relative path,
// fs.ErrNotExist when no mount holds the path and fs.ErrPermission when it
// would leave its mount.
func (t *Table) Resolve(guestPath string) (root *os.Root, rel string, readOnly bool, err error) {
	if !strings.HasPrefix(guestPath, "/") {
		return nil, "", false, fmt.Errorf("resolve %q: %w: not an absolute path", guestPath, fs.ErrInvalid)
	}
	parts := components(guestPath)
	if t == nil {
		t = &Table{}
	}
	for _, m := range t.byLen {
		mp := components(m.Guest)
		if len(mp) > len(parts) || !slices.Equal(mp, parts[:len(mp)]) {
			continue
		}
		rel = path.Clean(strings.Join(parts[len(mp):], "/"))
		if rel == ".." || strings.HasPrefix(rel, "../") {
			return nil, "", false, fmt.Errorf("resolve %s: %w: path leaves mount %s", guestPath, fs.ErrPermission, m.Guest)
		}
		return m.fs.root, rel, m.ReadOnly, nil
	}
	return nil, "", false, fmt.Errorf("resolve %s: %w: no mount holds it", guestPath, fs.ErrNotExist)
}

// Close closes every mount's os.Root. Files the guest still has open stay
// usable; new lookups fail.
func (t *Table) Close() error {
	if t == nil {
		return nil
	}
	var errs []error
	for _, m := range t.mounts {
		if err := m.fs.root.Close(); err != nil {
			errs = append(errs, fmt.Errorf("mount %s: %w", m.Host, err))
		}
	}
	return errors.Join(errs...)
}

// components splits an absolute path into its elements, dropping empty and
// "." elements but keeping "..".
func components(p string) []string {
	var parts []string
	for _, e := range strings.Split(p, "/") {
		if e != "" && e != "." {
			parts = append(parts, e)
		}
	}
	return parts
}
