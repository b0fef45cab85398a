// Package wasi builds the file system a wasm32-wasi guest sees when wasmrun
// runs it with wazero.
//
// The guest sees only the host directories mounted with
// --dir HOST[:GUEST][:ro] (see [ParseMount]). Each mount is served by an
// [os.Root], which confines every path, including ".." components and
// symbolic links, to the mounted directory, and is handed to wazero as an
// experimental/sys.FS through [Table.FSConfig]. wazero's own WithDirMount is
// not used because it is not a sandbox: a guest can leave it through a
// symbolic link it creates itself.
//
// The one sandbox rule: a guest path is resolved by taking the mount with the
// longest guest path that is a prefix of it (component by component), and
// the rest of the path is looked up inside that mount's os.Root. Nothing,
// neither "..", nor a symbolic link created by the guest or by the host, nor
// a hard link request, can reach a file outside the mounted directory.
// Read-only mounts reject every change with EROFS. Other packages (MPI-IO)
// resolve guest paths through [Table.Resolve], so they obey the same rule.
//
// [ParseEnv] parses the --env flag, which does not touch the file system.
package wasi
