package source

import (
	"fmt"
	"strings"
	"time"
)

// dateLayouts is the help text of a date error: the shapes parseDate reads.
const dateLayouts = "want YYYY-MM-DD, optionally followed by hh:mm[:ss[.frac]] and a zone (Z, UTC, GMT, ±hh, ±hhmm, ±hh:mm), or RFC 1123"

// parseDate reads a date the way the front matter of Hugo, Jekyll and the
// Go blog writes one, and the YAML 1.1 timestamp grammar allows:
//
//	2006-01-02            2006-1-2 (unpadded month and day)
//	2006-01-02T15:04:05Z  2006-01-02T15:04:05.999-07:00
//	2006-01-02 15:04:05 -0700   2006-01-02 15:04:05 -07:00   2006-01-02 15:04 -7
//	2006-01-02 15:04:05 UTC     2006-01-02T15:04 (no zone)
//	Mon, 02 Jan 2006 15:04:05 -0700 (RFC 1123, also with GMT or UTC)
//
// A date written with a numeric offset keeps it (time.FixedZone, or UTC for
// a zero offset); one written without a zone is read in loc. Zone
// abbreviations other than UTC and GMT are refused: Go cannot tell which
// zone "EST" or "IST" means, and a silent guess would move the date.
// Jekyll's `2023-01-29 18:30:22 2023 -0800` (the year repeated before the
// zone, which Ruby's Time.parse ignores) is read when the two years agree.
//
// The error wraps ErrDate and carries no position; callers add it.
func parseDate(s string, loc *time.Location) (time.Time, error) {
	if loc == nil {
		loc = time.UTC
	}
	t := strings.TrimSpace(s)
	if t != "" && t[0] >= '0' && t[0] <= '9' {
		if d, ok := parseISODate(t, loc); ok {
			return d, nil
		}
	} else if d, ok := parseRFC1123(t); ok {
		return d, nil
	}
	return time.Time{}, fmt.Errorf("source: %w %q: %s", ErrDate, s, dateLayouts)
}

// dateScanner walks a date string byte by byte.
type dateScanner struct {
	s string
	i int
}

func (d *dateScanner) done() bool { return d.i >= len(d.s) }

func (d *dateScanner) peek() byte {
	if d.done() {
		return 0
	}
	return d.s[d.i]
}

// digits reads between min and max decimal digits.
func (d *dateScanner) digits(min, max int) (int, bool) {
	n, start := 0, d.i
	for d.i < len(d.s) && d.i-start < max && d.s[d.i] >= '0' && d.s[d.i] <= '9' {
		n = n*10 + int(d.s[d.i]-'0')
		d.i++
	}
	return n, d.i-start >= min
}

func (d *dateScanner) skip(c byte) bool {
	if d.peek() == c {
		d.i++
		return true
	}
	return false
}

func (d *dateScanner) spaces() int {
	n := 0
	for d.peek() == ' ' || d.peek() == '\t' {
		d.i++
		n++
	}
	return n
}

// parseISODate reads the YYYY-MM-DD family described at parseDate.
func parseISODate(s string, loc *time.Location) (time.Time, bool) {
	d := &dateScanner{s: s}
	year, ok1 := d.digits(4, 4)
	ok2 := d.skip('-')
	month, ok3 := d.digits(1, 2)
	ok4 := d.skip('-')
	day, ok5 := d.digits(1, 2)
	if !(ok1 && ok2 && ok3 && ok4 && ok5) {
		return time.Time{}, false
	}
	var hour, min, sec, nsec int
	zone := loc
	if !d.done() {
		if !d.skip('T') && !d.skip('t') && d.spaces() == 0 {
			return time.Time{}, false
		}
		var ok bool
		if hour, min, sec, nsec, ok = d.clock(); !ok {
			return time.Time{}, false
		}
		if d.spaces() > 0 && d.repeatedYear(year) {
			d.spaces()
		}
		if !d.done() {
			if zone, ok = d.zone(); !ok || !d.done() {
				return time.Time{}, false
			}
		}
	}
	if month < 1 || month > 12 || day < 1 || hour > 23 || min > 59 || sec > 59 {
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, hour, min, sec, nsec, zone)
	if t.Day() != day { // 2023-02-30 would silently become March 2
		return time.Time{}, false
	}
	return t, true
}

// clock reads hh:mm[:ss[.frac]].
func (d *dateScanner) clock() (hour, min, sec, nsec int, ok bool) {
	hour, ok1 := d.digits(1, 2)
	ok2 := d.skip(':')
	min, ok3 := d.digits(2, 2)
	if !(ok1 && ok2 && ok3) {
		return 0, 0, 0, 0, false
	}
	if !d.skip(':') {
		return hour, min, 0, 0, true
	}
	if sec, ok = d.digits(2, 2); !ok {
		return 0, 0, 0, 0, false
	}
	if d.skip('.') || d.skip(',') {
		start := d.i
		frac, ok := d.digits(1, 9)
		if !ok {
			return 0, 0, 0, 0, false
		}
		for n := d.i - start; n < 9; n++ {
			frac *= 10
		}
		d.digits(0, 100) // digits past nanoseconds carry no meaning
		nsec = frac
	}
	return hour, min, sec, nsec, true
}

// repeatedYear skips a four-digit year equal to year followed by a space
// (Jekyll's quirk); it leaves the scanner alone otherwise.
func (d *dateScanner) repeatedYear(year int) bool {
	save := d.i
	if y, ok := d.digits(4, 4); ok && y == year && (d.peek() == ' ' || d.peek() == '\t') {
		return true
	}
	d.i = save
	return false
}

// zone reads Z, UTC, GMT or a numeric offset ±h, ±hh, ±hhmm, ±hh:mm.
func (d *dateScanner) zone() (*time.Location, bool) {
	rest := d.s[d.i:]
	switch rest {
	case "Z", "z", "UTC", "GMT":
		d.i = len(d.s)
		return time.UTC, true
	}
	sign := 1
	switch {
	case d.skip('+'):
	case d.skip('-'):
		sign = -1
	default:
		return nil, false
	}
	start := d.i
	h, ok := d.digits(1, 4)
	if !ok {
		return nil, false
	}
	m := 0
	switch n := d.i - start; {
	case n == 3:
		return nil, false
	case n == 4:
		h, m = h/100, h%100
	case d.skip(':'):
		if m, ok = d.digits(2, 2); !ok {
			return nil, false
		}
	}
	if h > 23 || m > 59 {
		return nil, false
	}
	off := sign * (h*3600 + m*60)
	if off == 0 {
		return time.UTC, true
	}
	return time.FixedZone("", off), true
}

// parseRFC1123 reads "Mon, 02 Jan 2006 15:04:05 -0700" and the same with
// GMT or UTC, the dates of feeds and e-mail.
func parseRFC1123(s string) (time.Time, bool) {
	if t, err := time.Parse(time.RFC1123Z, s); err == nil {
		return dateKeepOffset(t), true
	}
	for _, abbr := range []string{"GMT", "UTC"} {
		if strings.HasSuffix(s, " "+abbr) {
			t, err := time.ParseInLocation(strings.Replace(time.RFC1123, "MST", abbr, 1), s, time.UTC)
			if err == nil {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

// dateKeepOffset gives t a fixed zone with its own offset, so that a date
// parsed while time.Local happens to match is not tied to the machine.
func dateKeepOffset(t time.Time) time.Time {
	_, off := t.Zone()
	if off == 0 {
		return t.In(time.UTC)
	}
	return t.In(time.FixedZone("", off))
}
