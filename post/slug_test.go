package post

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/gosimple/slug"
)

func TestSlugify(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Hello, World!", "hello-world"},
		{"  Trailing and leading  ", "trailing-and-leading"},
		{"Community", "community"},
		{"community", "community"},
		{"COMMUNITY", "community"},
		// Distinct common names keep distinct slugs.
		{"C", "c"},
		{"C++", "c-plus-plus"},
		{"C#", "c-sharp"},
		{"F#", "f-sharp"},
		{"Ｃ＃", "c-sharp"},
		{".NET", "dotnet"},
		{"Q&A", "q-and-a"},
		{"Trade & Tariffs", "trade-and-tariffs"},
		{"Trade &amp; Tariffs", "trade-and-tariffs"},
		{"AT&T", "at-and-t"},
		{"Kim Jong Un", "kim-jong-un"},
		{"Kim Jong-un", "kim-jong-un"},
		{"Kim Jong–un", "kim-jong-un"}, // en dash
		// Symbols that are not part of a name separate words.
		{"Issue #5", "issue-5"},
		{"#hashtags", "hashtags"},
		{"ASP.NET Core", "asp-net-core"},
		{"Wait...what", "wait-what"},
		{"Version 1.5", "version-1-5"},
		{"snake_case_name", "snake-case-name"},
		{"a / b \\ c", "a-b-c"},
		{"../../etc/passwd", "etc-passwd"},
		{"Don't panic", "dont-panic"},
		{"Don’t panic", "dont-panic"},
		{`"Quoted" title`, "quoted-title"},
		{"mail me@home", "mail-me-at-home"},
		// Transliteration of other scripts.
		{"Ünïcödé straße", "unicode-strasse"},
		{"Crème brûlée", "creme-brulee"},
		{"Привет мир", "privet-mir"},
		{"東アジア", "dong-azia"},
		{"북한", "bughan"},
		// Tags of HTML elements are removed, other angle brackets are not.
		{"Markup: Title <em>With</em> <b>Mark<sup>up</sup></b>", "markup-title-with-markup"},
		{"List<T> in C#", "list-t-in-c-sharp"},
		{"a < b > c", "a-b-c"},
		{"Line<br>break", "line-break"},
		// Already a slug: unchanged.
		{"already-a-slug-2", "already-a-slug-2"},
		// Never empty.
		{"", "untitled"},
		{" \t\n", "untitled"},
		{"!!!", "x-2d53a722"},
		{"???", "x-7bcac794"},
		{"👍", "x-34914e7a"},
		{"\xff\xfe", "x-d01ebb10"},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, Slugify(tt.in)); diff != "" {
			t.Errorf("Slugify(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestSluggerOptions(t *testing.T) {
	tests := []struct {
		name string
		s    Slugger
		in   string
		want string
	}{
		{"german", Slugger{Lang: "de"}, "Müller & Söhne", "mueller-und-soehne"},
		{"german iso 639-3", Slugger{Lang: "deu"}, "Ärger", "aerger"},
		{"unknown language is english", Slugger{Lang: "xx"}, "Salt & Pepper", "salt-and-pepper"},
		{"keep unicode cjk", Slugger{KeepUnicode: true}, "東アジア", "東アジア"},
		{"keep unicode hangul", Slugger{KeepUnicode: true}, "북한 뉴스", "북한-뉴스"},
		{"keep unicode lowercases", Slugger{KeepUnicode: true}, "Ünïcödé STRASSE", "ünïcödé-strasse"},
		{"keep unicode cyrillic", Slugger{KeepUnicode: true}, "Привет, Мир!", "привет-мир"},
		{"keep unicode marks", Slugger{KeepUnicode: true}, "नमस्ते दुनिया", "नमस्ते-दुनिया"},
		{"keep unicode symbols", Slugger{KeepUnicode: true}, "Q&A: C++", "q-and-a-c-plus-plus"},
		{"keep unicode german symbols", Slugger{KeepUnicode: true, Lang: "de"}, "Öl & Gas", "öl-und-gas"},
		{"keep unicode full-width", Slugger{KeepUnicode: true}, "Ｇｏ言語", "go言語"},
		{"keep unicode capital without small form", Slugger{KeepUnicode: true}, "ϒ and ℂ", "u-and"},
		{"keep unicode empty", Slugger{KeepUnicode: true}, "", "untitled"},
		{"keep unicode symbols only", Slugger{KeepUnicode: true}, "!!!", "x-2d53a722"},
		{"max at word boundary", Slugger{MaxLength: 12}, "The quick brown fox", "the-quick"},
		{"max exactly a word end", Slugger{MaxLength: 9}, "The quick brown fox", "the-quick"},
		{"max before hyphen", Slugger{MaxLength: 10}, "The quick brown fox", "the-quick"},
		{"max long first word", Slugger{MaxLength: 5}, "Supercalifragilistic words", "super"},
		{"max fits", Slugger{MaxLength: 100}, "Short title", "short-title"},
		{"max unicode rune boundary", Slugger{MaxLength: 4, KeepUnicode: true}, "東アジア", "東"},
		{"max smaller than a rune", Slugger{MaxLength: 1, KeepUnicode: true}, "東アジア", "東"},
		{"max untitled", Slugger{MaxLength: 5}, "", "untit"},
		{"max hash", Slugger{MaxLength: 6}, "!!!", "x-2d53"},
		{"substitution", Slugger{Substitutions: map[string]string{"C++": "cpp"}}, "Learn C++ today", "learn-cpp-today"},
		{"substitution ignores case", Slugger{Substitutions: map[string]string{"c++": "cpp"}}, "C++", "cpp"},
		{"substitution longest first", Slugger{Substitutions: map[string]string{"+": " positive ", "++": " increment "}}, "x++ y+", "x-increment-y-positive"},
		{"substitution not rescanned", Slugger{Substitutions: map[string]string{"a": "b", "b": "c"}}, "ab", "bc"},
		{"substitution empty key ignored", Slugger{Substitutions: map[string]string{"": "zzz"}}, "go", "go"},
		{"substitution to symbols spelled", Slugger{Substitutions: map[string]string{"™": " & "}}, "Foo™Bar", "foo-and-bar"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.s.Slug(tt.in)); diff != "" {
				t.Errorf("%+v.Slug(%q) mismatch (-want +got):\n%s", tt.s, tt.in, diff)
			}
		})
	}
}

// TestSlugDistinctNames checks that names a reader tells apart keep
// distinct default slugs.
func TestSlugDistinctNames(t *testing.T) {
	names := []string{"C", "C++", "C#", "F#", "F", ".NET", "NET", "Q&A", "QA", "!", "?", "!!", "Go", "Go+"}
	seen := map[string]string{}
	for _, n := range names {
		s := Slugify(n)
		if prev, ok := seen[s]; ok {
			t.Errorf("Slugify(%q) = Slugify(%q) = %q", n, prev, s)
		}
		seen[s] = n
	}
}

func checkSlug(t *testing.T, in, got string) {
	t.Helper()
	switch {
	case got == "":
		t.Errorf("slug of %q is empty", in)
	case strings.ContainsAny(got, "/\\. \t\n"):
		t.Errorf("slug of %q = %q contains a path separator, dot or space", in, got)
	case strings.HasPrefix(got, "-") || strings.HasSuffix(got, "-"):
		t.Errorf("slug of %q = %q starts or ends with '-'", in, got)
	case strings.Contains(got, "--"):
		t.Errorf("slug of %q = %q has a double hyphen", in, got)
	case !utf8.ValidString(got):
		t.Errorf("slug of %q = %q is not UTF-8", in, got)
	case CheckSlug(got) != nil:
		t.Errorf("slug of %q fails CheckSlug: %v", in, CheckSlug(got))
	}
}

var slugSeeds = []string{
	"", "Hello, World!", "C++", "C#", ".NET", "Q&A", "東アジア", "북한", "!!!", "..", "../x",
	"a/b", `a\b`, "\xff", "x-2", "-lead-", "Ünïcödé", "#", "+", "&amp;", "&#8217;", "ǅ", "İstanbul",
	"ﬃ", "ℂ", "ϒ", "a\u0301", "\u0301a", "٣٤", "½", "Ｃ＃", "x.#y", "a&b@c",
}

var sluggers = []Slugger{
	{},
	{KeepUnicode: true},
	{Lang: "de", MaxLength: 8},
	{KeepUnicode: true, MaxLength: 7},
	{Substitutions: map[string]string{"++": " pp ", "!": " bang "}},
}

func TestSlugSafeAndIdempotent(t *testing.T) {
	for _, s := range sluggers {
		for _, in := range slugSeeds {
			got := s.Slug(in)
			checkSlug(t, in, got)
			if again := s.Slug(got); again != got {
				t.Errorf("%+v: Slug(%q) = %q, but Slug(%q) = %q", s, in, got, got, again)
			}
			if s.MaxLength > 0 && len(got) > s.MaxLength && utf8.RuneCountInString(got) > 1 {
				t.Errorf("%+v: Slug(%q) = %q is longer than %d", s, in, got, s.MaxLength)
			}
		}
	}
}

// checkASCIIFastPath checks that the ASCII path gives what gosimple/slug
// would.
func checkASCIIFastPath(t *testing.T, in string) {
	t.Helper()
	for i := 0; i < len(in); i++ {
		if in[i] >= 0x80 {
			return
		}
	}
	for _, lang := range []string{"en", "de", "hu"} { // hu has no word for '&'
		s := Slugger{Lang: lang}
		want := cleanASCII(slug.MakeLang(in, lang))
		if got := s.transliterate(in); got != want {
			t.Errorf("%+v.transliterate(%q) = %q, gosimple/slug gives %q", s, in, got, want)
		}
	}
}

func TestASCIIFastPath(t *testing.T) {
	for _, in := range append(slugSeeds, "Don't \"quote\" me", "  a_b-c--d  ", "x'_'y", "'", "-_-", "\x00\x7f\t", "a&b", "a & b", "x@y&", "&&@@") {
		checkASCIIFastPath(t, in)
	}
}

func FuzzSlug(f *testing.F) {
	for _, s := range slugSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		checkASCIIFastPath(t, in)
		for _, s := range sluggers {
			got := s.Slug(in)
			checkSlug(t, in, got)
			if again := s.Slug(got); again != got {
				t.Errorf("%+v: Slug(%q) = %q, but Slug(%q) = %q", s, in, got, got, again)
			}
			if s.MaxLength > 0 && len(got) > s.MaxLength && utf8.RuneCountInString(got) > 1 {
				t.Errorf("%+v: Slug(%q) = %q is longer than %d", s, in, got, s.MaxLength)
			}
		}
	})
}

func TestSlugSet(t *testing.T) {
	var s SlugSet // the zero value is ready to use
	var got []string
	for _, in := range []string{"x", "x", "y", "x", "", "", "x-2-2"} {
		got = append(got, s.Unique(in))
	}
	want := []string{"x", "x-2", "y", "x-3", "untitled", "untitled-2", "x-2-2"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Unique sequence mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(7, s.Len()); diff != "" {
		t.Errorf("Len mismatch (-want +got):\n%s", diff)
	}
}

func TestSlugSetTakenSuffix(t *testing.T) {
	var s SlugSet
	// An explicit slug that looks like a suffixed one is claimed first.
	if !s.Reserve("post-2") {
		t.Fatal("Reserve(post-2) on an empty set = false")
	}
	if s.Reserve("post-2") {
		t.Error("Reserve(post-2) twice = true")
	}
	got := []string{s.Unique("post"), s.Unique("post"), s.Unique("post"), s.Unique("post-2")}
	want := []string{"post", "post-3", "post-4", "post-2-2"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Unique mismatch (-want +got):\n%s", diff)
	}
	if !s.Has("post-3") || s.Has("post-5") {
		t.Errorf("Has(post-3), Has(post-5) = %v, %v; want true, false", s.Has("post-3"), s.Has("post-5"))
	}
}

func TestSlugSetZeroHas(t *testing.T) {
	var s SlugSet
	if s.Has("x") || s.Len() != 0 {
		t.Error("zero SlugSet is not empty")
	}
}

func BenchmarkSlugify(b *testing.B) {
	titles := []string{
		"Trade & Tariffs: What the New Rules Mean for Small Exporters",
		"Learning C++ and C# in 2024",
		"already-a-slug",
		"Crème brûlée, straße und Ünïcödé",
		"東アジアの経済",
	}
	n := 0
	for _, t := range titles {
		n += len(t)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range titles {
			Slugify(t)
		}
	}
}
