package links

import "flag"

// This package has no golden files. It accepts -update, and ignores it, so
// that "go test ./... -update" runs in every package.
var _ = flag.Bool("update", false, "ignored: this package has no golden files")
