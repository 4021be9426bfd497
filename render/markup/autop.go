package markup

import (
	"regexp"
	"strconv"
	"strings"
)

// autopBlocks is WordPress's $allblocks: the elements wpautop never wraps
// in a paragraph.
const autopBlocks = `(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)`

// autopRules holds the compiled expressions of Autop. A *regexp.Regexp is
// immutable and safe for concurrent use, so one set, wpautop, is shared.
type autopRules struct {
	doubleBR, blockOpen, blockClose, hr, multiNL, paraSplit, emptyP,
	pInDiv, pAroundBlock, pAroundLi, pBlockquote, pBeforeBlock,
	blockBeforeP, blockThenBR, brBeforeBlock, figcaptionOpen,
	figcaptionClose, optionOpen, optionClose, paramEmbed, objectEnd,
	sourceTrack, mediaOpen, mediaClose *regexp.Regexp
	preserve []*regexp.Regexp
}

var wpautop = &autopRules{
	doubleBR:        regexp.MustCompile(`<br\s*/?>\s*<br\s*/?>`),
	blockOpen:       regexp.MustCompile(`(<` + autopBlocks + `[\s/>])`),
	blockClose:      regexp.MustCompile(`(</` + autopBlocks + `>)`),
	hr:              regexp.MustCompile(`(<hr\s*?/?>)`),
	multiNL:         regexp.MustCompile(`\n\n+`),
	paraSplit:       regexp.MustCompile(`\n\s*\n`),
	emptyP:          regexp.MustCompile(`<p>\s*</p>`),
	pInDiv:          regexp.MustCompile(`<p>([^<]+)</(div|address|form)>`),
	pAroundBlock:    regexp.MustCompile(`<p>\s*(</?` + autopBlocks + `[^>]*>)\s*</p>`),
	pAroundLi:       regexp.MustCompile(`<p>(<li.+?)</p>`),
	pBlockquote:     regexp.MustCompile(`(?i)<p><blockquote([^>]*)>`),
	pBeforeBlock:    regexp.MustCompile(`<p>\s*(</?` + autopBlocks + `[^>]*>)`),
	blockBeforeP:    regexp.MustCompile(`(</?` + autopBlocks + `[^>]*>)\s*</p>`),
	blockThenBR:     regexp.MustCompile(`(</?` + autopBlocks + `[^>]*>)\s*<br />`),
	brBeforeBlock:   regexp.MustCompile(`<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)`),
	figcaptionOpen:  regexp.MustCompile(`\s*(<figcaption[^>]*>)`),
	figcaptionClose: regexp.MustCompile(`</figcaption>\s*`),
	optionOpen:      regexp.MustCompile(`\s*<option`),
	optionClose:     regexp.MustCompile(`</option>\s*`),
	paramEmbed:      regexp.MustCompile(`\s*<(param|embed)([^>]*)>\s*`),
	objectEnd:       regexp.MustCompile(`\s*</embed>\s*`),
	sourceTrack:     regexp.MustCompile(`\s*(<(?:source|track)[^>]*>)\s*`),
	mediaOpen:       regexp.MustCompile(`(<(?:audio|video)[^>]*>)\s*`),
	mediaClose:      regexp.MustCompile(`\s*(</(?:audio|video)>)`),
	preserve: []*regexp.Regexp{
		regexp.MustCompile(`(?s)<script.*?</script>`),
		regexp.MustCompile(`(?s)<style.*?</style>`),
		regexp.MustCompile(`(?s)<svg.*?</svg>`),
		regexp.MustCompile(`(?s)<math.*?</math>`),
	},
}

// Autop returns s with WordPress's automatic paragraphs applied, as
// WordPress's wpautop does when it displays a post: text separated by a
// blank line becomes a <p> paragraph, a single line break inside a
// paragraph becomes <br />, and block elements (div, table, lists, pre,
// blockquote, headings, figure, ...) are left unwrapped; the inside of
// <pre> is not touched. WXR exports store content without these
// paragraphs. Autop does not sanitize: its result is as trusted as s.
// Blank input gives "".
func Autop(s string) string {
	return wpautop.apply(s)
}

// apply is wpautop (WordPress 6.x, wp-includes/formatting.php) with $br
// true, step by step; the comments name the step it mirrors.
func (r *autopRules) apply(text string) string {
	if strings.TrimSpace(text) == "" {
		return ""
	}
	text += "\n"
	text, pres := hidePre(text)
	// Multiple <br>s become two line breaks, which become paragraphs.
	text = r.doubleBR.ReplaceAllString(text, "\n\n")
	text = r.blockOpen.ReplaceAllString(text, "\n\n$1")
	text = r.blockClose.ReplaceAllString(text, "$1\n\n")
	text = r.hr.ReplaceAllString(text, "$1\n\n")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	// Newlines inside tags must not become <br />.
	text = replaceInTags(text, "\n", " <!-- wpnl --> ")
	if strings.Contains(text, "<option") {
		text = r.optionOpen.ReplaceAllString(text, "<option")
		text = r.optionClose.ReplaceAllString(text, "</option>")
	}
	if strings.Contains(text, "</object>") {
		text = r.paramEmbed.ReplaceAllString(text, "<$1$2>")
		text = r.objectEnd.ReplaceAllString(text, "</embed>")
	}
	if strings.Contains(text, "<source") || strings.Contains(text, "<track") {
		text = r.sourceTrack.ReplaceAllString(text, "$1")
		text = r.mediaOpen.ReplaceAllString(text, "$1")
		text = r.mediaClose.ReplaceAllString(text, "$1")
	}
	if strings.Contains(text, "<figcaption") {
		text = r.figcaptionOpen.ReplaceAllString(text, "$1")
		text = r.figcaptionClose.ReplaceAllString(text, "</figcaption>")
	}
	text = r.multiNL.ReplaceAllString(text, "\n\n")
	text = r.paragraphs(text)
	text = r.emptyP.ReplaceAllString(text, "")
	text = r.pInDiv.ReplaceAllString(text, "<p>$1</p></$2>")
	text = r.pAroundBlock.ReplaceAllString(text, "$1")
	text = r.pAroundLi.ReplaceAllString(text, "$1")
	text = r.pBlockquote.ReplaceAllString(text, "<blockquote$1><p>")
	text = strings.ReplaceAll(text, "</blockquote></p>", "</p></blockquote>")
	text = r.pBeforeBlock.ReplaceAllString(text, "$1")
	text = r.blockBeforeP.ReplaceAllString(text, "$1")
	text = r.lineBreaks(text)
	text = r.blockThenBR.ReplaceAllString(text, "$1")
	text = r.brBeforeBlock.ReplaceAllString(text, "$1")
	if strings.HasSuffix(text, "\n</p>") {
		text = strings.TrimSuffix(text, "\n</p>") + "</p>"
	}
	for i, p := range pres {
		text = strings.Replace(text, preName(i), p, 1)
	}
	if strings.Contains(text, "<!-- wpnl -->") {
		text = strings.ReplaceAll(text, " <!-- wpnl --> ", "\n")
		text = strings.ReplaceAll(text, "<!-- wpnl -->", "\n")
	}
	return text
}

func preName(i int) string { return "<pre wp-pre-tag-" + strconv.Itoa(i) + "></pre>" }

// hidePre replaces each <pre>...</pre> with a placeholder, as wpautop does,
// so that nothing inside gains paragraphs or line breaks.
func hidePre(text string) (string, []string) {
	if !strings.Contains(text, "<pre") {
		return text, nil
	}
	parts := strings.Split(text, "</pre>")
	last := parts[len(parts)-1]
	var b strings.Builder
	var pres []string
	for _, part := range parts[:len(parts)-1] {
		start := strings.Index(part, "<pre")
		if start < 0 {
			// Malformed HTML: wpautop drops the "</pre>" here too.
			b.WriteString(part)
			continue
		}
		b.WriteString(part[:start])
		b.WriteString(preName(len(pres)))
		pres = append(pres, part[start:]+"</pre>")
	}
	b.WriteString(last)
	return b.String(), pres
}

// paragraphs wraps each run of text between blank lines in <p>.
func (r *autopRules) paragraphs(text string) string {
	var b strings.Builder
	for _, p := range r.paraSplit.Split(text, -1) {
		if p == "" {
			continue
		}
		b.WriteString("<p>" + strings.Trim(p, "\n") + "</p>\n")
	}
	return b.String()
}

// lineBreaks turns each remaining newline into <br />, except inside
// script, style, svg and math and where a <br /> already ends the line.
func (r *autopRules) lineBreaks(text string) string {
	const keep = "<WPPreserveNewline />"
	for _, re := range r.preserve {
		text = re.ReplaceAllStringFunc(text, func(m string) string {
			return strings.ReplaceAll(m, "\n", keep)
		})
	}
	text = strings.ReplaceAll(text, "<br>", "<br />")
	text = strings.ReplaceAll(text, "<br/>", "<br />")
	text = brBeforeNewlines(text)
	return strings.ReplaceAll(text, keep, "\n")
}

// isPCRESpace is \s in PHP's PCRE.
func isPCRESpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// brBeforeNewlines is preg_replace('|(?<!<br />)\s*\n|', "<br />\n"):
// RE2 has no look-behind, so the match is walked by hand with PCRE's
// semantics (leftmost start, greedy \s*, backtrack to the last newline).
func brBeforeNewlines(text string) string {
	var b strings.Builder
	i, copied := 0, 0
	for i < len(text) {
		if !isPCRESpace(text[i]) {
			i++
			continue
		}
		j := i
		lastNL := -1
		for j < len(text) && isPCRESpace(text[j]) {
			if text[j] == '\n' {
				lastNL = j
			}
			j++
		}
		if lastNL < 0 {
			i = j
			continue
		}
		if strings.HasSuffix(text[:i], "<br />") {
			i++
			continue
		}
		b.WriteString(text[copied:i])
		b.WriteString("<br />\n")
		i = lastNL + 1
		copied = i
	}
	b.WriteString(text[copied:])
	return b.String()
}

// replaceInTags replaces old with new inside HTML tags and comments only,
// as WordPress's wp_replace_in_html_tags does.
func replaceInTags(text, old, new string) string {
	if !strings.Contains(text, old) {
		return text
	}
	var b strings.Builder
	for i := 0; i < len(text); {
		lt := strings.IndexByte(text[i:], '<')
		if lt < 0 {
			b.WriteString(text[i:])
			break
		}
		b.WriteString(text[i : i+lt])
		start := i + lt
		end := tagEnd(text, start)
		b.WriteString(strings.ReplaceAll(text[start:end], old, new))
		i = end
	}
	return b.String()
}

// tagEnd returns the index just past the tag or comment starting at
// text[start] == '<', or len(text) when it is not closed.
func tagEnd(text string, start int) int {
	if strings.HasPrefix(text[start:], "<!--") {
		if e := strings.Index(text[start+4:], "-->"); e >= 0 {
			return start + 4 + e + 3
		}
		return len(text)
	}
	// wp_html_split: a tag ends at the first '>' (it does not know quotes).
	if e := strings.IndexByte(text[start+1:], '>'); e >= 0 {
		return start + 1 + e + 1
	}
	return len(text)
}
