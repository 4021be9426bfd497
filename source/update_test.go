package source

import "flag"

// update rewrites the golden files under testdata/ instead of comparing
// with them: go test ./source -update. Every golden test of the package
// shares this one flag.
var update = flag.Bool("update", false, "rewrite golden files in testdata/")
