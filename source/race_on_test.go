//go:build race

package source_test

// slowdown scales the time bounds of the hostile-input tests: the race
// detector makes code 5 to 20 times slower.
const slowdown = 20
