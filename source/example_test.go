package source_test

import (
	"errors"
	"fmt"

	"github.com/folio-go/folio/source"
)

func ExampleParseText() {
	data := []byte(`Night Trains Return to the Coast Line
Posted on March 3, 2017 by Priya Nair
After a gap of nine years, sleeper services will run three nights a week.
Tickets go on sale on the first of the month.
[Rail Desk]
This entry was posted in Transport, Stand by Me and tagged trains. Bookmark the permalink.`)

	p, err := source.ParseText("night-trains.txt", data, source.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Title)
	fmt.Println(p.Slug)
	fmt.Println(p.Date.Format("2006-01-02"), p.Authors[0].Name)
	for _, c := range p.Categories {
		fmt.Printf("category %q (%s)\n", c.Name, c.Slug)
	}
	fmt.Println("tag", p.Tags[0].Name, "cited", p.Citations[0].Source)
	fmt.Printf("%q\n", p.Body.Text)
	// Output:
	// Night Trains Return to the Coast Line
	// night-trains-return-to-the-coast-line
	// 2017-03-03 Priya Nair
	// category "Transport" (transport)
	// category "Stand by Me" (stand-by-me)
	// tag trains cited Rail Desk
	// "After a gap of nine years, sleeper services will run three nights a week.\n\nTickets go on sale on the first of the month."
}

func ExampleParseText_error() {
	data := []byte("Which Day?\nBody.\nThis entry was posted on 02/01/2017 by Kim Doe.\n")
	_, err := source.ParseText("which-day.txt", data, source.Options{})
	fmt.Println(err)

	var e *source.Error
	if errors.As(err, &e) && errors.Is(err, source.ErrDate) {
		fmt.Println("line", e.Line, "column", e.Column)
	}
	// Output:
	// which-day.txt:3:26: source: bad date "02/01/2017": day and month order is ambiguous (write 2006-01-02 or January 2, 2006)
	// line 3 column 26
}
