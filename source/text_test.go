package source_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render/postfile"
	"github.com/folio-go/folio/source"
	"github.com/google/go-cmp/cmp"
)

// updating reports whether -update was given. The flag is defined once
// for the package's test binary, in the internal test files.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// TestParseTextGolden parses every testdata/text/*.txt and compares the
// post's JSON form with x.json, or the error with x.err.
func TestParseTextGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/text/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test files: %v", err)
	}
	for _, file := range files {
		name := filepath.Base(file)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			ext := ".json"
			p, err := source.ParseText(name, data, source.Options{})
			if err != nil {
				ext = ".err"
				got.WriteString(err.Error() + "\n")
			} else if err := postfile.JSON(&got, p); err != nil {
				t.Fatal(err)
			}
			if bad := strings.HasPrefix(name, "bad-"); bad != (err != nil) {
				t.Errorf("ParseText error = %v; want an error only for bad-* files", err)
			}
			golden := strings.TrimSuffix(file, ".txt") + ext
			if updating() {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./source -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), got.String()); diff != "" {
				t.Errorf("%s mismatch (-want +got):\n%s", golden, diff)
			}
		})
	}
}

// TestParseTextRoundTrip checks that every good test file survives
// postfile.Text and back, and that writing is stable.
func TestParseTextRoundTrip(t *testing.T) {
	files, _ := filepath.Glob("testdata/text/*.txt")
	for _, file := range files {
		name := filepath.Base(file)
		if strings.HasPrefix(name, "bad-") {
			continue
		}
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			p, err := source.ParseText(name, data, source.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var text bytes.Buffer
			if err := postfile.Text(&text, p); err != nil {
				t.Fatalf("postfile.Text: %v", err)
			}
			back, err := source.ParseText(name, text.Bytes(), source.Options{})
			if err != nil {
				t.Fatalf("ParseText(postfile.Text(p)): %v\n%s", err, text.String())
			}
			if diff := cmp.Diff(p, back); diff != "" {
				t.Errorf("round trip changed the post (-want +got):\n%s\n%s", diff, text.String())
			}
			var again bytes.Buffer
			if err := postfile.Text(&again, back); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(text.String(), again.String()); diff != "" {
				t.Errorf("writing twice differs (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseTextErrors(t *testing.T) {
	tests := []struct {
		name       string
		in         string
		want       error
		line, col  int
		wantSubstr string
	}{
		{"empty", "", source.ErrEmpty, 0, 0, "empty post"},
		{"white space", " \n\t\r\n\u00a0\n", source.ErrEmpty, 0, 0, ""},
		{"only a BOM", "\ufeff\r\n", source.ErrEmpty, 0, 0, ""},
		{"bad byte in title", "ab\xffc", source.ErrEncoding, 1, 3, ""},
		{"bad byte after runes", "T\n\nnaïve\xe9", source.ErrEncoding, 3, 6, ""},
		{"bad byte after BOM", "\ufeff\xc3", source.ErrEncoding, 1, 1, ""},
		{"truncated rune at end", "T\nbody \xe2\x80", source.ErrEncoding, 2, 6, ""},
		{"ambiguous footer date", "T\np\nThis entry was posted on 02/01/2006.", source.ErrDate, 3, 26, "ambiguous"},
		{"ambiguous dashed date", "T\np\nThis entry was posted on 2-1-06 by A.", source.ErrDate, 3, 26, "ambiguous"},
		{"unreadable date", "T\np\nThis entry was posted in X on May 35, 2017.", source.ErrDate, 3, 31, "not a date"},
		{"numeric day 13 or month 13", "T\np\nThis entry was posted on 13/13/2017.", source.ErrDate, 3, 26, "not a date"},
		{"numeric day zero", "T\np\nThis entry was posted on 0/0/2017.", source.ErrDate, 3, 26, "not a date"},
		{"numeric day 31 in April", "T\np\nThis entry was posted on 31/04/2017.", source.ErrDate, 3, 26, "not a date"},
		{"two-digit year", "T\np\nThis entry was posted on 13/03/17.", source.ErrDate, 3, 26, "ambiguous"},
		{"spaced byline date", "T\nPosted\u00a0on  1/2/2017 by A\np", source.ErrDate, 2, 12, "ambiguous"},
		{"wrong weekday", "T\np\nThis entry was posted on Monday, March 3, 2017.", source.ErrDate, 3, 26, ""},
		{"ambiguous byline date", "T\nPosted on 1/2/2017 by A\np", source.ErrDate, 2, 11, "ambiguous"},
		{"empty name", "T\np\nThis entry was posted in A, , B.", source.ErrSyntax, 3, 29, "empty name"},
		{"empty author", "T\np\nThis entry was posted by  .", source.ErrSyntax, 3, 27, "empty name"},
		{"empty name after a tab", "T\np\n\tThis entry was posted in A,\u00a0, B.", source.ErrSyntax, 3, 30, "empty name"},
		{"unreadable date with a typo", "T\np\nThis entry was posted on Marhc 3, 2017.", source.ErrDate, 3, 26, "not a date"},
		{"split footer date", "T\np\nThis entry was posted on 3/4/2017.\nBookmark the permalink.", source.ErrDate, 3, 26, "ambiguous"},
		{"byline date differs", "T\nPosted on May 1, 2017 by A\np\nThis entry was posted on May 2, 2017.", source.ErrSyntax, 4, 26, "differs"},
		{"byline author differs", "T\nPosted on May 1, 2017 by A\np\nThis entry was posted by B.", source.ErrSyntax, 4, 26, "differ"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := source.ParseText("in.txt", []byte(tt.in), source.Options{})
			if err == nil {
				t.Fatalf("ParseText = %+v, want an error", p)
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("error %v does not wrap %v", err, tt.want)
			}
			var se *source.Error
			if !errors.As(err, &se) {
				t.Fatalf("error %T is not a *source.Error", err)
			}
			got := [3]any{se.Path, se.Line, se.Column}
			if diff := cmp.Diff([3]any{"in.txt", tt.line, tt.col}, got); diff != "" {
				t.Errorf("position of %q (-want +got):\n%s", err, diff)
			}
			if !strings.Contains(err.Error(), tt.wantSubstr) {
				t.Errorf("error %q does not mention %q", err, tt.wantSubstr)
			}
		})
	}
}

func TestParseTextDates(t *testing.T) {
	want := time.Date(2017, time.March, 3, 0, 0, 0, 0, time.UTC)
	for _, d := range []string{
		"March 3, 2017", "march 3, 2017", "March 03, 2017", "Mar 3, 2017", "Mar. 3, 2017",
		"March 3 2017", "3 March 2017", "3 Mar 2017", "3 March, 2017", "March 3rd, 2017",
		"3rd March 2017", "Friday, March 3, 2017", "Fri, Mar 3, 2017", "Friday, 3 March 2017",
		"2017-03-03", "2017/03/03", "2017.03.03", "03/03/2017", "3/3/2017", "3.3.2017",
	} {
		p, err := source.ParseText("d.txt", []byte("T\nThis entry was posted on "+d+"."), source.Options{})
		if err != nil {
			t.Errorf("%q: %v", d, err)
			continue
		}
		if !p.Date.Equal(want) {
			t.Errorf("%q: date %v, want %v", d, p.Date, want)
		}
	}
	withTime := map[string]time.Time{
		"March 3, 2017 at 4:05 pm": time.Date(2017, 3, 3, 16, 5, 0, 0, time.UTC),
		"March 3, 2017 at 4:05 PM": time.Date(2017, 3, 3, 16, 5, 0, 0, time.UTC),
		"2017-03-03 16:05":         time.Date(2017, 3, 3, 16, 5, 0, 0, time.UTC),
		"2017-03-03 16:05:06":      time.Date(2017, 3, 3, 16, 5, 6, 0, time.UTC),
	}
	for d, want := range withTime {
		p, err := source.ParseText("d.txt", []byte("T\nThis entry was posted on "+d+"."), source.Options{})
		if err != nil {
			t.Errorf("%q: %v", d, err)
			continue
		}
		if !p.Date.Equal(want) {
			t.Errorf("%q: date %v, want %v", d, p.Date, want)
		}
	}
}

// TestParseTextNumericDates checks that a numeric date with the year last
// reads when one number is above 12, either way round.
func TestParseTextNumericDates(t *testing.T) {
	for d, want := range map[string]time.Time{
		"13/03/2017": time.Date(2017, 3, 13, 0, 0, 0, 0, time.UTC),
		"03/13/2017": time.Date(2017, 3, 13, 0, 0, 0, 0, time.UTC),
		"31.12.2016": time.Date(2016, 12, 31, 0, 0, 0, 0, time.UTC),
		"12-31-2016": time.Date(2016, 12, 31, 0, 0, 0, 0, time.UTC),
		"29/02/2016": time.Date(2016, 2, 29, 0, 0, 0, 0, time.UTC),
	} {
		p, err := source.ParseText("d.txt", []byte("T\nPosted on "+d+" by A\nbody"), source.Options{})
		if err != nil {
			t.Errorf("%q: %v", d, err)
			continue
		}
		if !p.Date.Equal(want) {
			t.Errorf("%q: date %v, want %v", d, p.Date, want)
		}
	}
}

// TestParseTextBylineTwoDates checks the bylines that carry the updated
// date after the published one.
func TestParseTextBylineTwoDates(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2017, 3, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		byline           string
		date, updated    time.Time
		firstParagraphIs string
	}{
		{"Posted on March 3, 2017 March 9, 2017 by A", day(3), day(9), "body"},
		{"Posted on March 3, 2017March 9, 2017", day(3), day(9), "body"},
		{"Posted on 2017-03-03 2017-03-03", day(3), day(3), "body"},
		{"Posted on March 9, 2017 March 3, 2017", time.Time{}, time.Time{}, "Posted on March 9, 2017 March 3, 2017"},
		{"Posted on March 3, 2017 and again", time.Time{}, time.Time{}, "Posted on March 3, 2017 and again"},
	}
	for _, tt := range tests {
		p, err := source.ParseText("b.txt", []byte("T\n"+tt.byline+"\nbody"), source.Options{})
		if err != nil {
			t.Errorf("%q: %v", tt.byline, err)
			continue
		}
		got := [3]any{p.Date, p.Updated, strings.Split(p.Body.Text, "\n\n")[0]}
		if diff := cmp.Diff([3]any{tt.date, tt.updated, tt.firstParagraphIs}, got); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tt.byline, diff)
		}
	}
}

func TestParseTextLocation(t *testing.T) {
	loc := time.FixedZone("UTC+2", 2*60*60)
	p, err := source.ParseText("d.txt", []byte("T\nPosted on March 3, 2017 by A\nbody"), source.Options{Location: loc})
	if err != nil {
		t.Fatal(err)
	}
	want := time.Date(2017, 3, 3, 0, 0, 0, 0, loc)
	if !p.Date.Equal(want) || p.Date.Location() != loc {
		t.Errorf("date %v, want %v in the given location", p.Date, want)
	}
}

// TestParseTextShape pins the parts of a post that are easy to get
// subtly wrong, beyond the golden files.
func TestParseTextShape(t *testing.T) {
	in := "  A Title  \n\n\nPosted on the fridge by Ann, then gone.\none\n\n[not a citation] two\n[X]\nthree\n[A]\n\n[B](http://b.example/x)\nThis entry was posted in Stand by Me, Jazz and Blues by Ann Lee, Bo Chen."
	got, err := source.ParseText("dir/a.txt", []byte(in), source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := &post.Post{
		Title:  "A Title",
		Slug:   "a-title",
		Status: post.Published,
		Authors: []post.Author{
			{Name: "Ann Lee", Slug: "ann-lee"},
			{Name: "Bo Chen", Slug: "bo-chen"},
		},
		Categories: []post.Term{
			{Name: "Stand by Me", Slug: "stand-by-me"},
			{Name: "Jazz and Blues", Slug: "jazz-and-blues"},
		},
		Citations: []post.Citation{{Source: "A"}, {Source: "B", URL: "http://b.example/x"}},
		Body:      post.Body{Format: post.Text, Text: "Posted on the fridge by Ann, then gone.\n\none\n\n[not a citation] two\n\n[X]\n\nthree"},
		Source:    post.Source{Path: "dir/a.txt", Format: "text", Line: 1},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ParseText mismatch (-want +got):\n%s", diff)
	}
}

// TestParseTextLastLines checks which last lines are citations and
// footers, and which stay paragraphs.
func TestParseTextLastLines(t *testing.T) {
	type result struct {
		Body       string
		Citations  []post.Citation
		Categories []string
		Tags       []string
	}
	tests := map[string]result{
		"[CNN]":                      {Citations: []post.Citation{{Source: "CNN"}}},
		"[ CNN ]":                    {Citations: []post.Citation{{Source: "CNN"}}},
		"[CNN](https://cnn.example)": {Citations: []post.Citation{{Source: "CNN", URL: "https://cnn.example"}}},
		"[]":                         {Body: "[]"},
		"[ ]":                        {Body: "[ ]"},
		"[[CNN]]":                    {Body: "[[CNN]]"},
		"[CNN]()":                    {Body: "[CNN]()"},
		"[CNN](a b)":                 {Body: "[CNN](a b)"},
		"[CNN](a(b))":                {Body: "[CNN](a(b))"},
		"[CNN] said so":              {Body: "[CNN] said so"},
		"[CNN](x) said so":           {Body: "[CNN](x) said so"},
		"Posted in News | Edit":      {Categories: []string{"News"}},
		"Posted in A, B | 1 Comment": {Categories: []string{"A", "B"}},
		"Posted in A | Comments Off": {Categories: []string{"A"}},
		"Posted in A | Tagged b, c | 12 Comments | Edit": {Categories: []string{"A"}, Tags: []string{"b", "c"}},
		"Posted in A":                                                    {Categories: []string{"A"}},
		"Posted in A | Tagged b":                                         {Categories: []string{"A"}, Tags: []string{"b"}},
		"Posted in A | Shared":                                           {Categories: []string{"A", "Shared"}},
		"Posted in A | Comments":                                         {Categories: []string{"A", "Comments"}},
		"Posted in A | Leave a reply":                                    {Categories: []string{"A"}},
		"Posted in A | 3 Replies":                                        {Categories: []string{"A"}},
		"Posted in A | Tagged b | 1 Reply":                               {Categories: []string{"A"}, Tags: []string{"b"}},
		"Posted in A | Leave a comment on The Title":                     {Categories: []string{"A"}},
		"Posted in A | Tagged b | Tagged c":                              {Body: "Posted in A | Tagged b | Tagged c"},
		"Posted in haste, the letter came a day late.":                   {Body: "Posted in haste, the letter came a day late."},
		"Posted in the hall for all of us to read and sign":              {Body: "Posted in the hall for all of us to read and sign"},
		"Posted in A | Leave a comment":                                  {Categories: []string{"A"}},
		"Posted in\u00a0A,\tB":                                           {Categories: []string{"A", "B"}},
		"Categories: A, B":                                               {Categories: []string{"A", "B"}},
		"Tags: a, b":                                                     {Tags: []string{"a", "b"}},
		"Tagged a, b":                                                    {Tags: []string{"a", "b"}},
		"Categorized as A":                                               {Categories: []string{"A"}},
		"x\nLeave a comment":                                             {Body: "x\n\nLeave a comment"},
		"x\nEdit":                                                        {Body: "x\n\nEdit"},
		"x\n3 Comments":                                                  {Body: "x\n\n3 Comments"},
		"This entry was posted in X":                                     {Body: "This entry was posted in X"},
		"This entry was posted today.":                                   {Body: "This entry was posted today."},
		"This entry was posted yesterday in News.":                       {Body: "This entry was posted yesterday in News."},
		"This entry was posted in X. Bookmark the permalink.Edit":        {Categories: []string{"X"}},
		"This entry was posted in X.Edit":                                {Categories: []string{"X"}},
		"This entry was posted in Focus on 2020-21 by A.":                {Categories: []string{"Focus on 2020-21"}},
		"This entry was posted in News on Focus on 2020.":                {Categories: []string{"News on Focus on 2020"}},
		"This entry was posted in X. Bookmark the permalink. Edit":       {Categories: []string{"X"}},
		"This entry was posted in X.Bookmark the permalink.":             {Categories: []string{"X"}},
		"This\u00a0entry was posted in X.\u00a0Bookmark the permalink.":  {Categories: []string{"X"}},
		"This entry was posted in X.\nBookmark the permalink.":           {Categories: []string{"X"}},
		"This entry was posted in X.\n\nBookmark the permalink.\n\nEdit": {Categories: []string{"X"}},
		"This entry was posted in X.\nLeave a comment":                   {Categories: []string{"X"}},
		"This entry was posted in X.\nEdit\nBookmark the permalink.":     {Body: "This entry was posted in X.\n\nEdit"},
		"Bookmark the permalink.\nBookmark the permalink.":               {Body: "Bookmark the permalink."},
		"Tagged b\nBookmark the permalink.":                              {Body: "Tagged b"},
		"[CNN]\nLeave a comment":                                         {Body: "[CNN]\n\nLeave a comment"},
		"[CNN]\nThis entry was posted by A.\n2 Comments":                 {Citations: []post.Citation{{Source: "CNN"}}},
		"Categories: A\nTags: b, c\nLeave a comment":                     {Categories: []string{"A"}, Tags: []string{"b", "c"}},
		"Categories: A\nCategories: B":                                   {Body: "Categories: A", Categories: []string{"B"}},
		"Posted in News.":                                                {Categories: []string{"News"}},
		"Posted in haste.":                                               {Body: "Posted in haste."},
		"Posted in haste and tagged it.":                                 {Categories: []string{"haste"}, Tags: []string{"it"}},
		"Posted in the hall. Bookmark the permalink.":                    {Categories: []string{"the hall"}},
		"Posted in the hall on 3/4/2017.":                                {Body: "Posted in the hall on 3/4/2017."},
		"This entry was tagged a, b.":                                    {Tags: []string{"a", "b"}},
		"Tagged a, b.":                                                   {Body: "Tagged a, b."},
		"Tagged a, b. Bookmark the permalink.":                           {Tags: []string{"a", "b"}},
		"This entry was posted on and is filed under .":                  {Body: "This entry was posted on and is filed under ."},
		"Posted in A and tagged b, c":                                    {Categories: []string{"A"}, Tags: []string{"b", "c"}},
		"and tagged b":                                                   {Body: "and tagged b"},
		"Posted in A Tagged b, c":                                        {Categories: []string{"A"}, Tags: []string{"b", "c"}},
		"Posted in A Tagged b 2 Comments on T":                           {Categories: []string{"A"}, Tags: []string{"b"}},
		"Posted in A Leave a Comment on T Edit T":                        {Categories: []string{"A"}},
		"Posted in A Edit":                                               {Categories: []string{"A"}},
		"Posted in A\nTagged b\n1 Comment on T":                          {Categories: []string{"A"}, Tags: []string{"b"}},
		"[CNN, Reuters]":                                                 {Citations: []post.Citation{{Source: "CNN, Reuters"}}},
		"[Source: CNN]":                                                  {Citations: []post.Citation{{Source: "Source: CNN"}}},
		"[Update: it reopened] It did.":                                  {Body: "[Update: it reopened] It did."},
		"Posted in | Tagged b | Edit":                                    {Body: "Posted in | Tagged b | Edit"},
		"Posted in A, , B | Edit":                                        {Body: "Posted in A, , B | Edit"},
		"Bookmark the permalink.":                                        {},
		"Bookmark the permalink":                                         {Body: "Bookmark the permalink"},
	}
	for line, want := range tests {
		p, err := source.ParseText("l.txt", []byte("T\n"+line), source.Options{})
		if err != nil {
			t.Errorf("%q: %v", line, err)
			continue
		}
		got := result{Body: p.Body.Text, Citations: p.Citations}
		for _, c := range p.Categories {
			got.Categories = append(got.Categories, c.Name)
		}
		for _, c := range p.Tags {
			got.Tags = append(got.Tags, c.Name)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%q (-want +got):\n%s", line, diff)
		}
	}
}

// FuzzParseText checks that ParseText never panics, that every error is a
// positioned *source.Error, and that whatever parses and postfile.Text
// accepts reads back as the same post.
func FuzzParseText(f *testing.F) {
	files, _ := filepath.Glob("testdata/text/*.txt")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := source.ParseText("f.txt", data, source.Options{})
		if err != nil {
			var se *source.Error
			if !errors.As(err, &se) || se.Path != "f.txt" {
				t.Fatalf("error %v (%T) is not a *source.Error for f.txt", err, err)
			}
			return
		}
		if p.Title == "" || p.Slug == "" {
			t.Fatalf("post without title or slug: %+v", p)
		}
		var text bytes.Buffer
		if err := postfile.Text(&text, p); err != nil {
			if !errors.Is(err, postfile.ErrText) {
				t.Fatalf("postfile.Text error %v does not wrap ErrText", err)
			}
			return
		}
		back, err := source.ParseText("f.txt", text.Bytes(), source.Options{})
		if err != nil {
			t.Fatalf("ParseText(postfile.Text(p)): %v\n%q", err, text.String())
		}
		if diff := cmp.Diff(p, back); diff != "" {
			t.Fatalf("round trip changed the post (-want +got):\n%s\ninput %q\nwritten %q", diff, data, text.String())
		}
	})
}

func BenchmarkParseText(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString("A Benchmark Post About Harbours\nPosted on March 3, 2017 by Ann Lee\n")
	for i := 0; i < 200; i++ {
		buf.WriteString("The harbour wall was rebuilt in stone after the storm, and the [old] crane was moved to the museum.\n\n")
	}
	buf.WriteString("[Harbour Trust](https://example.org/harbour)\n[Gazette]\n")
	buf.WriteString("This entry was posted in Harbour, Local History and tagged storms, cranes on March 3, 2017 by Ann Lee. Bookmark the permalink.\n")
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := source.ParseText("bench.txt", data, source.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
