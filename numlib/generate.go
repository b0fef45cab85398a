package numlib

//go:generate go run ./internal/gen
