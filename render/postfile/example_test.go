package postfile_test

import (
	"fmt"
	"os"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render/postfile"
)

func ExampleText() {
	p := &post.Post{
		Title:      "Fog & Ferries",
		Date:       time.Date(2017, 3, 3, 0, 0, 0, 0, time.UTC),
		Authors:    []post.Author{{Name: "Ann Lee"}},
		Categories: []post.Term{{Name: "Weather"}, {Name: "Transport"}},
		Tags:       []post.Term{{Name: "ferries"}},
		Citations:  []post.Citation{{Source: "Harbour Office", URL: "https://harbour.example.org/"}},
		Body:       post.Body{Format: post.Text, Text: "The ferry was cancelled.\n\nIt sails again tomorrow."},
	}
	if err := postfile.Text(os.Stdout, p); err != nil {
		fmt.Println(err)
	}

	p.Categories = []post.Term{{Name: "Fog, Rain"}}
	fmt.Println(postfile.Text(os.Stdout, p))
	// Output:
	// Fog & Ferries
	//
	// The ferry was cancelled.
	//
	// It sails again tomorrow.
	//
	// [Harbour Office](https://harbour.example.org/)
	//
	// This entry was posted in Weather, Transport and tagged ferries on March 3, 2017 by Ann Lee.
	// postfile: post cannot be written as plain text: categories ["Fog, Rain"] would read back as ["Fog" "Rain"]
}

func ExampleJSON() {
	p := &post.Post{
		Title:      "Fog & Ferries",
		Slug:       "fog-ferries",
		Date:       time.Date(2017, 3, 3, 0, 0, 0, 0, time.UTC),
		Status:     post.Published,
		Authors:    []post.Author{{Name: "Ann Lee", Slug: "ann-lee"}},
		Categories: []post.Term{{Name: "Weather", Slug: "weather"}},
		Body:       post.Body{Format: post.Text, Text: "The ferry was cancelled."},
		Source:     post.Source{Path: "fog.txt", Format: "text", Line: 1},
	}
	if err := postfile.JSON(os.Stdout, p); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {
	//   "title": "Fog & Ferries",
	//   "slug": "fog-ferries",
	//   "date": "2017-03-03T00:00:00Z",
	//   "status": "published",
	//   "kind": "post",
	//   "protected": false,
	//   "aliases": [],
	//   "authors": [
	//     {
	//       "name": "Ann Lee",
	//       "slug": "ann-lee"
	//     }
	//   ],
	//   "categories": [
	//     {
	//       "name": "Weather",
	//       "slug": "weather"
	//     }
	//   ],
	//   "tags": [],
	//   "citations": [],
	//   "summary": "The ferry was cancelled.",
	//   "body_format": "text",
	//   "dialect": "",
	//   "body": "The ferry was cancelled.",
	//   "word_count": 4,
	//   "reading_minutes": 1,
	//   "source": {
	//     "path": "fog.txt",
	//     "format": "text",
	//     "line": 1
	//   },
	//   "params": {}
	// }
}
