package signature

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Keygen writes a new key pair: name.key (private, mode 0600) and name.pub.
// It refuses to overwrite either file.
func Keygen(name string) (ed25519.PublicKey, error) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("keygen: %w", err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		return nil, fmt.Errorf("keygen: %w", err)
	}
	pubDER, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		return nil, fmt.Errorf("keygen: %w", err)
	}
	for _, f := range []struct {
		path  string
		block *pem.Block
		mode  os.FileMode
	}{
		{name + ".key", &pem.Block{Type: "PRIVATE KEY", Bytes: der}, 0o600},
		{name + ".pub", &pem.Block{Type: "PUBLIC KEY", Bytes: pubDER}, 0o644},
	} {
		if err := writeNew(f.path, pem.EncodeToMemory(f.block), f.mode); err != nil {
			return nil, fmt.Errorf("keygen: %w", err)
		}
	}
	return pub, nil
}

func writeNew(path string, data []byte, mode os.FileMode) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(path)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return err
	}
	return nil
}

// ReadPrivateKey reads a private key written by Keygen (or by `openssl
// genpkey -algorithm ed25519`).
func ReadPrivateKey(path string) (ed25519.PrivateKey, error) {
	block, err := readPEM(path)
	if err != nil {
		return nil, err
	}
	switch block.Type {
	case "PRIVATE KEY":
	case "PUBLIC KEY":
		return nil, fmt.Errorf("key %s: a public key; signing needs the private key (the .key file)", path)
	default:
		return nil, fmt.Errorf("key %s: PEM block %q, want an ed25519 PRIVATE KEY", path, block.Type)
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("key %s: %w", path, err)
	}
	priv, ok := k.(ed25519.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("key %s: a %T, want an ed25519 key", path, k)
	}
	return priv, nil
}

// ReadPublicKey reads a public key written by Keygen (or by `openssl pkey
// -pubout`). Given a private key file, it says so rather than use it.
func ReadPublicKey(path string) (ed25519.PublicKey, error) {
	block, err := readPEM(path)
	if err != nil {
		return nil, err
	}
	switch block.Type {
	case "PUBLIC KEY":
	case "PRIVATE KEY":
		return nil, fmt.Errorf("key %s: a private key; verifying takes the public key (the .pub file), and private keys should not be handed around", path)
	default:
		return nil, fmt.Errorf("key %s: PEM block %q, want an ed25519 PUBLIC KEY", path, block.Type)
	}
	k, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("key %s: %w", path, err)
	}
	pub, ok := k.(ed25519.PublicKey)
	if !ok {
		return nil, fmt.Errorf("key %s: a %T, want an ed25519 key", path, k)
	}
	return pub, nil
}

func readPEM(path string) (*pem.Block, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read key: %w", err)
	}
	block, _ := pem.Decode(data)
	if block == nil {
		return nil, fmt.Errorf("key %s: %w", path, errors.New("not a PEM key file"))
	}
	return block, nil
}

// SignFile signs the module at path and writes it to out (path itself when
// out is ""), through a temporary file and a rename, keeping the mode.
func SignFile(path, out string, key ed25519.PrivateKey) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("sign: %w", err)
	}
	signed, err := Sign(data, key)
	if err != nil {
		return fmt.Errorf("sign %s: %w", path, err)
	}
	if out == "" {
		out = path
	}
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".*.tmp")
	if err != nil {
		return fmt.Errorf("sign %s: %w", path, err)
	}
	_, err = tmp.Write(signed)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), mode)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), out)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("sign %s: write %s: %w", path, out, err)
	}
	return nil
}
