// Package deps holds the test that keeps folio's import rules true: which
// folio packages and which modules each package may use. The rules, in
// words (allowed in deps_test.go, is the exact list):
//
//   - post imports no other folio package (only gosimple/slug).
//   - source imports post and the YAML and TOML modules; taxonomy imports
//     post only.
//   - render/markup imports post, goldmark, chroma and
//     render/internal/htmltok (the tokenizer its sanitizer is built on);
//     render/feed imports post and render/markup. Neither imports render.
//   - render imports post, taxonomy, render/markup, render/feed and
//     render/internal/links (its URL helpers for moved links) and
//     render/internal/sitepath (permalink patterns and path checks);
//     render/postfile imports post, render/markup and YAML. Nothing under
//     render imports source.
//   - render/internal/htmltok, render/internal/links and
//     render/internal/sitepath import nothing;
//     render/internal/htmltest (shared by render's and markup's tests)
//     imports htmltok.
//   - internal/golden (the golden-file check of every package's tests)
//     imports go-cmp.
//   - examples import only the public packages; nothing imports examples.
//
// A package without a rule fails the test, so a new package gets one when
// it is written. Test files are not checked: tests may import what they
// need to check output, such as render's tests reading pages with
// htmltok.
package deps
