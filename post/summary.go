package post

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// DefaultSummaryWords is the word budget Summarize uses when given none.
const DefaultSummaryWords = 70

// Summarize returns a post's summary, in the body's format, and whether
// the body holds more than the summary shows (for a "Read more" link).
//
// The summary is, in order of preference:
//
//  1. p.Summary, when it is not blank, trimmed; truncated unless the body
//     is blank or the same text.
//  2. The text before the "<!--more-->" divider (see SplitMore), trimmed,
//     whatever its length; truncated when anything but white space follows
//     the divider. A divider with nothing before it is ignored.
//  3. The body's leading paragraphs (split at blank lines, but never
//     inside a Markdown code fence, an HTML comment or a pre, script or
//     style element), as many whole ones as fit in maxWords words (counted
//     as WordCount counts them), joined by one blank line; at least the
//     first. Paragraphs without words or images (a style element, a
//     comment, a rule) are left out. A first paragraph longer than
//     maxWords is cut after its last whole word that fits, never inside a
//     word, an HTML tag, an entity, a Markdown link, image or code span;
//     HTML elements (and Markdown emphasis) left open by the cut are
//     closed; the cut paragraph ends in an ellipsis ("…"), inside those
//     elements. Summaries made of whole paragraphs get none: the caller
//     can use truncated.
//
// maxWords of 0 or less means DefaultSummaryWords. A nil post or a blank
// body gives "", false. Summarize never fails: markup it does not
// recognise is treated as text.
func Summarize(p *Post, maxWords int) (summary string, truncated bool) {
	if p == nil {
		return "", false
	}
	if maxWords <= 0 {
		maxWords = DefaultSummaryWords
	}
	body := strings.TrimSpace(p.Body.Text)
	if s := strings.TrimSpace(p.Summary); s != "" {
		return s, body != "" && body != s
	}
	if start, end := moreDivider(p.Body); start >= 0 {
		if before := strings.TrimSpace(p.Body.Text[:start]); before != "" {
			return before, strings.TrimSpace(p.Body.Text[end:]) != ""
		}
	}
	paras := paragraphs(p.Body)
	var kept []string
	words := 0
	for _, para := range paras {
		n := CountWords(PlainText(Body{Format: p.Body.Format, Text: para}))
		if n == 0 && !hasImage(p.Body.Format, para) {
			continue // a style block, a comment, a rule: nothing to read
		}
		if len(kept) == 0 && n > maxWords {
			return cutWords(p.Body.Format, para, maxWords), true
		}
		if words+n > maxWords {
			return strings.Join(kept, "\n\n"), true
		}
		kept = append(kept, para)
		words += n
	}
	return strings.Join(kept, "\n\n"), false
}

// hasImage reports whether a paragraph shows an image (or other embedded
// media), which a summary keeps although it has no words.
func hasImage(f Format, para string) bool {
	switch f {
	case HTML, Markdown:
		l := strings.ToLower(para)
		for _, t := range []string{"<img", "<picture", "<video", "<svg", "<iframe", "<figure"} {
			if strings.Contains(l, t) {
				return true
			}
		}
		return f == Markdown && strings.Contains(para, "![")
	}
	return false
}

// SplitMore returns the body's text before its "<!--more-->" divider,
// trimmed of surrounding white space, and whether there is a divider.
//
// The divider is an HTML comment whose text starts with "more" (any case),
// alone or followed by white space and a label, as WordPress writes it:
// "<!--more-->", "<!-- more -->", "<!--more Keep reading-->". In Markdown it
// does not count inside a code span, a fenced or indented code block, or an
// HTML pre, code, script, style or textarea element; in HTML not inside
// those elements; in Text it counts anywhere. Only the first divider
// counts. With no divider, SplitMore returns "", false.
func SplitMore(b Body) (before string, ok bool) {
	start, _ := moreDivider(b)
	if start < 0 {
		return "", false
	}
	return strings.TrimSpace(b.Text[:start]), true
}

// moreDivider returns the offsets of the first "more" divider in b, or
// -1, -1.
func moreDivider(b Body) (start, end int) {
	s := b.Text
	if !strings.Contains(s, "<!--") {
		return -1, -1
	}
	switch b.Format {
	case HTML:
		return moreInHTML(s, 0, len(s))
	case Markdown:
		return moreInMarkdown(s)
	}
	for i := 0; ; {
		k := strings.Index(s[i:], "<!--")
		if k < 0 {
			return -1, -1
		}
		i += k
		t, ok := scanTag(s, i)
		if ok && isMoreComment(s[i:t.end]) {
			return i, t.end
		}
		if ok && !strings.HasSuffix(s[:t.end], "-->") {
			return -1, -1 // unclosed: no comment after it is closed either
		}
		i += 4
	}
}

// isMoreComment reports whether the comment c ("<!--...-->") is a divider.
func isMoreComment(c string) bool {
	if len(c) < len("<!---->") || !strings.HasSuffix(c, "-->") {
		return false // unclosed
	}
	in := strings.TrimLeft(c[4:len(c)-3], " \t\r\n")
	if len(in) < 4 || !strings.EqualFold(in[:4], "more") {
		return false
	}
	return len(in) == 4 || in[4] == ' ' || in[4] == '\t' || in[4] == '\r' || in[4] == '\n'
}

// isCodeTag reports elements whose contents are code or raw text, where a
// divider is an example rather than a divider.
func isCodeTag(name string) bool {
	switch name {
	case "pre", "code", "kbd", "samp", "script", "style", "textarea", "template":
		return true
	}
	return false
}

// moreInHTML finds a divider among the tags of s[i:end].
func moreInHTML(s string, i, end int) (int, int) {
	for i < end {
		k := strings.IndexByte(s[i:end], '<')
		if k < 0 {
			break
		}
		i += k
		t, ok := scanTag(s, i)
		switch {
		case !ok:
			i++
		case t.comment && isMoreComment(s[i:t.end]):
			return i, t.end
		case !t.closing && isCodeTag(t.name):
			i = skipRawText(s, t.end, t.name)
		default:
			i = t.end
		}
	}
	return -1, -1
}

// moreInMarkdown finds a divider outside Markdown code.
func moreInMarkdown(s string) (int, int) {
	fence := ""
	prevBlank, indented := true, false
	for i := 0; i < len(s); {
		le := strings.IndexByte(s[i:], '\n')
		if le < 0 {
			le = len(s)
		} else {
			le += i
		}
		if i == 0 || s[i-1] == '\n' { // at the start of a line: block structure
			line := strings.TrimSuffix(s[i:le], "\r")
			blank := strings.TrimSpace(line) == ""
			isIndent := !blank && (strings.HasPrefix(line, "    ") || strings.HasPrefix(line, "\t"))
			wasIndented := indented
			code := false
			indented = false
			switch {
			case fence != "":
				if isFenceClose(line, fence) {
					fence = ""
				}
				code = true
			case fenceOpen(line) != "":
				fence, code = fenceOpen(line), true
			case isIndent && (prevBlank || wasIndented):
				code, indented = true, true // an indented code block
			case blank:
				indented = wasIndented // a blank line does not end indented code
			}
			prevBlank = blank
			if code {
				i = le + 1
				continue
			}
		}
		next, start, end := moreInMarkdownLine(s, i, le)
		if start >= 0 {
			return start, end
		}
		i = next
	}
	return -1, -1
}

// moreInMarkdownLine scans the inline text of s[i:le] for a divider,
// skipping code spans and HTML code elements. next is where scanning goes
// on: after the line, or after a comment or element that runs past it.
func moreInMarkdownLine(s string, i, le int) (next, start, end int) {
	var idx mdIndex
	if strings.IndexByte(s[i:le], '`') >= 0 {
		idx.reset(s[i:le])
	}
	for j := i; j < le; {
		switch s[j] {
		case '\\':
			j += 2
		case '`':
			if _, e, ok := idx.codeSpan(j - i); ok {
				j = e + i
			} else {
				j += runLen(s, j, '`')
			}
		case '<':
			t, ok := scanTag(s, j)
			switch {
			case !ok:
				j++
				continue
			case t.comment && isMoreComment(s[j:t.end]):
				return 0, j, t.end
			case !t.closing && isCodeTag(t.name):
				j = skipRawText(s, t.end, t.name)
			default:
				j = t.end
			}
			if j > le {
				return j, -1, -1 // the element ran past this line
			}
		default:
			j++
		}
	}
	return le + 1, -1, -1
}

// paragraphs splits a body's text at blank lines, keeping Markdown code
// fences, HTML comments and pre, script, style, textarea and template
// elements whole, and returns the non-blank paragraphs trimmed (in
// Markdown, keeping the first line's indent).
func paragraphs(b Body) []string {
	s := strings.ReplaceAll(b.Text, "\r\n", "\n")
	var out []string
	fence := ""
	until := 0 // blank lines before this offset are inside an element or comment
	start := 0
	add := func(end int) {
		p := strings.TrimRightFunc(s[start:end], unicode.IsSpace)
		if b.Format == Markdown {
			// Keep the first line's indent: it can make code.
			p = p[strings.LastIndexByte(p[:len(p)-len(strings.TrimLeftFunc(p, unicode.IsSpace))], '\n')+1:]
		} else {
			p = strings.TrimLeftFunc(p, unicode.IsSpace)
		}
		if p != "" {
			out = append(out, p)
		}
	}
	for i := 0; i < len(s); {
		le := strings.IndexByte(s[i:], '\n')
		if le < 0 {
			le = len(s)
		} else {
			le += i
		}
		line := s[i:le]
		switch {
		case i < until:
		case b.Format == Markdown && fence != "":
			if isFenceClose(line, fence) {
				fence = ""
			}
			i = le + 1
			continue
		case b.Format == Markdown && fenceOpen(line) != "":
			fence = fenceOpen(line)
			i = le + 1
			continue
		case strings.TrimSpace(line) == "":
			add(i)
			start = le
		}
		if b.Format != Text {
			until = max(until, protectedEnd(s, max(i, until), le))
		}
		i = le + 1
	}
	add(len(s))
	return out
}

// protectedEnd returns the end of the last comment or pre, script, style,
// textarea or template element that starts in s[i:le] and runs past le,
// or 0 when none does.
func protectedEnd(s string, i, le int) int {
	end := 0
	for i < le {
		k := strings.IndexByte(s[i:le], '<')
		if k < 0 {
			break
		}
		i += k
		t, ok := scanTag(s, i)
		switch {
		case !ok:
			i++
			continue
		case !t.closing && (t.name == "pre" || isRawTextTag(t.name)):
			i = skipRawText(s, t.end, t.name)
		default:
			i = t.end
		}
		if i > le {
			end = i
		}
	}
	return end
}

// cutWords cuts a paragraph after maxWords words, at a word boundary
// outside markup, and closes what the cut leaves open.
func cutWords(f Format, s string, maxWords int) string {
	markup := f == HTML || f == Markdown
	var idx mdIndex
	if f == Markdown {
		idx.reset(s)
	}
	words := 0
	inWord := false
	last := 0 // the end of the last word kept
	// unit counts an atomic piece of n words ending at end; it reports
	// false when the budget is spent and the cut goes before it.
	unit := func(n, end int, joins bool) bool {
		if joins && inWord && n > 0 {
			n-- // its first word continues the word before it
		}
		if n > 0 && words > 0 && words+n > maxWords {
			return false
		}
		words += n
		last = end
		inWord = joins
		return true
	}
	for i := 0; i < len(s); {
		c := s[i]
		if markup {
			switch {
			case c == '<':
				if t, ok := scanTag(s, i); ok {
					switch {
					case isRawTextTag(t.name) && !t.closing:
						i = skipRawText(s, t.end, t.name)
					case isBlockTag(t.name) || t.name == "br":
						inWord = false
						i = t.end
					default:
						if t.closing && i == last {
							last = t.end // keep "</b>" that ends the last word
						}
						i = t.end
					}
					continue
				}
				if f == Markdown {
					if url, end, ok := autolinkAt(s, i); ok {
						if !unit(CountWords(url), end, true) {
							return closeOpen(f, s[:last], true)
						}
						i = end
						continue
					}
				}
			case c == '&':
				if dec, end, ok := entityAt(s, i); ok {
					if strings.TrimSpace(dec) == "" {
						inWord = false
					} else if !unit(1, end, true) {
						return closeOpen(f, s[:last], true)
					}
					i = end
					continue
				}
			case f == Markdown && c == '`':
				if code, end, ok := idx.codeSpan(i); ok {
					if !unit(CountWords(code), end, true) {
						return closeOpen(f, s[:last], true)
					}
					i = end
					continue
				}
			case f == Markdown && (c == '[' || c == '!'):
				if l, ok := idx.link(i); ok {
					text := s[l.textStart:l.textEnd]
					if strings.ContainsAny(text, "*_~`[<&\\") {
						text = PlainText(Body{Format: Markdown, Text: text})
					}
					n := CountWords(text)
					if !unit(n, l.end, true) {
						return closeOpen(f, s[:last], true)
					}
					i = l.end
					continue
				}
			case f == Markdown && c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
				if !inWord && !unit(1, i+2, true) {
					return closeOpen(f, s[:last], true)
				}
				last, i = i+2, i+2
				continue
			}
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		class := classWord
		switch {
		case c < utf8.RuneSelf && isASCIISpace(c):
			class = classSpace
		case c >= utf8.RuneSelf:
			class = wordClass(r)
		}
		switch class {
		case classSpace:
			inWord = false
		case classCJK:
			if !unit(1, i+size, false) {
				return closeOpen(f, s[:last], true)
			}
		default:
			if !inWord && !unit(1, i+size, true) {
				return closeOpen(f, s[:last], true)
			}
			last = i + size
		}
		i += size
	}
	return closeOpen(f, s, false) // everything fit after all
}

// closeOpen trims a cut paragraph, ends it with an ellipsis when cut says
// the paragraph goes on, and closes the HTML elements (and, in Markdown,
// the emphasis) that the cut left open, so the ellipsis sits inside them.
func closeOpen(f Format, s string, cut bool) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	var b strings.Builder
	b.WriteString(s)
	if cut && s != "" && !strings.HasSuffix(s, "…") {
		b.WriteString("…")
	}
	if f == Markdown {
		open := openEmphasis(s)
		slices.Reverse(open)
		for _, d := range open {
			b.WriteString(d)
		}
	}
	if f == HTML || f == Markdown {
		open := openElements(f, s)
		slices.Reverse(open)
		for _, name := range open {
			b.WriteString("</" + name + ">")
		}
	}
	return b.String()
}

// isVoidTag reports elements that have no end tag.
func isVoidTag(name string) bool {
	switch name {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link",
		"meta", "param", "source", "track", "wbr":
		return true
	}
	return false
}

// openElements returns the names of the HTML elements s leaves open,
// outermost first. In Markdown, tags in code spans do not count.
func openElements(f Format, s string) []string {
	var open []string
	var idx mdIndex
	if f == Markdown {
		idx.reset(s)
	}
	for i := 0; i < len(s); {
		k := strings.IndexAny(s[i:], "<`")
		if k < 0 {
			break
		}
		i += k
		if s[i] == '`' {
			if _, end, ok := idx.codeSpan(i); ok {
				i = end
			} else {
				i += runLen(s, i, '`')
			}
			continue
		}
		t, ok := scanTag(s, i)
		if !ok {
			i++
			continue
		}
		i = t.end
		switch {
		case t.name == "" || isVoidTag(t.name) || strings.HasSuffix(s[:t.end], "/>"):
		case t.closing:
			// Close the innermost open element of that name and any
			// unclosed ones inside it, as a browser does (looking only
			// so deep, so that odd markup cannot take quadratic time).
			for j := len(open) - 1; j >= 0 && j >= len(open)-64; j-- {
				if open[j] == t.name {
					open = open[:j]
					break
				}
			}
		default:
			open = append(open, t.name)
			if isRawTextTag(t.name) {
				i = skipRawText(s, i, t.name)
				open = open[:len(open)-1]
			}
		}
	}
	return open
}

// openEmphasis returns the Markdown emphasis delimiters ("*", "**", "_",
// "~~") s leaves open, outermost first. Code spans, links and escapes are
// skipped; it is a best effort, not a CommonMark parser.
func openEmphasis(s string) []string {
	var open []string
	idx := newMDIndex(s)
	for i := 0; i < len(s); {
		c := s[i]
		switch c {
		case '\\':
			i += 2
			continue
		case '`':
			if _, end, ok := idx.codeSpan(i); ok {
				i = end
				continue
			}
			i += runLen(s, i, '`')
			continue
		case '[', '!':
			if l, ok := idx.link(i); ok {
				i = l.end
				continue
			}
		case '*', '_', '~':
			n := runLen(s, i, c)
			before, _ := utf8.DecodeLastRuneInString(s[:i])
			after, _ := utf8.DecodeRuneInString(s[i+n:])
			left := i+n < len(s) && !unicode.IsSpace(after)
			right := i > 0 && !unicode.IsSpace(before)
			d := s[i : i+n]
			switch {
			case c == '_' && left && right && isWordRune(before) && isWordRune(after):
			case c == '~' && n > 2:
			case right && len(open) > 0 && open[len(open)-1] == d:
				open = open[:len(open)-1]
			case left:
				open = append(open, d)
			}
			i += n
			continue
		}
		i++
	}
	return open
}
