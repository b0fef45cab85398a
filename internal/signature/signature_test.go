package signature

import (
	"crypto/ed25519"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/wasmrun/wasmrun/internal/wasmfile"
)

// module is a small valid module: a type section and a custom section.
var module = []byte("\x00asm\x01\x00\x00\x00\x01\x04\x01\x60\x00\x00\x00\x04\x01ab!")

func TestSignVerify(t *testing.T) {
	dir := t.TempDir()
	pub, err := Keygen(filepath.Join(dir, "site"))
	require.NoError(t, err)
	st, err := os.Stat(filepath.Join(dir, "site.key"))
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), st.Mode().Perm(), "private key mode")
	_, err = Keygen(filepath.Join(dir, "site"))
	require.ErrorContains(t, err, "exists", "keygen does not overwrite")

	priv, err := ReadPrivateKey(filepath.Join(dir, "site.key"))
	require.NoError(t, err)
	readPub, err := ReadPublicKey(filepath.Join(dir, "site.pub"))
	require.NoError(t, err)
	require.True(t, pub.Equal(readPub))

	signed, err := Sign(module, priv)
	require.NoError(t, err)
	require.NoError(t, Verify(signed, pub))
	info, err := Inspect(signed)
	require.NoError(t, err)
	require.True(t, info.Signed && info.Intact)
	require.Equal(t, Fingerprint(pub), Fingerprint(info.Key))

	again, err := Sign(signed, priv)
	require.NoError(t, err)
	require.Equal(t, signed, again, "re-signing replaces the signature (ed25519 is deterministic)")
	stripped, n, err := wasmfile.RemoveCustom(signed, Section)
	require.NoError(t, err)
	require.Equal(t, 1, n)
	require.Equal(t, module, stripped, "signing only adds the section")

	require.ErrorIs(t, Verify(module, pub), ErrUnsigned)

	otherPub, otherPriv, err := ed25519.GenerateKey(nil)
	require.NoError(t, err)
	require.ErrorIs(t, Verify(signed, otherPub), ErrOtherKey)

	// A byte of the module changed after signing (the custom section's "!").
	tampered := append([]byte(nil), signed...)
	tampered[len(module)-1] = '?'
	require.ErrorIs(t, Verify(tampered, pub), ErrTampered)
	info, err = Inspect(tampered)
	require.NoError(t, err)
	require.False(t, info.Intact)

	// A signature over different bytes, moved onto this module.
	otherSigned, err := Sign(append(append([]byte(nil), module...), 0, 2, 1, 'x'), priv)
	require.NoError(t, err)
	sig, err := wasmfile.Custom(otherSigned, Section)
	require.NoError(t, err)
	moved, err := wasmfile.AppendCustom(module, Section, sig[0])
	require.NoError(t, err)
	require.ErrorIs(t, Verify(moved, pub), ErrTampered)

	// The key in the section swapped for another's, signature kept.
	swapped := append([]byte(nil), signed...)
	copy(swapped[len(swapped)-payloadSize+1:], otherPriv.Public().(ed25519.PublicKey))
	require.ErrorIs(t, Verify(swapped, pub), ErrOtherKey)

	twice, err := wasmfile.AppendCustom(signed, Section, sig[0])
	require.NoError(t, err)
	require.ErrorContains(t, Verify(twice, pub), "2 wasmrun.signature sections")
	short, err := wasmfile.AppendCustom(module, Section, []byte{1, 2, 3})
	require.NoError(t, err)
	require.ErrorContains(t, Verify(short, pub), "malformed")
	_, err = Sign([]byte("not wasm"), priv)
	require.ErrorIs(t, err, wasmfile.ErrNotModule)
}

func TestBadKeyFiles(t *testing.T) {
	dir := t.TempDir()
	_, err := Keygen(filepath.Join(dir, "k"))
	require.NoError(t, err)
	junk := filepath.Join(dir, "junk")
	require.NoError(t, os.WriteFile(junk, []byte("hello\n"), 0o644))
	rsa := filepath.Join(dir, "rsa.pem")
	require.NoError(t, os.WriteFile(rsa, []byte("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n"), 0o600))
	badDER := filepath.Join(dir, "bad.pub")
	require.NoError(t, os.WriteFile(badDER, []byte("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"), 0o644))

	_, err = ReadPrivateKey(filepath.Join(dir, "k.pub"))
	require.ErrorContains(t, err, "a public key; signing needs the private key")
	_, err = ReadPublicKey(filepath.Join(dir, "k.key"))
	require.ErrorContains(t, err, "a private key; verifying takes the public key")
	_, err = ReadPublicKey(junk)
	require.ErrorContains(t, err, "not a PEM key file")
	_, err = ReadPrivateKey(rsa)
	require.ErrorContains(t, err, `PEM block "RSA PRIVATE KEY"`)
	_, err = ReadPublicKey(badDER)
	require.ErrorContains(t, err, "bad.pub")
	_, err = ReadPublicKey(filepath.Join(dir, "absent.pub"))
	require.ErrorContains(t, err, "no such file")
}
