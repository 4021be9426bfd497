package taxonomy

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/folio-go/folio/post"
	"github.com/google/go-cmp/cmp"
)

// goldenSets are small blogs written for these tests, one golden file each.
func goldenSets(t testing.TB) map[string][]*post.Post {
	return map[string][]*post.Post{
		"empty": nil,
		"one":   {mk(t, "hello", "2020-02-29", []string{"News"}, []string{"Go"}, "Ann Example")},
		"blog": {
			mk(t, "spring", "2021-03-20T09:00:00Z", []string{"Notes"}, []string{"Garden", "Seeds"}, "Ann Example"),
			mk(t, "late-march", "2021-03-31T23:30:00-05:00", []string{"Notes"}, []string{"garden"}, "Ann Example"),
			mk(t, "april", "2021-04-02", []string{"Travel", "Trains>travel"}, []string{"Rail", "Garden"}, "Bo Writer"),
			mk(t, "new-year", "2022-01-01T00:10:00+01:00", []string{"Notes"}, []string{"Seeds"}, "ann example"),
			mk(t, "old", "2019-07-04", []string{"Travel"}, []string{"Rail"}, "Bo Writer", "Ann Example"),
			mk(t, "someday", "", []string{"Ideas"}, []string{"Garden"}),
			mk(t, "spring", "2021-03-20T09:00:00Z", []string{"Community"}, []string{"GARDEN"}),
			mk(t, "someday", "", nil, []string{"Kim Jong Un", "Kim Jong-un", "kim jong un"}),
			mk(t, "", "2018-05-05", []string{"Trains>travel", "Night trains>trains"}, nil),
			mk(t, "busy", "2020-10-10", []string{"community", "Notes", "Travel", "Ideas", "Trains>travel"},
				[]string{"Garden", "Seeds", "Rail", "Kim Jong Un", "Go", "C", "C++", "C#"}, "Bo Writer"),
		},
		"bad-hierarchy": {
			mk(t, "a", "2020-01-01", []string{"Alpha>gamma", "Beta>alpha", "Gamma>beta"}, nil),
			mk(t, "b", "2020-01-02", []string{"Self>self", "Orphan>nowhere", "Child>alpha"}, nil),
			mk(t, "c", "2020-01-03", []string{"Child>beta", "Child>alpha"}, nil),
		},
	}
}

func TestGolden(t *testing.T) {
	for name, posts := range goldenSets(t) {
		t.Run(name, func(t *testing.T) {
			idx, err := Build(posts, Options{})
			got := dump(idx, err)
			path := filepath.Join("testdata", name+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
			}
		})
	}
}
