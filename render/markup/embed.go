package markup

import (
	"html"
	"net/url"
	"strings"
)

// Embeds
//
// WordPress turns a URL alone on a line, and [embed]URL[/embed], into the
// player or post of the site it names (its oEmbed provider list); Hugo's
// youtube, vimeo, x and instagram shortcodes do the same. folio writes an
// embed as a link card instead:
//
//	<figure class="embed embed-youtube"><a href="URL">URL or title</a><figcaption>Video on YouTube</figcaption></figure>
//
// A card loads nothing from the other site (no script, no cookies, no
// iframe), works in feeds and e-mail, and passes the sanitizer as it
// is; a theme may style it or a program may register its own handler
// to write players. Only URLs of the providers below are cards; any
// other URL alone on a line is left as it was (WordPress would show a
// plain link too).

// provider is one site WordPress embeds.
type provider struct {
	name string // shown to readers
	kind string // what its pages hold: "Video", "Post", ...
	// hosts are the host names it serves embeds from; a leading "."
	// matches any subdomain, and the bare name too.
	hosts []string
	// paths, when set, are the path prefixes that are embeddable.
	paths []string
}

// providers follows WordPress's oEmbed provider list
// (wp-includes/class-wp-oembed.php), by host.
var providers = []provider{
	{"YouTube", "Video", []string{"youtube.com", "www.youtube.com", "m.youtube.com", "www.youtube-nocookie.com"}, []string{"/watch", "/playlist", "/shorts/", "/live/", "/embed/"}},
	{"YouTube", "Video", []string{"youtu.be"}, []string{"/"}},
	{"Vimeo", "Video", []string{".vimeo.com"}, nil},
	{"Dailymotion", "Video", []string{"dailymotion.com", "www.dailymotion.com", "dai.ly"}, nil},
	{"Flickr", "Photo", []string{"flickr.com", "www.flickr.com", "flic.kr"}, nil},
	{"SmugMug", "Photo", []string{".smugmug.com"}, nil},
	{"Scribd", "Document", []string{"scribd.com", "www.scribd.com"}, []string{"/doc/", "/document/"}},
	{"WordPress.tv", "Video", []string{"wordpress.tv"}, nil},
	{"Crowdsignal", "Poll", []string{".polldaddy.com", ".poll.fm", ".crowdsignal.net", ".survey.fm"}, nil},
	{"X", "Post", []string{"twitter.com", "www.twitter.com", "mobile.twitter.com", "x.com", "www.x.com"}, nil},
	{"SoundCloud", "Audio", []string{"soundcloud.com", "www.soundcloud.com"}, nil},
	{"Spotify", "Audio", []string{"open.spotify.com", "play.spotify.com"}, nil},
	{"Imgur", "Image", []string{"imgur.com", "i.imgur.com"}, nil},
	{"Issuu", "Document", []string{"issuu.com", "www.issuu.com"}, nil},
	{"Mixcloud", "Audio", []string{"mixcloud.com", "www.mixcloud.com"}, nil},
	{"TED", "Talk", []string{"ted.com", "www.ted.com", "embed.ted.com"}, []string{"/talks/"}},
	{"Animoto", "Video", []string{"animoto.com", "www.animoto.com", "video214.com", "www.video214.com"}, nil},
	{"Tumblr", "Post", []string{".tumblr.com"}, nil},
	{"Kickstarter", "Project", []string{"kickstarter.com", "www.kickstarter.com", "kck.st"}, nil},
	{"Cloudup", "File", []string{"cloudup.com"}, nil},
	{"ReverbNation", "Audio", []string{"reverbnation.com", "www.reverbnation.com"}, nil},
	{"VideoPress", "Video", []string{"videopress.com", "v.wordpress.com"}, nil},
	{"Reddit", "Post", []string{"reddit.com", "www.reddit.com"}, []string{"/r/"}},
	{"Speaker Deck", "Slides", []string{"speakerdeck.com"}, nil},
	{"Screencast", "Video", []string{".screencast.com"}, nil},
	{"Amazon Kindle", "Book", []string{"read.amazon.com", "read.amazon.co.uk", "read.amazon.de", "read.amazon.fr", "a.co", "amzn.to"}, nil},
	{"TikTok", "Video", []string{"tiktok.com", "www.tiktok.com", "m.tiktok.com"}, nil},
	{"Pinterest", "Pin", []string{"pinterest.com", "www.pinterest.com", "pin.it"}, nil},
	{"Wolfram Cloud", "Notebook", []string{".wolframcloud.com"}, nil},
	{"Pocket Casts", "Podcast", []string{"pca.st", "pocketcasts.com"}, nil},
	{"Anghami", "Audio", []string{"play.anghami.com"}, nil},
	{"Bluesky", "Post", []string{"bsky.app"}, nil},
	{"Instagram", "Post", []string{"instagram.com", "www.instagram.com"}, nil},
	{"GitHub Gist", "Code", []string{"gist.github.com"}, nil},
}

// providerOf returns the provider whose page u is, if any: an http or
// https URL whose host is exactly one of the provider's hosts (or a
// subdomain, for hosts listed with a leading dot).
func providerOf(u string) (*provider, bool) {
	pu, err := url.Parse(u)
	if err != nil || (pu.Scheme != "http" && pu.Scheme != "https") || pu.User != nil {
		return nil, false
	}
	host := strings.ToLower(pu.Hostname())
	if pu.Port() != "" {
		return nil, false
	}
	for i := range providers {
		p := &providers[i]
		for _, h := range p.hosts {
			if !hostMatches(host, h) {
				continue
			}
			if len(p.paths) == 0 {
				return p, true
			}
			for _, pre := range p.paths {
				if strings.HasPrefix(pu.Path, pre) && (pre != "/" || len(pu.Path) > 1) {
					return p, true
				}
			}
		}
	}
	return nil, false
}

func hostMatches(host, pattern string) bool {
	if strings.HasPrefix(pattern, ".") {
		return host == pattern[1:] || strings.HasSuffix(host, pattern)
	}
	return host == pattern
}

// embedCard writes u as a link card; title, when given, is the link's
// text. A URL of no known provider is a plain card.
func embedCard(u, title string) string {
	if title == "" {
		title = u
	}
	p, ok := providerOf(u)
	if !ok {
		return linkCard("embed", u, title, "")
	}
	return linkCard("embed embed-"+providerClass(p.name), u, title, p.kind+" on "+p.name)
}

// linkCard is the figure a card is made of.
func linkCard(class, u, text, caption string) string {
	var b strings.Builder
	b.WriteString(`<figure class="` + html.EscapeString(class) + `"><a href="` + html.EscapeString(u) + `">` + html.EscapeString(text) + `</a>`)
	if caption != "" {
		b.WriteString("<figcaption>" + html.EscapeString(caption) + "</figcaption>")
	}
	b.WriteString("</figure>")
	return b.String()
}

// providerClass makes a CSS class name of a provider's name.
func providerClass(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' || r == '.':
			b.WriteByte('-')
		}
	}
	return b.String()
}
