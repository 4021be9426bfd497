package source

import (
	"strings"
	"unicode/utf8"
)

// yamlErrorColumn finds the column of the token a yaml.v3 error is about.
// yaml.v3 reports only a line; the token is found again on that line from
// what the message says was wrong, counted in runes from 1. When nothing
// on the line matches, it is the line's first non-blank character, and 1
// for a blank line.
func yamlErrorColumn(line, msg string) int {
	at := -1
	switch {
	case strings.HasPrefix(msg, "did not find expected ',' or ']'"):
		at = unclosedOpener(line, '[', ']')
	case strings.HasPrefix(msg, "did not find expected ',' or '}'"):
		at = unclosedOpener(line, '{', '}')
	case strings.HasPrefix(msg, "did not find expected key"):
		at = strayCloser(line)
	case strings.HasPrefix(msg, "mapping values are not allowed"):
		at = mappingColon(line)
	case strings.HasPrefix(msg, "found character that cannot start any token"):
		at = strings.IndexAny(line, "@`%")
	case strings.HasPrefix(msg, "found a tab character"):
		at = strings.IndexByte(line, '\t')
	case strings.HasPrefix(msg, "found unexpected end of stream"),
		strings.HasPrefix(msg, "found unexpected end of"):
		at = strings.IndexAny(line, `"'`)
	}
	if at < 0 {
		at = len(line) - len(strings.TrimLeft(line, " \t"))
		if at == len(line) {
			return 1
		}
	}
	return utf8.RuneCountInString(line[:at]) + 1
}

// outsideQuotes calls f with the byte offset of each byte of line that
// is not inside single- or double-quoted text, and returns the first
// offset for which f returns true; -1 when there is none.
func outsideQuotes(line string, f func(i int) bool) int {
	var quote byte
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case f(i):
			return i
		}
	}
	return -1
}

// unclosedOpener is the byte offset of the last open bracket on line that
// no closer on the line matches, skipping quoted text; -1 when none is.
func unclosedOpener(line string, open, close byte) int {
	var stack []int
	outsideQuotes(line, func(i int) bool {
		switch line[i] {
		case open:
			stack = append(stack, i)
		case close:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
		return false
	})
	if len(stack) == 0 {
		return -1
	}
	return stack[len(stack)-1]
}

// strayCloser is the byte offset of the first ']' or '}' on line that
// closes nothing opened before it, skipping quoted text; -1 when none.
func strayCloser(line string) int {
	depth := 0
	return outsideQuotes(line, func(i int) bool {
		switch line[i] {
		case '[', '{':
			depth++
		case ']', '}':
			if depth == 0 {
				return true
			}
			depth--
		}
		return false
	})
}

// mappingColon is the byte offset of the first ':' on line that YAML reads
// as a mapping indicator (followed by a blank or the line's end), outside
// quotes; -1 when none is.
func mappingColon(line string) int {
	return outsideQuotes(line, func(i int) bool {
		return line[i] == ':' && (i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t')
	})
}
