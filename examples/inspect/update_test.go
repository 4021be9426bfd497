package main

import "flag"

// updateDoc rewrites the example in docs/inspect.md instead of comparing
// against it: go test ./examples/inspect -update.
var updateDoc = flag.Bool("update", false, "rewrite the example output in docs/inspect.md")
