package render

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/folio-go/folio/render/internal/htmltest"
	"github.com/folio-go/folio/render/markup"
)

// These tests hand output to html5lib, a parser that follows the HTML
// standard's tree construction as browsers do, when the machine has it
// (Debian: python3-html5lib), and skip otherwise. They catch what a
// tokenizer cannot: elements a browser closes or moves on its own.

// html5libPython returns a Python that can import html5lib, or skips t.
func html5libPython(t *testing.T) string {
	t.Helper()
	for _, p := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(p, "-c", "import html5lib").Run() == nil {
			return p
		}
	}
	t.Skip("html5lib not installed (Debian: python3-html5lib)")
	return ""
}

// html5Fragments reads a JSON list of sanitized fragments on stdin, puts
// each in several page contexts, and prints every one that a browser's
// parser would let out of its container (the element after the container
// is then not its next sibling) or that holds a script, style, frame,
// form, foreign element, event handler or style attribute.
const html5Fragments = `
import sys, json, html5lib
NS = '{http://www.w3.org/1999/xhtml}'
BAD = {'script','style','iframe','object','embed','svg','math','form','input','button','select',
       'textarea','template','noscript','plaintext','xmp','frameset','frame','base','meta','link'}
CONTEXTS = [('<div id="c">', '</div>'), ('<ol><li><article><div id="c">', '</div></article></li></ol>'),
            ('<table><tr><td id="c">', '</td></tr></table>'), ('<dl><dd id="c">', '</dd></dl>'),
            ('<ul><li id="c">', '</li></ul>'), ('<blockquote id="c">', '</blockquote>')]
for frag in json.load(sys.stdin):
    for pre, post in CONTEXTS:
        doc = '<!DOCTYPE html><html><head><title>t</title></head><body><main>' + pre + frag + post + '<p id="after">z</p></main></body></html>'
        tree = html5lib.parse(doc)
        kids = list(tree.find('.//' + NS + 'main'))
        ok = len(kids) == 2 and kids[1].get('id') == 'after'
        for el in tree.find('.//' + NS + 'body').iter():
            if not isinstance(el.tag, str):
                continue
            if el.tag.split('}')[-1] in BAD or any(k.startswith('on') or k == 'style' for k in el.attrib):
                ok = False
        if not ok:
            print(json.dumps([pre, frag]))
            break
`

func TestSanitizeHTML5(t *testing.T) {
	python := html5libPython(t)
	var in []string
	for _, s := range htmltest.HostileBodies {
		in = append(in, markup.Sanitize(s), markup.Sanitize(markup.Autop(s)))
	}
	for _, hp := range hostileFieldPayloads {
		for _, s := range []string{hp.payload, "<div>" + hp.payload + "</div>", "<ul><li>" + hp.payload + "<li>x</ul>", "<table><tr><td>" + hp.payload + "<td>x</table>"} {
			in = append(in, markup.Sanitize(s))
		}
	}
	files, _ := filepath.Glob(filepath.Join("markup", "testdata", "fuzz", "FuzzSanitize", "*"))
	for _, name := range files {
		if s, ok := fuzzSeedString(t, name); ok {
			in = append(in, markup.Sanitize(s))
		}
	}
	js, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(python, "-c", html5Fragments)
	cmd.Stdin = bytes.NewReader(js)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("html5lib: %v\n%s", err, out)
	}
	if s := strings.TrimSpace(string(out)); s != "" {
		t.Errorf("fragments a browser parses out of their container or into something active:\n%s", s)
	}
	t.Logf("%d fragments checked in 6 contexts", len(in))
}

// fuzzSeedString reads the string of a one-string fuzz corpus file.
func fuzzSeedString(t *testing.T, name string) (string, bool) {
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[1], "string(") {
		return "", false
	}
	var s string
	if err := json.Unmarshal([]byte(strings.TrimSuffix(strings.TrimPrefix(lines[1], "string("), ")")), &s); err != nil {
		return "", false // a Go quoted string JSON cannot read; skip it
	}
	return s, true
}

// html5Pages parses every page named on the command line and prints
// those whose structure differs from the default theme's (body holds the
// skip link, header, main and footer; a post's article holds its header,
// body and footer; each list item holds one summary article) or that the
// parser reports errors in.
const html5Pages = `
import sys, html5lib
NS = '{http://www.w3.org/1999/xhtml}'
def name(e):
    return e.tag.split('}')[-1] + '.' + '.'.join((e.get('class') or '').split())
for path in sys.argv[1:]:
    p = html5lib.HTMLParser()
    doc = p.parse(open(path, 'rb').read())
    errs = [code for _, code, _ in p.errors]
    body = doc.find(NS + 'body')
    if [name(c) for c in body] != ['a.skip-link', 'header.site-header', 'main.wrap', 'footer.site-footer']:
        errs.append('body: %s' % [name(c) for c in body][:8])
    for art in doc.iter(NS + 'article'):
        kids = [name(c) for c in art]
        if 'post' in (art.get('class') or '').split() and kids != ['header.', 'div.post-body', 'footer.post-footer']:
            errs.append('article: %s' % kids[:8])
    for ol in doc.iter(NS + 'ol'):
        if 'post-list' not in (ol.get('class') or '').split():
            continue
        for li in ol:
            kids = [name(c) for c in li]
            inner = [name(c) for c in li[0]] if len(li) else []
            if kids != ['article.summary'] or inner[:3] != ['h2.', 'p.byline', 'div.summary-body'] or inner[3:] not in ([], ['p.more']):
                errs.append('list item: %s %s' % (kids[:4], inner[:6]))
    if errs:
        print(path, errs[:5])
`

func TestHostilePagesHTML5(t *testing.T) {
	python := html5libPython(t)
	dir := t.TempDir()
	var paths []string
	for file, page := range renderHostileFields(t, `"></title><script>alert(1)</script>`, false) {
		if !strings.HasSuffix(file, ".html") {
			continue
		}
		p := filepath.Join(dir, strings.ReplaceAll(file, "/", "_"))
		if err := os.WriteFile(p, page, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	out, err := exec.Command(python, append([]string{"-c", html5Pages}, paths...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("html5lib: %v\n%s", err, out)
	}
	if s := strings.TrimSpace(string(out)); s != "" {
		t.Errorf("pages whose structure a browser's parser changes:\n%s", s)
	}
	t.Logf("%d pages checked", len(paths))
}
