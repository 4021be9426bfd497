package render

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render/feed"
	"github.com/folio-go/folio/render/internal/htmltest"
	"github.com/folio-go/folio/render/internal/htmltok"
	"github.com/folio-go/folio/render/markup"
	"github.com/folio-go/folio/taxonomy"
)

// hostileFieldPayloads are payloads beyond htmltest.HostilePayloads, each named,
// that go into every field of a post and of the site in
// TestHostileEveryField: mutation XSS, entity and control-character
// spellings of javascript:, elements that embed documents or submit
// forms, raw-text breakouts, Markdown link forms, and markup whose
// implied end tags would close the page's own elements.
var hostileFieldPayloads = []struct{ name, payload string }{
	{"svg onload", `<svg/onload=alert(1)>`},
	{"mxss math style", `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`},
	{"mxss math comment", `<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=1 onerror=alert(1)&gt;">`},
	{"mxss svg p", `<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">`},
	{"mxss noscript", `<noscript><p title="</noscript><img src=x onerror=alert(1)>">`},
	{"tab in scheme", `<a href="jav&#x09;ascript:alert(1)">x</a>`},
	{"entity j", `<a href="&#106;avascript:alert(1)">x</a>`},
	{"entities without semicolons", `<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)">x</a>`},
	{"padded entity colon", `<a href="javascript&#0000058alert(1)">x</a>`},
	{"newline entity", `<a href="java&NewLine;script&colon;alert(1)">x</a>`},
	{"nul in scheme", "<a href=\"java\x00script:alert(1)\">x</a>"},
	{"nul url", "java\x00script:alert(1)"},
	{"leading control", "<a href=\"\x01 javascript:alert(1)\">x</a>"},
	{"line separator in scheme", "<a href=\"java\u2028script:alert(1)\">x</a>"},
	{"odd scheme img", `<img src=x:alert(1) onerror=eval(src)>`},
	{"unquoted glued handler", `<img src=x width="1"onerror=alert(1)>`},
	{"slash separators", `<img/src=x/onerror=alert(1)>`},
	{"image alias", `<image src=x onerror=alert(1)>`},
	{"iframe srcdoc", `<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>`},
	{"object data", `<object data="javascript:alert(1)"></object>`},
	{"embed", `<embed src="javascript:alert(1)">`},
	{"base href", `<base href="javascript:alert(1)//">`},
	{"meta refresh", `<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`},
	{"form action", `<form action="javascript:alert(1)"><input type=submit></form>`},
	{"button formaction", `<button formaction="javascript:alert(1)">x</button>`},
	{"input autofocus", `<input onfocus=alert(1) autofocus>`},
	{"isindex", `<isindex action="javascript:alert(1)" type=image>`},
	{"details ontoggle", `<details open ontoggle=alert(1)>`},
	{"style url", `<p style="background:url(javascript:alert(1))">x</p>`},
	{"link import", `<link rel=import href="data:text/html,<script>alert(1)</script>">`},
	{"srcset", `<img src="ok.png" srcset="javascript:alert(1) 1x">`},
	{"xlink", `<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>`},
	{"unclosed comment", `<!--`},
	{"comment hiding tag", `<!-- <img src=x onerror=alert(1)> `},
	{"comment end then script", `--><script>alert(1)</script>`},
	{"bang comment end", `<!-- x --!><img src=x onerror=alert(1)>`},
	{"cdata", `<![CDATA[<script>alert(1)</script>]]>`},
	{"textarea", `<textarea><script>alert(1)</script>`},
	{"title", `<title><script>alert(1)</script>`},
	{"noscript", `<noscript><script>alert(1)</script></noscript>`},
	{"self-closed script", `<script/>alert(1)</script>`},
	{"self-closed style", `<style/><img src=x onerror=alert(1)>`},
	{"plaintext", `<plaintext><img src=x onerror=alert(1)>`},
	{"nested script", `<<script>script>alert(1)<</script>/script>`},
	{"script with attr", `<ScRiPt/x src=//evil.example/x.js></sCrIpT>`},
	{"script in json", `</script><!--<script>alert(1)//`},
	{"json line separators", "a\u2028b\u2029c</script>"},
	{"template", `{{.Site}}{{define "x"}}{{end}}`},
	{"md link", `[x](javascript:alert(1))`},
	{"md angle link", `[x](<javascript:alert(1)>)`},
	{"md autolink", `<javascript:alert(1)>`},
	{"md data autolink", `<data:text/html,alert(1)>`},
	{"md reference", "[x][1]\n\n[1]: javascript:alert(1)"},
	{"md image title", `![x](x.png "x\" onerror=\"alert(1)")`},
	{"md image alt", `![x" onerror="alert(1)](x.png)`},
	{"md footnote", "x[^1]\n\n[^1]: <script>alert(1)</script>"},
	{"md raw html", "<div>\n<img src=x onerror=alert(1)>\n</div>"},
	{"md inline html", `a <b onclick=alert(1)>b</b>`},
	{"md entity link", `[x](&#106;avascript:alert(1))`},
	{"encoded script", `&lt;script&gt;alert(1)&lt;/script&gt;`},
	{"double encoded", `&amp;lt;script&amp;gt;alert(1)`},
	{"long attribute", `<a href="https://ok.example/` + strings.Repeat("a", 9000) + `" title="` + strings.Repeat("\"", 10) + `">x</a>`},
	{"nul", "a\x00b<scr\x00ipt>alert(1)</script>"},
	{"invalid utf-8", "a\xff\xfeb<\xc0script>alert(1)"},
	{"data url", `data:text/html,<script>alert(1)</script>`},
	{"vbscript", `VBScript:msgbox(1)`},
	{"javascript with host", `javascript://ok.example/%0aalert(1)`},
	{"spaces in url", `https://ok.example/a b"c<d>`},
	{"protocol relative", `//evil.example/`},
	{"backslash host", `/\evil.example/`},
	{"traversal", `../../../etc/passwd`},
	{"nested li", `<ul><li>a<li>b</li></li></ul></li></ol></div></article>`},
	{"stray li", `<li>x</li></li></article></div></main>`},
	{"div li", `<div><li>x</li></div>`},
	{"nested dd", `<dl><dd>a<dd>b</dd></dd></dl>`},
	{"nested headings", `<h2><h3>x</h3></h2>`},
	{"p in p", `<p>a<p>b</p></p><p><div>c</div></p>`},
	{"table foster", `<table><div><table></table></div></table>`},
	{"table cells", `<table><td>a<tr><td>b<table><td>c</td></table></table>`},
	{"nested a", `<a href=x><a href=y>z</a></a>`},
	{"formatting across blocks", `<b><p>x</b>y</p>`},
	{"footer close", `</footer></header></nav></section></body></html><script>alert(1)</script>`},
	{"close page div", `<section><div></section></div></div>`},
}

// hostileFieldPosts puts every hostileFieldPayloads payload into every
// field of posts in all three body formats.
func hostileFieldPosts() []*post.Post {
	formats := []post.Format{post.Markdown, post.Text, post.HTML}
	var posts []*post.Post
	for i, hp := range hostileFieldPayloads {
		pl := hp.payload
		for j, f := range formats {
			p := &post.Post{
				ID:     pl,
				Title:  pl,
				Slug:   fmt.Sprintf("f%d-%d", i, j),
				Status: post.Published,
				Date:   time.Date(2021, time.Month(1+i%12), 1+j, 12, 0, 0, 0, time.UTC),
				Authors: []post.Author{
					{Name: pl, Email: pl, URL: pl, Bio: pl},
					{Name: "Plain " + pl, Email: "x@example.com", URL: "https://ok.example/" + pl, Bio: pl},
				},
				Categories: []post.Term{{Name: pl}, {Name: fmt.Sprintf("child%d %s", i, pl), Parent: pl}},
				Tags:       []post.Term{{Name: pl}, {Name: "t" + pl, Slug: fmt.Sprintf("tag-%d", i)}},
				Taxonomies: map[string][]post.Term{"series": {{Name: pl}}, fmt.Sprintf("s%d %s", i, pl): {{Name: pl}}},
				Citations: []post.Citation{
					{Source: pl, URL: pl, Title: pl},
					{Source: pl, URL: "https://ok.example/" + pl},
					{Title: pl},
				},
				Params: map[string]any{pl: pl, "k": []any{pl, map[string]any{"x": pl}}},
				Body:   hostileFieldBody(f, pl),
			}
			if j != 0 {
				p.Summary = pl
			}
			posts = append(posts, p)
		}
	}
	return posts
}

func hostileFieldBody(f post.Format, pl string) post.Body {
	switch f {
	case post.Markdown:
		return post.Body{Format: f, Text: pl + "\n\nText " + pl + " end\n\n* " + pl + "\n* [l](" + pl + ")\n\n> " + pl + "\n\n| a | b |\n|---|---|\n| " + pl + " | x |\n"}
	case post.HTML:
		return post.Body{Format: f, Text: pl + "\n\n<p>" + pl + "</p><!--more-->\n\n<ul><li>" + pl + "</ul>" + pl}
	}
	return post.Body{Format: f, Text: pl + "\n\n" + pl}
}

func hostileFieldSite(pl string, relative bool) *Site {
	return &Site{
		Title: pl, Description: pl, Language: pl,
		Author:  post.Author{Name: pl, URL: pl, Bio: pl, Email: pl},
		BaseURL: "https://safe.example/", RelativeURLs: relative, PerPage: 5,
	}
}

// TestHostileEveryField renders a site whose every post and site field
// holds a payload and checks every page and every feed: pages are inert
// (assertInertStrict), keep the theme's landmarks balanced, carry valid
// JSON-LD; RSS and Atom parse with a strict XML decoder and their HTML
// is inert too; JSON Feed is valid JSON whose HTML is inert; output is
// byte-identical across runs. With FOLIO_HOSTILE_DIR set the output is
// also written there, for checking with a browser's parser.
func TestHostileEveryField(t *testing.T) {
	dump := os.Getenv("FOLIO_HOSTILE_DIR")
	sites := []struct {
		payload  string
		relative bool
	}{
		{`"><script>alert(1)</script>`, false},
		{`</title><svg onload=alert(1)>`, false},
		{"\u2028</script><!--\x00\xff", false},
		{`"><script>alert(1)</script>`, true},
	}
	for _, site := range sites {
		sp, relative := site.payload, site.relative
		{
			name := fmt.Sprintf("relative=%v/site=%q", relative, sp)
			t.Run(name, func(t *testing.T) {
				first := renderHostileFields(t, sp, relative)
				second := renderHostileFields(t, sp, relative)
				for file, page := range first {
					if !bytes.Equal(page, second[file]) {
						t.Errorf("%s differs between runs", file)
					}
					checkHostileOutput(t, file, page)
					if dump != "" {
						p := filepath.Join(dump, fmt.Sprintf("%d-%v", len(sp), relative), filepath.FromSlash(file))
						if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
							t.Fatal(err)
						}
						if err := os.WriteFile(p, page, 0o644); err != nil {
							t.Fatal(err)
						}
					}
				}
			})
		}
	}
}

// renderHostileFields renders the pages of the hostile site and its
// feeds in every format, keyed by file name.
func renderHostileFields(t *testing.T, sitePayload string, relative bool) map[string][]byte {
	t.Helper()
	posts := hostileFieldPosts()
	idx, err := taxonomy.Build(posts, taxonomy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	site := hostileFieldSite(sitePayload, relative)
	r, err := NewRenderer(site, idx, PageOptions{})
	if err != nil {
		t.Fatal(err)
	}
	out := renderAll(t, r)
	for _, full := range []bool{true, false} {
		f := &feed.Feed{
			Title: sitePayload, Description: sitePayload, Language: "en",
			Link: site.BaseURL, FeedURL: site.BaseURL + "feed.xml",
			Authors: []post.Author{{Name: sitePayload, Email: sitePayload, URL: sitePayload}},
			Posts:   posts, FullContent: full, Permalink: site.PostURL,
		}
		for _, fw := range []struct {
			name, ext string
			write     func(io.Writer, *feed.Feed) error
		}{{"rss", ".xml", feed.RSS}, {"atom", ".xml", feed.Atom}, {"jsonfeed", ".json", feed.JSONFeed}} {
			var buf bytes.Buffer
			if err := fw.write(&buf, f); err != nil {
				t.Fatalf("%s: %v", fw.name, err)
			}
			out[fmt.Sprintf("feed-%s-full=%v%s", fw.name, full, fw.ext)] = buf.Bytes()
		}
	}
	return out
}

func checkHostileOutput(t *testing.T, file string, page []byte) {
	t.Helper()
	if markup.CleanText(string(page)) != string(page) {
		t.Errorf("%s: holds invalid UTF-8, NUL or a control character", file)
	}
	switch {
	case strings.HasSuffix(file, ".html"):
		s := string(page)
		checkInertStrict(t, file, s, true)
		checkLandmarks(t, file, s)
		checkLDJSONValid(t, file, s)
	case strings.HasSuffix(file, ".json"):
		if !json.Valid(page) {
			t.Errorf("%s: not valid JSON", file)
			return
		}
		var jf struct {
			Authors []struct {
				URL string `json:"url"`
			} `json:"authors"`
			Items []struct {
				ContentHTML string `json:"content_html"`
				Summary     string `json:"summary"`
				URL         string `json:"url"`
				Authors     []struct {
					URL string `json:"url"`
				} `json:"authors"`
			} `json:"items"`
		}
		if err := json.Unmarshal(page, &jf); err != nil {
			t.Errorf("%s: %v", file, err)
		}
		for _, it := range jf.Items {
			checkInertStrict(t, file, it.ContentHTML, false)
			if !htmltest.InertURL(it.URL) {
				t.Errorf("%s: item url %q", file, it.URL)
			}
			for _, a := range append(it.Authors, jf.Authors...) {
				if _, ok := markup.WebURL(a.URL); a.URL != "" && !ok {
					t.Errorf("%s: author url %q", file, a.URL)
				}
			}
		}
	case strings.HasSuffix(file, ".xml"):
		checkHostileXML(t, file, page)
	}
}

// checkHostileXML decodes an RSS or Atom document strictly and checks
// that the HTML it carries for feed readers is inert.
func checkHostileXML(t *testing.T, file string, doc []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	d.Strict = true
	var htmlNext, inItem, uriNext bool
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Errorf("%s: %v", file, err)
			return
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			htmlNext = false
			uriNext = tok.Name.Local == "uri"
			for _, a := range tok.Attr {
				if a.Name.Local == "type" && a.Value == "html" {
					htmlNext = true
				}
				if a.Name.Local == "href" && !htmltest.InertURL(a.Value) {
					t.Errorf("%s: <%s href=%q>", file, tok.Name.Local, a.Value)
				}
			}
			// An RSS item's description and content:encoded hold HTML;
			// the channel's description is text.
			inItem = inItem || tok.Name.Local == "item"
			if inItem && (tok.Name.Local == "description" || tok.Name.Local == "encoded") {
				htmlNext = true
			}
		case xml.CharData:
			if u, ok := markup.WebURL(string(tok)); uriNext && (!ok || u != string(tok)) {
				t.Errorf("%s: <uri>%s</uri>", file, tok)
			}
			if htmlNext {
				checkInertStrict(t, file, string(tok), false)
			}
		case xml.EndElement:
			htmlNext, uriNext = false, false
		}
	}
}

// checkInertStrict fails when h, a page (wholePage) or an HTML fragment
// from a feed, could run script or embed or submit anything: a script
// other than JSON-LD, a style element, an element that embeds a document,
// submits a form or redirects, an on* or style attribute, or a URL
// attribute whose value, decoded and stripped as a browser does, has a
// scheme other than http, https or mailto.
func checkInertStrict(t *testing.T, file, h string, wholePage bool) {
	t.Helper()
	tz := htmltok.New(h)
	for {
		tok, ok := tz.Next()
		if !ok {
			return
		}
		if tok.Kind != htmltok.StartTag && tok.Kind != htmltok.SelfClosingTag {
			continue
		}
		switch tok.Name {
		case "script":
			if !wholePage || !htmltest.IsLDJSON(tok) {
				t.Errorf("%s: script element %.80q", file, tok.Raw)
			}
			tz.SkipPast("script")
		// <details> is allowed content (Hugo's details shortcode); what made
		// it a vector, ontoggle, is an event handler, caught below.
		case "style", "iframe", "object", "embed", "frame", "frameset", "applet", "svg", "math",
			"base", "form", "input", "button", "select", "textarea", "isindex",
			"link", "image", "noscript", "template", "video", "audio", "portal":
			if tok.Name == "link" && wholePage && !linkImports(tok) {
				break
			}
			t.Errorf("%s: element %.80q", file, tok.Raw)
		case "meta":
			if !wholePage || !htmltest.MetaIsHarmless(tok) {
				t.Errorf("%s: element %.80q", file, tok.Raw)
			}
		}
		for _, a := range tok.Attrs {
			switch {
			case strings.HasPrefix(a.Key, "on"), a.Key == "style", a.Key == "srcdoc", a.Key == "srcset", a.Key == "formaction":
				t.Errorf("%s: attribute %q in %.80q", file, a.Key, tok.Raw)
			case a.Key == "href", a.Key == "src", a.Key == "action", a.Key == "cite", a.Key == "data",
				a.Key == "poster", a.Key == "background", a.Key == "xlink:href", a.Key == "ping":
				if !htmltest.InertURL(a.Val) {
					t.Errorf("%s: URL %s=%.80q", file, a.Key, a.Val)
				}
			}
		}
	}
}

// linkImports reports whether a link element imports a document.
func linkImports(tok htmltok.Token) bool {
	for _, a := range tok.Attrs {
		if a.Key == "rel" && strings.Contains(strings.ToLower(a.Val), "import") {
			return true
		}
	}
	return false
}

// checkLandmarks follows the default theme's structural elements through
// a page and fails when an end tag closes an element other than the
// innermost open one, or when one is left open: content that closed the
// theme's main, article or list item early would show up here.
func checkLandmarks(t *testing.T, file, page string) {
	t.Helper()
	structural := map[string]bool{
		"html": true, "head": true, "body": true, "header": true, "nav": true, "main": true,
		"article": true, "footer": true, "aside": true, "section": true, "ul": true, "ol": true,
		"li": true, "div": true, "dl": true, "dd": true, "dt": true, "table": true, "p": true,
		"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "a": true,
	}
	var open []string
	tz := htmltok.New(page)
	for {
		tok, ok := tz.Next()
		if !ok {
			break
		}
		switch {
		case tok.Kind == htmltok.StartTag && tok.Name == "script":
			tz.SkipPast("script")
		case tok.Kind == htmltok.StartTag && structural[tok.Name]:
			open = append(open, tok.Name)
		case tok.Kind == htmltok.EndTag && structural[tok.Name]:
			if len(open) == 0 || open[len(open)-1] != tok.Name {
				t.Errorf("%s: </%s> closes %v", file, tok.Name, open)
				return
			}
			open = open[:len(open)-1]
		}
	}
	if len(open) != 0 {
		t.Errorf("%s: left open: %v", file, open)
	}
}

// checkLDJSONValid wants every JSON-LD block to be valid JSON with no
// "</script" or "<!--" inside.
func checkLDJSONValid(t *testing.T, file, page string) {
	t.Helper()
	const open = `<script type="application/ld+json">`
	for rest := page; ; {
		i := strings.Index(rest, open)
		if i < 0 {
			return
		}
		rest = rest[i+len(open):]
		end := strings.Index(strings.ToLower(rest), "</script")
		if end < 0 {
			t.Errorf("%s: JSON-LD not closed", file)
			return
		}
		ld := rest[:end]
		if !json.Valid([]byte(ld)) {
			t.Errorf("%s: JSON-LD is not valid JSON: %.200s", file, ld)
		}
		if strings.Contains(ld, "<!--") || strings.Contains(ld, "\u2028") || strings.Contains(ld, "\u2029") {
			t.Errorf("%s: JSON-LD holds <!-- or a line separator", file)
		}
	}
}

// TestHostileBaseURL checks that NewRenderer refuses a base URL that is
// not an absolute http or https URL paths can be joined to.
func TestHostileBaseURL(t *testing.T) {
	idx, err := taxonomy.Build([]*post.Post{{Title: "t", Slug: "s"}}, taxonomy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, base := range []string{
		"javascript:alert(1)//", "java\tscript:alert(1)//", "data:text/html,x/", "//evil.example/",
		"/blog/", "https:///x", "https://x.example/a b/", "https://x.example/?q=1", "https://x.example/#f", " https://x.example/",
	} {
		if _, err := NewRenderer(&Site{BaseURL: base}, idx, PageOptions{}); err == nil {
			t.Errorf("BaseURL %q: NewRenderer accepted it", base)
		}
	}
	for _, base := range []string{"", "https://x.example", "http://x.example/blog/", "https://x.example/%22q%22/"} {
		if _, err := NewRenderer(&Site{BaseURL: base}, idx, PageOptions{}); err != nil {
			t.Errorf("BaseURL %q: %v", base, err)
		}
	}
}
