package markup

import (
	"bytes"
	"fmt"
	"strings"

	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
)

// HighlightCSS returns the stylesheet for Highlight's classes: chroma's
// style light inside "@media (prefers-color-scheme: light)" and its style
// dark inside "@media (prefers-color-scheme: dark)". Each is scoped to its
// scheme because a dark style leaves some classes to the text colour that
// a light style sets dark, which would otherwise show through. A theme
// keeps the result in its stylesheet (folio's default theme does; a test
// keeps it current), so no page carries inline styles. An unknown style
// name is an error.
func HighlightCSS(light, dark string) (string, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "/* Syntax highlighting: chroma's %q style, and %q for dark mode. */\n", light, dark)
	b.WriteString("@media (prefers-color-scheme: light) {\n")
	if err := styleCSS(&b, light, "  "); err != nil {
		return "", err
	}
	b.WriteString("}\n@media (prefers-color-scheme: dark) {\n")
	if err := styleCSS(&b, dark, "  "); err != nil {
		return "", err
	}
	b.WriteString("}\n")
	return b.String(), nil
}

// styleCSS writes the rules of chroma's style name, each line indented.
func styleCSS(b *bytes.Buffer, name, indent string) error {
	st, ok := styles.Registry[name]
	if !ok {
		return fmt.Errorf("markup: no chroma style %q", name)
	}
	var css bytes.Buffer
	f := chromahtml.New(chromahtml.WithClasses(true), chromahtml.WithAllClasses(false))
	if err := f.WriteCSS(&css, st); err != nil {
		return err
	}
	for line := range strings.Lines(css.String()) {
		b.WriteString(indent)
		b.WriteString(line)
	}
	return nil
}
