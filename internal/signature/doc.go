// Package signature signs WebAssembly modules with ed25519 (the standard
// library's) and checks those signatures. The signature lives in the
// module itself, in a custom section called "wasmrun.signature", so a
// signed module stays one file that every WebAssembly runtime still runs.
//
// What is signed is the module without its signature section: every other
// byte, in order, hashed with SHA-256 behind a fixed context string. The
// section holds a format byte, the signer's public key (so that `wasmrun
// inspect` can say who signed) and the signature. Verification trusts only
// the key it is given: the key inside the section must be that key and the
// signature must hold under it.
//
// Keys are PEM files that OpenSSL reads too: the private key as PKCS #8
// ("PRIVATE KEY", mode 0600), the public key as PKIX ("PUBLIC KEY").
package signature
