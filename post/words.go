package post

import "strings"

// DefaultWordsPerMinute is the reading speed ReadingMinutes assumes when
// given none.
const DefaultWordsPerMinute = 200

// PlainText returns the body's text with markup removed. (Placeholder.)
func PlainText(b Body) string { return b.Text }

// CountWords counts runs of non-space characters. (Placeholder.)
func CountWords(text string) int { return len(strings.Fields(text)) }

// WordCount counts the words of the post's body as plain text.
func (p *Post) WordCount() int { return CountWords(PlainText(p.Body)) }

// ReadingMinutes is the whole minutes needed to read words at
// wordsPerMinute (DefaultWordsPerMinute when it is 0 or less), rounded up;
// 0 for no words.
func ReadingMinutes(words, wordsPerMinute int) int {
	if wordsPerMinute <= 0 {
		wordsPerMinute = DefaultWordsPerMinute
	}
	return (words + wordsPerMinute - 1) / wordsPerMinute
}
