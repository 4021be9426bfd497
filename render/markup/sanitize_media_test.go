package markup

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSanitizeMedia(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"srcset, sizes, loading, decoding",
			`<img src="a.png" srcset="a.png 1x, /b.png 2x" sizes="(max-width: 600px) 100vw, 50vw" loading="lazy" decoding="async" alt="">`,
			`<img src="a.png" srcset="a.png 1x, /b.png 2x" sizes="(max-width: 600px) 100vw, 50vw" loading="lazy" decoding="async" alt="" />`},
		{"one bad srcset URL drops the attribute",
			`<img src="a.png" srcset="a.png 1x, javascript:alert(1) 2x">`,
			`<img src="a.png" />`},
		{"unknown loading and decoding values dropped",
			`<img src="a.png" loading="now" decoding="x" onerror="y">`,
			`<img src="a.png" />`},
		{"picture and source",
			`<picture><source srcset="a.webp" type="image/webp" media="(min-width: 40em)" onload="x"><img src="a.png"></picture>`,
			`<picture><source srcset="a.webp" type="image/webp" media="(min-width: 40em)" /><img src="a.png" /></picture>`},
		{"source with a bad URL",
			`<picture><source srcset="data:image/png;base64,AAAA"><img src="a.png"></picture>`,
			`<picture><source /><img src="a.png" /></picture>`},
		{"figure and caption",
			`<figure class="wp-caption alignleft"><img src="a.png"><figcaption class="wp-caption-text">A</figcaption></figure>`,
			`<figure class="wp-caption alignleft"><img src="a.png" /><figcaption class="wp-caption-text">A</figcaption></figure>`},
		{"chroma classes and heading ids",
			`<h2 id="setup">Setup</h2><pre class="chroma"><code class="language-go"><span class="line hl"><span class="ln">1</span><span class="cl"><span class="kd">func</span></span></span></code></pre>`,
			`<h2 id="setup">Setup</h2><pre class="chroma"><code class="language-go"><span class="line hl"><span class="ln">1</span><span class="cl"><span class="kd">func</span></span></span></code></pre>`},
	} {
		if diff := cmp.Diff(c.want, Sanitize(c.in)); diff != "" {
			t.Errorf("%s: (-want +got):\n%s", c.name, diff)
		}
	}
}

// Highlighted code passes the sanitizer as it is.
func TestSanitizeKeepsHighlighting(t *testing.T) {
	h := Highlight("package main\n\nfunc main() { println(\"<x>\") } // HL\n", "go", HighlightOptions{LineNumbers: true, Lines: []int{1}, UseHL: true})
	if diff := cmp.Diff(h, Sanitize(h)); diff != "" {
		t.Errorf("Sanitize changed highlighted code (-want +got):\n%s", diff)
	}
}
