package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/folio-go/folio/source"
	"github.com/google/go-cmp/cmp"
)

var (
	propSteps = flag.Int("incremental.steps", 200, "random edit steps of TestIncrementalMatchesClean")
	propSeed  = flag.Uint64("incremental.seed", 17, "seed of TestIncrementalMatchesClean's first run; later runs (-count) take the next seeds")
)

// propRuns counts the runs of TestIncrementalMatchesClean, so that each
// run of -count=N tries a new sequence.
var propRuns atomic.Uint64

// fakePost is a post of the property test as it is written to disk.
type fakePost struct {
	title, slug, date, body string
	tags, cats              []string
	author                  string
	broken                  bool
}

func (p *fakePost) file() []byte {
	var b strings.Builder
	if p.broken {
		b.WriteString("---\ntitle: [unclosed\n---\nbroken\n")
		return []byte(b.String())
	}
	b.WriteString("---\n")
	fmt.Fprintf(&b, "title: %q\n", p.title)
	if p.slug != "" {
		fmt.Fprintf(&b, "slug: %s\n", p.slug)
	}
	if p.date != "" {
		fmt.Fprintf(&b, "date: %s\n", p.date)
	}
	if p.author != "" {
		fmt.Fprintf(&b, "author: %s\n", p.author)
	}
	fmt.Fprintf(&b, "tags: [%s]\n", strings.Join(p.tags, ", "))
	fmt.Fprintf(&b, "categories: [%s]\n", strings.Join(p.cats, ", "))
	b.WriteString("---\n\n")
	b.WriteString(p.body)
	return []byte(b.String())
}

var propWords = strings.Fields("loaf crust oven tram river harbour compile linker cache pan butter rain bridge ferry garden ticket window lamp kettle orbit")

func propTitle(r *rand.Rand) string {
	n := 1 + r.IntN(4)
	w := make([]string, n)
	for i := range w {
		w[i] = propWords[r.IntN(len(propWords))]
	}
	return strings.ToUpper(w[0][:1]) + strings.Join(w, " ")[1:]
}

func propBody(r *rand.Rand) string {
	var b strings.Builder
	for i := range 1 + r.IntN(4) {
		if i == 1 && r.IntN(3) == 0 {
			b.WriteString("<!--more-->\n\n")
		}
		for range 5 + r.IntN(40) {
			b.WriteString(propWords[r.IntN(len(propWords))] + " ")
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

func propPick(r *rand.Rand, pool []string, max int) []string {
	var out []string
	for range r.IntN(max + 1) {
		out = append(out, pool[r.IntN(len(pool))])
	}
	return out
}

func newFakePost(r *rand.Rand) *fakePost {
	p := &fakePost{title: propTitle(r), body: propBody(r)}
	if r.IntN(8) > 0 {
		p.date = fmt.Sprintf("20%02d-%02d-%02dT%02d:00:00Z", 22+r.IntN(3), 1+r.IntN(3), 1+r.IntN(3), r.IntN(3))
	}
	p.tags = propPick(r, []string{"Go", "go", "bread", "trains", "rust", "Travel", "notes"}, 3)
	p.cats = propPick(r, []string{"Kitchen", "Code", "Journeys"}, 1)
	if r.IntN(3) > 0 {
		p.author = []string{"Ana Lima", "Ben Okafor", "Chen Wei"}[r.IntN(3)]
	}
	return p
}

// TestIncrementalMatchesClean is the authoring loop's property: after any
// sequence of edits, adds, renames, deletes and broken files, each
// followed by Reload and an incremental build into the same folder, the
// folder holds byte for byte what a clean build of the same sources
// writes into an empty one (checked every third step and at the end). A
// step that changes nothing writes nothing.
// -count=N runs N different sequences; -incremental.steps makes them
// longer.
func TestIncrementalMatchesClean(t *testing.T) {
	seed := *propSeed + propRuns.Add(1) - 1
	r := rand.New(rand.NewPCG(seed, 0x666f6c696f))
	steps := *propSteps
	if testing.Short() {
		steps = 40
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "src")
	posts := map[string]*fakePost{} // by path relative to src
	write := func(rel string) {
		full := filepath.Join(src, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, posts[rel].file(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	n := 0
	newName := func() string {
		n++
		if r.IntN(4) == 0 {
			return fmt.Sprintf("%s/post-%d.md", []string{"a", "b/c"}[r.IntN(2)], n)
		}
		return fmt.Sprintf("post-%d.md", n)
	}
	for range 6 + r.IntN(8) {
		rel := newName()
		posts[rel] = newFakePost(r)
		write(rel)
	}
	cfg := config{title: "Property", description: "Random edits", workers: 2, days: r.IntN(4) == 0}
	ctx := context.Background()
	fsys := os.DirFS(src)
	set, _ := source.LoadSet(ctx, fsys, ".", source.Options{})
	out, err := openOutDir(filepath.Join(dir, "inc"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	_, state, _ := build(ctx, cfg, set.Posts(), out, &progress{}, nil, nil)

	names := func() []string {
		var list []string
		for rel := range posts {
			list = append(list, rel)
		}
		slices.Sort(list)
		return list
	}
	var log []string
	for step := range steps {
		list := names()
		var changed []string
		op := r.IntN(12)
		if len(list) < 3 {
			op = 4
		}
		rel := ""
		if len(list) > 0 {
			rel = list[r.IntN(len(list))]
		}
		switch op {
		case 0, 1: // edit the body
			posts[rel].body = propBody(r)
			write(rel)
			changed = append(changed, rel)
		case 2: // edit the title and tags
			posts[rel].title = propTitle(r)
			posts[rel].tags = propPick(r, []string{"Go", "bread", "trains", "new-" + propWords[r.IntN(5)]}, 3)
			write(rel)
			changed = append(changed, rel)
		case 3: // move it in time, or take its date away
			q := newFakePost(r)
			posts[rel].date = q.date
			write(rel)
			changed = append(changed, rel)
		case 4: // a new post
			rel = newName()
			posts[rel] = newFakePost(r)
			write(rel)
			changed = append(changed, rel)
		case 5: // delete one
			delete(posts, rel)
			os.Remove(filepath.Join(src, filepath.FromSlash(rel)))
			changed = append(changed, rel)
		case 6: // rename one
			to := newName()
			posts[to] = posts[rel]
			delete(posts, rel)
			write(to)
			os.Remove(filepath.Join(src, filepath.FromSlash(rel)))
			changed = append(changed, rel, to)
		case 7: // take another post's slug
			other := posts[list[r.IntN(len(list))]]
			posts[rel].slug = other.slug
			if other.slug == "" {
				posts[rel].slug = strings.ReplaceAll(strings.ToLower(other.title), " ", "-")
			}
			write(rel)
			changed = append(changed, rel)
		case 8: // break a file, or mend it
			posts[rel].broken = !posts[rel].broken
			write(rel)
			changed = append(changed, rel)
		case 9: // remove a whole folder
			folder := []string{"a", "b", "b/c"}[r.IntN(3)]
			for _, p := range list {
				if strings.HasPrefix(p, folder+"/") {
					delete(posts, p)
				}
			}
			os.RemoveAll(filepath.Join(src, filepath.FromSlash(folder)))
			changed = append(changed, folder)
		case 10: // the author changes
			posts[rel].author = []string{"", "Ana Lima", "Dana Ruiz"}[r.IntN(3)]
			write(rel)
			changed = append(changed, rel)
		case 11: // nothing changed: nothing written
		}
		log = append(log, fmt.Sprintf("step %d: op %d on %s", step, op, strings.Join(changed, " ")))
		// As -serve does: the edited posts' pages first, when their
		// place is unchanged, then the build.
		pv := &preview{cfg: cfg, set: set, out: out, state: state}
		before := pv.postsOf(changed)
		if _, err := set.Reload(ctx, changed...); err != nil && !strings.Contains(err.Error(), "source") {
			t.Fatalf("%s: Reload: %v", log[len(log)-1], err)
		}
		shown := map[string][]byte{}
		for _, f := range pv.showEdits(ctx, before) {
			shown[f], _ = os.ReadFile(filepath.Join(dir, "inc", filepath.FromSlash(f)))
		}
		if (op == 0 || op == 1) && len(shown) == 0 && !posts[rel].broken {
			t.Fatalf("seed %d, %s: a body edit did not show the page first", seed, log[len(log)-1])
		}
		res, next, _ := build(ctx, cfg, set.Posts(), out, &progress{}, state, changed)
		state = next
		for f, early := range shown {
			// A body edit changes nothing else the post's page shows:
			// the page written first is the build's.
			if late, _ := os.ReadFile(filepath.Join(dir, "inc", filepath.FromSlash(f))); (op == 0 || op == 1) && !bytes.Equal(early, late) {
				t.Fatalf("seed %d, %s: the page written first differs from the build's (-first +build):\n%s", seed, log[len(log)-1], cmp.Diff(string(early), string(late)))
			}
		}
		if op == 11 && (res.written != 0 || res.removed != 0) {
			t.Fatalf("seed %d, %s: a build with no change wrote %d files and removed %d", seed, log[len(log)-1], res.written, res.removed)
		}
		if step%3 != 2 && step != steps-1 {
			continue // a clean build every third step keeps the test quick; a stale page stays stale
		}
		want := cleanBuild(t, ctx, cfg, fsys, filepath.Join(dir, fmt.Sprintf("clean%d", step)))
		got := readTree(t, filepath.Join(dir, "inc"))
		if diff := cmp.Diff(keysOf(want), keysOf(got)); diff != "" {
			t.Fatalf("seed %d, after\n%s\nfiles (-clean +incremental):\n%s", seed, strings.Join(log, "\n"), diff)
		}
		for f, data := range want {
			if !bytes.Equal(data, got[f]) {
				t.Fatalf("seed %d, after\n%s\n%s differs (-clean +incremental):\n%s", seed, strings.Join(log, "\n"), f, cmp.Diff(string(data), string(got[f])))
			}
		}
		os.RemoveAll(filepath.Join(dir, fmt.Sprintf("clean%d", step)))
	}
}

// cleanBuild builds fsys from nothing into the empty folder dir and
// returns what it holds.
func cleanBuild(t *testing.T, ctx context.Context, cfg config, fsys fs.FS, dir string) map[string][]byte {
	t.Helper()
	set, _ := source.LoadSet(ctx, fsys, ".", source.Options{})
	out, err := openOutDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	build(ctx, cfg, set.Posts(), out, &progress{}, nil, nil)
	out.Close()
	return readTree(t, dir)
}

// readTree reads every file under dir but the lock, by slash-separated
// path; the manifest is compared like the site's files.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	tree := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel != "." {
				tree[rel+"/"] = nil // empty folders count too
			}
			return nil
		}
		if rel == lockName {
			return nil
		}
		data, err := os.ReadFile(p)
		tree[rel] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

func keysOf(m map[string][]byte) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
