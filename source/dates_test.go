package source

import (
	"errors"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	ny := time.FixedZone("NY", -5*3600) // stands in for the loader's location
	tests := []struct {
		in   string
		want string // RFC 3339 with nanoseconds; "" for an error
	}{
		{"2006-01-02", "2006-01-02T00:00:00-05:00"},
		{"2024-4-9", "2024-04-09T00:00:00-05:00"},
		{"  2006-01-02  ", "2006-01-02T00:00:00-05:00"},
		{"2006-01-02 15:04:05 -0700", "2006-01-02T15:04:05-07:00"},
		{"2006-01-02 15:04:05 -07:00", "2006-01-02T15:04:05-07:00"},
		{"2006-01-02 15:04:05 +0000", "2006-01-02T15:04:05Z"},
		{"2006-01-02 15:04:05+05:30", "2006-01-02T15:04:05+05:30"},
		{"2006-01-02 15:04:05 -5", "2006-01-02T15:04:05-05:00"},
		{"2006-01-02T15:04:05Z", "2006-01-02T15:04:05Z"},
		{"2006-01-02t15:04:05z", "2006-01-02T15:04:05Z"},
		{"2006-01-02T15:04:05.123+01:00", "2006-01-02T15:04:05.123+01:00"},
		{"2006-01-02T15:04:05.1234567891Z", "2006-01-02T15:04:05.123456789Z"},
		{"2006-01-02T15:04:05", "2006-01-02T15:04:05-05:00"},
		{"2006-01-02 15:04", "2006-01-02T15:04:00-05:00"},
		{"2006-01-02T15:04", "2006-01-02T15:04:00-05:00"},
		{"2006-01-02 9:04:05", "2006-01-02T09:04:05-05:00"},
		{"2006-01-02 15:04:05 UTC", "2006-01-02T15:04:05Z"},
		{"2006-01-02 15:04:05 GMT", "2006-01-02T15:04:05Z"},
		{"2023-01-29 18:30:22 2023 -0800", "2023-01-29T18:30:22-08:00"}, // Jekyll's repeated year
		{"Mon, 02 Jan 2006 15:04:05 -0700", "2006-01-02T15:04:05-07:00"},
		{"Mon, 02 Jan 2006 15:04:05 GMT", "2006-01-02T15:04:05Z"},
		{"2024-02-29", "2024-02-29T00:00:00-05:00"},

		{"", ""},
		{"yesterday", ""},
		{"2023-02-29", ""}, // not a leap year
		{"2023-13-01", ""},
		{"2023-00-10", ""},
		{"2023-01-32", ""},
		{"2023-01-02 24:00", ""},
		{"2023-01-02 10:60", ""},
		{"2023-01-02 10:00:61", ""},
		{"2023-01-02 10:00:00 EST", ""}, // which EST? refused, not guessed
		{"2023-01-02 10:00:00 +25:00", ""},
		{"2023-01-02 10:00:00 +123", ""},
		{"2023-01-29 18:30:22 2022 -0800", ""}, // a repeated year that disagrees
		{"23-01-02", ""},
		{"2023/01/02", ""},
		{"2023-01-02 trailing", ""},
		{"2023-01-02T", ""},
		{"Mon, 02 Jan 2006 15:04:05 EST", ""},
	}
	for _, tt := range tests {
		got, err := parseDate(tt.in, ny)
		if tt.want == "" {
			if err == nil || !errors.Is(err, ErrDate) {
				t.Errorf("parseDate(%q) = %v, %v; want an ErrDate", tt.in, got, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("parseDate(%q): %v", tt.in, err)
			continue
		}
		if s := got.Format(time.RFC3339Nano); s != tt.want {
			t.Errorf("parseDate(%q) = %s, want %s", tt.in, s, tt.want)
		}
	}
}

// TestParseDateZone checks that a date without a zone takes the location
// itself (not just its offset), and a nil location means UTC.
func TestParseDateZone(t *testing.T) {
	loc := time.FixedZone("Somewhere", 3600)
	got, err := parseDate("2020-05-06 07:08", loc)
	if err != nil || got.Location() != loc {
		t.Errorf("parseDate in %v = %v, %v", loc, got, err)
	}
	got, err = parseDate("2020-05-06", nil)
	if err != nil || got.Location() != time.UTC {
		t.Errorf("parseDate with nil location = %v, %v", got, err)
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2006-01-02", "2006-01-02T15:04:05.5-07:00", "2023-01-29 18:30:22 2023 -0800", "Mon, 02 Jan 2006 15:04:05 GMT"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := parseDate(s, time.UTC)
		if err != nil {
			return
		}
		// What parses, written in RFC 3339, parses again to the same instant
		// and offset.
		back, err := parseDate(d.Format(time.RFC3339Nano), time.UTC)
		if err != nil || !back.Equal(d) {
			t.Fatalf("%q -> %v -> %v, %v", s, d, back, err)
		}
		_, o1 := d.Zone()
		_, o2 := back.Zone()
		if o1 != o2 {
			t.Fatalf("%q: offset %d became %d", s, o1, o2)
		}
	})
}
