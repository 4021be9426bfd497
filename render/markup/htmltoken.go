package markup

import "github.com/folio-go/folio/render/internal/htmltok"

// The sanitizer, link rewriting and summaries read HTML with htmltok, the
// tokenizer render's tests share; these short names keep their code as it
// was.
type (
	htmlToken     = htmltok.Token
	htmlTokenizer = htmltok.Tokenizer
)

const (
	textToken           = htmltok.Text
	startTagToken       = htmltok.StartTag
	endTagToken         = htmltok.EndTag
	selfClosingTagToken = htmltok.SelfClosingTag
	commentToken        = htmltok.Comment
)

func newTokenizer(s string) *htmlTokenizer { return htmltok.New(s) }
func isHTMLSpace(c byte) bool              { return htmltok.IsSpace(c) }
func isASCIILetter(c byte) bool            { return htmltok.IsASCIILetter(c) }
func asciiLower(s string) string           { return htmltok.ASCIILower(s) }
func safeURL(s string) bool                { return htmltok.SafeURL(s) }
