package markup

import (
	"strings"
	"testing"

	"github.com/folio-go/folio/post"
)

// TestEmbedHosts: a URL of each listed provider alone on a line becomes
// that provider's card, and a URL on a look-alike host stays as it was.
func TestEmbedHosts(t *testing.T) {
	for _, tc := range []struct{ url, class string }{
		{"https://www.youtube.com/watch?v=abc123", "embed-youtube"},
		{"https://youtube.com/playlist?list=PL1", "embed-youtube"},
		{"https://m.youtube.com/shorts/abc", "embed-youtube"},
		{"https://youtu.be/abc123", "embed-youtube"},
		{"https://vimeo.com/76979871", "embed-vimeo"},
		{"https://player.vimeo.com/video/76979871", "embed-vimeo"},
		{"https://www.dailymotion.com/video/x7tgad0", "embed-dailymotion"},
		{"https://dai.ly/x7tgad0", "embed-dailymotion"},
		{"https://www.flickr.com/photos/harbour/1234", "embed-flickr"},
		{"https://flic.kr/p/abc", "embed-flickr"},
		{"https://harbour.smugmug.com/Boats/i-abc", "embed-smugmug"},
		{"https://www.scribd.com/doc/123/tides", "embed-scribd"},
		{"https://wordpress.tv/2024/01/01/talk/", "embed-wordpress-tv"},
		{"https://harbour.polldaddy.com/s/boats", "embed-crowdsignal"},
		{"https://twitter.com/harbourclub/status/1", "embed-x"},
		{"https://x.com/harbourclub/status/1", "embed-x"},
		{"https://soundcloud.com/harbour/shanty", "embed-soundcloud"},
		{"https://open.spotify.com/track/abc", "embed-spotify"},
		{"https://imgur.com/gallery/abc", "embed-imgur"},
		{"https://issuu.com/harbour/docs/newsletter", "embed-issuu"},
		{"https://www.mixcloud.com/harbour/mix/", "embed-mixcloud"},
		{"https://www.ted.com/talks/some_talk", "embed-ted"},
		{"https://animoto.com/play/abc", "embed-animoto"},
		{"https://harbour.tumblr.com/post/1", "embed-tumblr"},
		{"https://www.kickstarter.com/projects/harbour/boat", "embed-kickstarter"},
		{"https://cloudup.com/abc", "embed-cloudup"},
		{"https://www.reverbnation.com/harbour", "embed-reverbnation"},
		{"https://videopress.com/v/abc", "embed-videopress"},
		{"https://www.reddit.com/r/sailing/comments/abc/", "embed-reddit"},
		{"https://speakerdeck.com/harbour/tides", "embed-speaker-deck"},
		{"https://harbour.screencast.com/t/abc", "embed-screencast"},
		{"https://read.amazon.com/kp/embed?asin=B0", "embed-amazon-kindle"},
		{"https://www.tiktok.com/@harbour/video/1", "embed-tiktok"},
		{"https://www.pinterest.com/pin/123/", "embed-pinterest"},
		{"https://www.wolframcloud.com/obj/harbour/tides", "embed-wolfram-cloud"},
		{"https://pca.st/episode/abc", "embed-pocket-casts"},
		{"https://play.anghami.com/song/1", "embed-anghami"},
		{"https://bsky.app/profile/harbour/post/1", "embed-bluesky"},
		{"https://www.instagram.com/p/abc/", "embed-instagram"},
		{"https://gist.github.com/maren/0a1b", "embed-github-gist"},
	} {
		out, _ := expandText(t, post.WordPress, "Before\n"+tc.url+"\nAfter", ExpandOptions{})
		want := `<figure class="embed ` + tc.class + `"><a href="` + strings.ReplaceAll(tc.url, "&", "&amp;") + `">`
		if !strings.Contains(out, want) {
			t.Errorf("%s: got %q, want it to hold %q", tc.url, out, want)
		}
	}
	for _, u := range []string{
		"https://youtube.com.evil.example/watch?v=abc",
		"https://evilyoutube.com/watch?v=abc",
		"https://www.youtube.com/channel/abc", // not an embeddable path
		"https://www.youtube.com:8443/watch?v=abc",
		"https://user@www.youtube.com/watch?v=abc",
		"javascript://www.youtube.com/watch?v=abc",
		"https://notvimeo.com/123",
		"https://x.com.evil.example/a/status/1",
		"https://www.youtube.com/watch?v=abc and more text",
	} {
		in := "Before\n" + u + "\nAfter"
		if out, _ := expandText(t, post.WordPress, in, ExpandOptions{}); out != in {
			t.Errorf("%s became %q", u, out)
		}
	}
}
