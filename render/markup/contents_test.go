package markup

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestHeadings(t *testing.T) {
	h := `<h1 id="a">A &amp; <em>B</em></h1><p>x</p><h2>no id</h2><h2 class="c" id="b-1">B</h2>` +
		`<header id="x">not a heading</header><h3 id="c">C
  text</h3><h4 id="open">never closed`
	want := []Heading{{1, "a", "A & B"}, {2, "b-1", "B"}, {3, "c", "C text"}}
	if diff := cmp.Diff(want, Headings(h)); diff != "" {
		t.Errorf("Headings (-want +got):\n%s", diff)
	}
}

func FuzzHeadings(f *testing.F) {
	f.Add(`<h2 id="a">A</h2><h3 id="b">B <code>c</code></h3>`)
	f.Add(`<h2 id="a`)
	f.Fuzz(func(t *testing.T, h string) {
		for _, hd := range Headings(h) {
			if hd.Level < 1 || hd.Level > 6 || hd.ID == "" {
				t.Errorf("Headings(%q) gave %+v", h, hd)
			}
		}
	})
}

func TestHeadingAnchors(t *testing.T) {
	in := `<h2 id="a">A</h2><h3>B</h3><hr /><h4 id="c&amp;d">C</h4><h5 id="x">open`
	want := `<h2 id="a">A <a class="heading-anchor" href="#a" aria-label="Link to this section">#</a></h2><h3>B</h3><hr />` +
		`<h4 id="c&amp;d">C <a class="heading-anchor" href="#c&amp;d" aria-label="Link to this section">#</a></h4><h5 id="x">open`
	if diff := cmp.Diff(want, HeadingAnchors(in)); diff != "" {
		t.Errorf("HeadingAnchors (-want +got):\n%s", diff)
	}
}

func TestDropHeadingIDs(t *testing.T) {
	in := `<h2 id="a">A</h2><p id="p">x</p><h3 class="c" id="b">B</h3><header id="h">x</header>`
	want := `<h2>A</h2><p id="p">x</p><h3 class="c">B</h3><header id="h">x</header>`
	if diff := cmp.Diff(want, DropHeadingIDs(in)); diff != "" {
		t.Errorf("DropHeadingIDs (-want +got):\n%s", diff)
	}
}

func TestUniqueIDs(t *testing.T) {
	in := `<figure id="a">x</figure><p id="a-1">y</p><figure id="a">z</figure><figure id="a">w</figure>`
	want := `<figure id="a">x</figure><p id="a-1">y</p><figure id="a-2">z</figure><figure id="a-3">w</figure>`
	if diff := cmp.Diff(want, UniqueIDs(in)); diff != "" {
		t.Errorf("UniqueIDs (-want +got):\n%s", diff)
	}
	if got := DropIDs(`<h2 id="a">A</h2><sup id="fnref:1"><a href="#fn:1">1</a></sup>`); got != `<h2>A</h2><sup id="fnref:1"><a href="#fn:1">1</a></sup>` {
		t.Errorf("DropIDs = %q", got)
	}
}
