package post

import (
	"hash/fnv"
	"html"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gosimple/slug"
)

// Untitled is the slug of empty (or all white space) text.
const Untitled = "untitled"

// Slugify returns the slug of text with the default options: English
// symbol words, non-Latin text transliterated to ASCII, no length limit.
// It is Slugger{}.Slug(text); see there for the rules. Slugify never
// returns an empty or unsafe slug, whatever text is (invalid UTF-8
// included).
func Slugify(text string) string { return Slugger{}.Slug(text) }

// Slugger makes slugs: lowercase words joined by single hyphens, safe in a
// URL path segment and a file name. Its zero value is the default
// (English, transliterate to ASCII, no length limit).
//
// Slugger wraps github.com/gosimple/slug (slug.MakeLang) and never assigns
// that package's variables; a program that assigns them itself changes
// what gosimple/slug returns, and Slug then cleans that output again, so
// the guarantees below still hold.
//
// Before transliterating, Slug removes the tags of common HTML elements
// (WordPress titles can hold them: "<em>Go</em>" is "go"; "List<T>" keeps
// its "<T>", which is no HTML element) and closed comments, decodes HTML
// entities ("&amp;" is "&"), applies Substitutions, and spells out the
// symbols that tell common names apart, so that they do not collapse into
// one slug:
//
//	C++      c-plus-plus     ('+' is "plus")
//	C#, F#   c-sharp, f-sharp ('#' right after a letter or digit, ending a word)
//	.NET     dotnet          ('.' starting a word before a letter)
//	Q&A      q-and-a         ('&' and '@' become words of Lang: "and", "at"; "und" for "de")
//
// Apostrophes and double quotes are dropped ("Don't" is "dont"), '_' and
// every other symbol separate words, and runs of separators become one
// hyphen; the slug never starts or ends with a hyphen.
//
// A slug is never empty: empty or all white space text gives Untitled, and
// text with nothing to make a slug from (only punctuation, say) gives
// "x-" and eight hex digits of a hash of the text, so that distinct
// symbol-only names keep distinct slugs. A slug never contains '/', '\\',
// '.' or white space.
//
// Slug is idempotent, Slug(Slug(x)) == Slug(x), as long as no key of
// Substitutions can occur in a slug (keys with symbols or capitals are
// fine; their matching ignores case, so prefer symbols).
type Slugger struct {
	// Lang is the language of the text as an ISO 639-1 or 639-3 code
	// ("de", "deu"); it picks gosimple/slug's substitutions ("ä" is "ae"
	// and "&" is "und" in German). Empty or unknown means English.
	Lang string
	// KeepUnicode keeps letters, digits and combining marks of every
	// script, lowercased, instead of transliterating them to ASCII:
	// "Ünïcödé 東アジア" is "ünïcödé-東アジア". Symbols are still spelled out
	// or dropped as above.
	KeepUnicode bool
	// MaxLength is the most bytes a slug may have; 0 or less means no
	// limit. A long slug is cut after its last whole word that fits; a
	// first word longer than MaxLength is cut inside, at a character
	// boundary (a slug keeps at least one character even if that is longer
	// than MaxLength). The hash fallback is cut byte-wise, so a MaxLength
	// below 10 can give distinct symbol-only names the same slug.
	MaxLength int
	// Substitutions replaces text before the slug is made, for names the
	// rules above get wrong: {"C++": "cpp"}. Keys match ignoring case
	// (Unicode simple folding), longest key first, then in byte order of
	// the keys; the text is scanned once from the left, and replaced text is
	// not scanned again. Values are inserted as written, so surround a value
	// with spaces to make it a word of its own. Empty keys are ignored.
	Substitutions map[string]string
}

// Slug returns the slug of text; see Slugger for the rules.
func (s Slugger) Slug(text string) string {
	text = strings.TrimSpace(text)
	if text == "" {
		return s.cut(Untitled)
	}
	if len(s.Substitutions) == 0 && isCleanSlug(text) {
		return s.cut(text) // already a slug: the common case for explicit slug fields
	}
	orig := text
	if strings.IndexByte(text, '<') >= 0 {
		text = stripTitleTags(text)
	}
	if strings.IndexByte(text, '&') >= 0 {
		text = html.UnescapeString(text)
	}
	text = s.substitute(text)
	text = spellSymbols(text)
	var out string
	if s.KeepUnicode {
		out = s.keepUnicode(text)
	} else {
		out = s.transliterate(text)
	}
	if out == "" {
		return s.cutBytes(hashSlug(orig))
	}
	return s.cut(out)
}

// transliterate makes an ASCII slug with gosimple/slug. ASCII text goes
// a faster way to the same slug: gosimple/slug's language tables map only
// non-ASCII letters, quotes (dropped) and '&' and '@' (a word of the
// language, which it is asked for).
func (s Slugger) transliterate(text string) string {
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			return cleanASCII(slug.MakeLang(text, s.lang()))
		}
	}
	var amp, at string
	if strings.IndexByte(text, '&') >= 0 {
		amp = cleanASCII(slug.MakeLang("&", s.lang()))
	}
	if strings.IndexByte(text, '@') >= 0 {
		at = cleanASCII(slug.MakeLang("@", s.lang()))
	}
	return asciiSlug(text, amp, at)
}

// asciiSlug is cleanASCII(slug.MakeLang(text, lang)) for ASCII text, given
// the words of lang for '&' and '@': quotes dropped, other symbols
// separate words.
func asciiSlug(text, amp, at string) string {
	b := make([]byte, 0, len(text)+len(amp)+len(at))
	sep := false
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == '\'' || c == '"':
			continue
		case c == '&' && amp != "", c == '@' && at != "":
			// gosimple/slug glues the word to its neighbours ("q&a" is
			// "qanda"); spellSymbols has put spaces around it.
			if sep && len(b) > 0 {
				b = append(b, '-')
			}
			sep = false
			if c == '&' {
				b = append(b, amp...)
			} else {
				b = append(b, at...)
			}
			continue
		default:
			sep = true
			continue
		}
		if sep && len(b) > 0 {
			b = append(b, '-')
		}
		sep = false
		b = append(b, c)
	}
	return string(b)
}

func (s Slugger) lang() string {
	if s.Lang == "" {
		return "en"
	}
	return s.Lang
}

// substitute applies s.Substitutions in one left-to-right pass.
func (s Slugger) substitute(text string) string {
	if len(s.Substitutions) == 0 {
		return text
	}
	keys := make([]string, 0, len(s.Substitutions))
	for k := range s.Substitutions {
		if k != "" {
			keys = append(keys, k)
		}
	}
	// Longest first so "C++" wins over "C"; ties in byte order, never map order.
	slices.SortFunc(keys, func(a, b string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	})
	var b strings.Builder
	b.Grow(len(text))
	for i := 0; i < len(text); {
		matched := false
		for _, k := range keys {
			if len(text)-i >= len(k) && strings.EqualFold(text[i:i+len(k)], k) {
				b.WriteString(s.Substitutions[k])
				i += len(k)
				matched = true
				break
			}
		}
		if !matched {
			_, size := utf8.DecodeRuneInString(text[i:])
			b.WriteString(text[i : i+size])
			i += size
		}
	}
	return b.String()
}

// spellSymbols spells out the symbols that distinguish common names
// (C, C++, C#, .NET, Q&A), which gosimple/slug would otherwise drop or glue
// to their neighbours ("Q&A" would be "qanda").
func spellSymbols(text string) string {
	if !strings.ContainsAny(text, "+#.&@＋＃．＆＠") {
		return text
	}
	var b strings.Builder
	b.Grow(len(text) + 16)
	prev := rune(-1) // -1: start of text
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		next := rune(-1) // -1: end of text
		if i+size < len(text) {
			next, _ = utf8.DecodeRuneInString(text[i+size:])
		}
		switch halfWidth(r) {
		case '+':
			b.WriteString(" plus ")
		case '#':
			if isAlnum(prev) && !isAlnum(next) {
				b.WriteString(" sharp ")
			} else {
				b.WriteByte(' ')
			}
		case '.':
			if !isAlnum(prev) && prev != '.' && unicode.IsLetter(next) {
				b.WriteString("dot")
			} else {
				b.WriteString(text[i : i+size])
			}
		case '&', '@':
			// Spaced, so that gosimple/slug's language word ("and") stands alone.
			b.WriteByte(' ')
			b.WriteRune(halfWidth(r))
			b.WriteByte(' ')
		default:
			b.WriteString(text[i : i+size])
		}
		prev = r
		i += size
	}
	return b.String()
}

// stripTitleTags removes the tags of the HTML elements found in titles.
func stripTitleTags(text string) string {
	var b strings.Builder
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] != '<' {
			continue
		}
		t, ok := scanTag(text, i)
		if !ok || !(t.comment && strings.HasSuffix(text[:t.end], "-->") || isTitleTag(t.name)) {
			continue // not a tag, or an unclosed comment: keep it as text
		}
		b.WriteString(text[start:i])
		if isBlockTag(t.name) || t.name == "br" {
			b.WriteByte(' ')
		}
		start = t.end
		i = t.end - 1
	}
	if start == 0 {
		return text
	}
	b.WriteString(text[start:])
	return b.String()
}

// isTitleTag reports the HTML elements whose tags Slug removes.
func isTitleTag(name string) bool {
	switch name {
	case "a", "abbr", "b", "bdi", "bdo", "big", "br", "cite", "code", "del", "dfn",
		"em", "font", "i", "ins", "kbd", "mark", "q", "s", "samp", "small", "span",
		"strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr":
		return true
	}
	return isBlockTag(name)
}

// halfWidth maps the full-width forms of ASCII symbols (U+FF01..U+FF5E) to
// ASCII, so "Ｃ＃" is spelled like "C#".
func halfWidth(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		return r - 0xFEE0
	}
	return r
}

func isAlnum(r rune) bool {
	return r >= 0 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// isQuote reports the characters gosimple/slug drops rather than turning
// them into a separator, so that "don't" is "dont".
func isQuote(r rune) bool { return r == '\'' || r == '"' || r == '’' }

// keepUnicode makes a slug that keeps letters and digits of every script.
func (s Slugger) keepUnicode(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	sep := false // a separator is pending before the next word character
	word := func(w string) {
		if sep && b.Len() > 0 {
			b.WriteByte('-')
		}
		sep = false
		b.WriteString(w)
	}
	for _, r := range text {
		switch {
		case isQuote(r):
		case (unicode.IsLetter(r) || unicode.IsDigit(r)) && !unicode.IsUpper(unicode.ToLower(r)):
			// Full-width Latin (common in CJK text) as ASCII: "Ｇｏ" is "go".
			// Capitals with no small form ("ℂ") go the symbol way below.
			word(string(unicode.ToLower(halfWidth(r))))
		case unicode.IsMark(r) && b.Len() > 0 && !sep:
			b.WriteRune(r) // a combining mark belongs to the letter before it
		case r < utf8.RuneSelf && r != '&' && r != '@':
			sep = true
		default:
			// Symbols and other numbers ("€", "½", "&") as gosimple/slug
			// spells them, as words of their own.
			w := cleanASCII(slug.MakeLang(string(r), s.lang()))
			sep = true
			if w != "" {
				word(w)
				sep = true
			}
		}
	}
	return b.String()
}

// isCleanSlug reports whether t is already a default slug: lowercase ASCII
// letters and digits in words joined by single hyphens.
func isCleanSlug(t string) bool {
	if t == "" || t[0] == '-' || t[len(t)-1] == '-' {
		return false
	}
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == '-' && t[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// cleanASCII turns gosimple/slug's output into a default slug: its '_' (and
// anything a program's assignments to gosimple/slug's variables let
// through) separates words, and letters are lowercased.
func cleanASCII(t string) string {
	if isCleanSlug(t) {
		return t
	}
	b := make([]byte, 0, len(t))
	sep := false
	for i := 0; i < len(t); i++ {
		c := t[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if ('a' <= c && c <= 'z') || ('0' <= c && c <= '9') {
			if sep && len(b) > 0 {
				b = append(b, '-')
			}
			sep = false
			b = append(b, c)
			continue
		}
		sep = true
	}
	return string(b)
}

// hashSlug is the slug of text with nothing to make a slug from.
func hashSlug(text string) string {
	h := fnv.New32a()
	h.Write([]byte(text))
	x := strconv.FormatUint(uint64(h.Sum32()), 16)
	return "x-" + strings.Repeat("0", 8-len(x)) + x
}

// cut shortens a slug to s.MaxLength at a word boundary.
func (s Slugger) cut(t string) string {
	if s.MaxLength <= 0 || len(t) <= s.MaxLength {
		return t
	}
	if i := strings.LastIndexByte(t[:s.MaxLength+1], '-'); i > 0 {
		return t[:i]
	}
	return s.cutBytes(t)
}

// cutBytes shortens t to s.MaxLength bytes at a character boundary,
// keeping at least one character.
func (s Slugger) cutBytes(t string) string {
	if s.MaxLength <= 0 || len(t) <= s.MaxLength {
		return t
	}
	n := s.MaxLength
	for n > 0 && !utf8.RuneStart(t[n]) {
		n--
	}
	if n == 0 {
		_, n = utf8.DecodeRuneInString(t)
	}
	return strings.TrimRight(t[:n], "-")
}

// SlugSet hands out slugs that are unique within the set, for posts or
// terms whose slugs must not collide. The zero value is an empty set ready
// to use. A SlugSet is not safe for concurrent use.
type SlugSet struct {
	taken map[string]bool
	next  map[string]int // the next suffix to try for a base slug
}

// Unique returns slug if it is not in the set yet, or else slug-2, slug-3,
// ... (the first one not in the set), and adds what it returns to the set.
// Results depend only on the order of calls. An empty slug is taken as
// Untitled; other input is used as given (pass it through Slugify first),
// and a suffix can make a slug longer than a Slugger's MaxLength.
func (s *SlugSet) Unique(slug string) string {
	if slug == "" {
		slug = Untitled
	}
	if s.Reserve(slug) {
		return slug
	}
	n := max(s.next[slug], 2)
	for ; ; n++ {
		c := slug + "-" + strconv.Itoa(n)
		if s.Reserve(c) {
			s.next[slug] = n + 1
			return c
		}
	}
}

// Reserve adds slug to the set and reports whether it was free, so that
// explicit slugs can be claimed before derived ones are made unique.
func (s *SlugSet) Reserve(slug string) bool {
	if s.taken == nil {
		s.taken = make(map[string]bool)
		s.next = make(map[string]int)
	}
	if s.taken[slug] {
		return false
	}
	s.taken[slug] = true
	return true
}

// Has reports whether slug is in the set.
func (s *SlugSet) Has(slug string) bool { return s.taken[slug] }

// Len is the number of slugs in the set.
func (s *SlugSet) Len() int { return len(s.taken) }
