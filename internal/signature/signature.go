package signature

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"

	"github.com/wasmrun/wasmrun/internal/wasmfile"
)

// Section is the name of the custom section that holds the signature.
const Section = "wasmrun.signature"

// format is the first byte of the section's payload.
const format = 1

const payloadSize = 1 + ed25519.PublicKeySize + ed25519.SignatureSize

// context is signed with the module's hash, so that a wasmrun signature
// cannot be taken for an ed25519 signature over anything else.
const context = "wasmrun module signature v1\x00"

// Errors that Verify wraps.
var (
	ErrUnsigned = errors.New("module is not signed")
	ErrOtherKey = errors.New("module is signed by another key")
	ErrTampered = errors.New("signature does not match the module: it was changed after signing")
)

// Sign returns the module signed with key; a signature it already had is
// replaced.
func Sign(module []byte, key ed25519.PrivateKey) ([]byte, error) {
	stripped, _, err := wasmfile.RemoveCustom(module, Section)
	if err != nil {
		return nil, fmt.Errorf("sign: %w", err)
	}
	payload := make([]byte, 0, payloadSize)
	payload = append(payload, format)
	payload = append(payload, key.Public().(ed25519.PublicKey)...)
	payload = append(payload, ed25519.Sign(key, message(stripped))...)
	return wasmfile.AppendCustom(stripped, Section, payload)
}

func message(stripped []byte) []byte {
	sum := sha256.Sum256(stripped)
	return append([]byte(context), sum[:]...)
}

// Info is what a module says about its own signature, before it is checked
// against a trusted key.
type Info struct {
	Signed bool
	Key    ed25519.PublicKey // the signer's key, as the module claims it
	Intact bool              // the signature holds under that key
}

// Inspect reads a module's signature section. An error means the module or
// the section is malformed.
func Inspect(module []byte) (Info, error) {
	sections, err := wasmfile.Custom(module, Section)
	if err != nil {
		return Info{}, err
	}
	switch len(sections) {
	case 0:
		return Info{}, nil
	case 1:
	default:
		return Info{}, fmt.Errorf("%d %s sections (a signed module has one)", len(sections), Section)
	}
	p := sections[0]
	if len(p) != payloadSize || p[0] != format {
		return Info{}, fmt.Errorf("malformed %s section (%d bytes, format %d)", Section, len(p), firstByte(p))
	}
	stripped, _, err := wasmfile.RemoveCustom(module, Section)
	if err != nil {
		return Info{}, err
	}
	key := ed25519.PublicKey(bytes.Clone(p[1 : 1+ed25519.PublicKeySize]))
	return Info{Signed: true, Key: key, Intact: ed25519.Verify(key, message(stripped), p[1+ed25519.PublicKeySize:])}, nil
}

func firstByte(b []byte) int {
	if len(b) == 0 {
		return -1
	}
	return int(b[0])
}

// Verify checks that the module is signed by trusted and unchanged since.
func Verify(module []byte, trusted ed25519.PublicKey) error {
	info, err := Inspect(module)
	switch {
	case err != nil:
		return err
	case !info.Signed:
		return ErrUnsigned
	case !info.Key.Equal(trusted):
		return fmt.Errorf("%w (%s, trusted: %s)", ErrOtherKey, Fingerprint(info.Key), Fingerprint(trusted))
	case !info.Intact:
		return ErrTampered
	}
	return nil
}

// Fingerprint names a public key: SHA256: and the base64 of its hash, as
// ssh-keygen -l does.
func Fingerprint(key ed25519.PublicKey) string {
	sum := sha256.Sum256(key)
	return "SHA256:" + base64.RawStdEncoding.EncodeToString(sum[:])
}
