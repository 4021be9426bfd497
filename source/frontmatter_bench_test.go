package source_test

import (
	"testing"

	"github.com/folio-go/folio/source"
)

// The front-matter benchmarks parse a post whose body is one line, so
// that the time is the front matter's: the fast path for plain YAML,
// TOML, and YAML the fast path hands to yaml.v3 (an anchor).

const benchYAML = `---
title: "A post with typical front matter"
date: 2021-06-15T10:30:00Z
slug: typical-front-matter
author: "Ana Lima"
categories: ["Region 24", "Économie"]
tags:
  - tag-014
  - tag-199
  - naïve
summary: A short summary.
draft: false
---
Body.
`

const benchTOML = `+++
title = "A post with typical front matter"
date = 2021-06-15T10:30:00Z
slug = "typical-front-matter"
author = "Ana Lima"
categories = ["Region 24", "Économie"]
tags = ["tag-014", "tag-199", "naïve"]
summary = "A short summary."
draft = false
+++
Body.
`

// benchYAMLAnchor uses an anchor and alias, which only yaml.v3 reads.
const benchYAMLAnchor = `---
title: &t "A post with typical front matter"
date: 2021-06-15T10:30:00Z
author: "Ana Lima"
categories: ["Region 24", "Économie"]
tags: [tag-014, tag-199, naïve]
summary: *t
---
Body.
`

func benchFrontMatter(b *testing.B, name, text string) {
	data := []byte(text)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := source.ParseMarkdown(name, data, source.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFrontMatterYAML reads plain YAML front matter (the fast path).
func BenchmarkFrontMatterYAML(b *testing.B) { benchFrontMatter(b, "post.md", benchYAML) }

// BenchmarkFrontMatterTOML reads the same fields as TOML.
func BenchmarkFrontMatterTOML(b *testing.B) { benchFrontMatter(b, "post.md", benchTOML) }

// BenchmarkFrontMatterYAMLFull reads YAML the fast path declines, through
// yaml.v3.
func BenchmarkFrontMatterYAMLFull(b *testing.B) {
	benchFrontMatter(b, "post.md", benchYAMLAnchor)
}
