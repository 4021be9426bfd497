package render_test

import (
	"fmt"
	"os"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render"
)

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
	if err := render.JSON(os.Stdout, p); err != nil {
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
