package feed

import "flag"

// update rewrites the golden files in testdata/ instead of comparing
// against them: go test ./render/feed -update. Every golden test in the package
// shares this one flag.
var update = flag.Bool("update", false, "rewrite golden files in testdata/")
