package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestProtectedNotPublished: no file of the site (pages, lists, feeds,
// sitemap) carries a protected post's text; -protected publishes it.
func TestProtectedNotPublished(t *testing.T) {
	src := writeTree(t, map[string]string{"club.xml": `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/">
<channel>
<title>Sailing Club</title>
<wp:wxr_version>1.2</wp:wxr_version>
<item><title>Members Gate</title><link>https://club.example/members-gate/</link>
<content:encoded><![CDATA[<p>The gate code is 9321, changed monthly.</p>]]></content:encoded>
<excerpt:encoded><![CDATA[Gate code inside: 9321.]]></excerpt:encoded>
<wp:post_date>2024-02-01 10:00:00</wp:post_date><wp:post_name>members-gate</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type><wp:post_password>bowline</wp:post_password>
<category domain="category" nicename="club"><![CDATA[Club]]></category></item>
<item><title>Open Day</title><content:encoded><![CDATA[<p>Everyone welcome.</p>]]></content:encoded>
<wp:post_date>2024-02-02 10:00:00</wp:post_date><wp:post_name>open-day</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="club"><![CDATA[Club]]></category></item>
</channel>
</rss>
`})
	scan := func(out string) (leaks []string, inSitemap bool) {
		for _, f := range files(t, out) {
			data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(f)))
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(string(data), "9321") || strings.Contains(string(data), "bowline") {
				leaks = append(leaks, f)
			}
			if strings.HasPrefix(f, "sitemap") && strings.Contains(string(data), "members-gate") {
				inSitemap = true
			}
		}
		return leaks, inSitemap
	}
	out, _, _ := buildSite(t, 0, "-src", src)
	leaks, inSitemap := scan(out)
	if len(leaks) > 0 || inSitemap {
		t.Errorf("protected text in %v; in the sitemap: %v", leaks, inSitemap)
	}
	page, err := os.ReadFile(filepath.Join(out, "2024", "02", "members-gate", "index.html"))
	if err != nil || !strings.Contains(string(page), "Members Gate") || !strings.Contains(string(page), "password protected") {
		t.Errorf("the protected post's page should show its title and a notice (%v)", err)
	}
	out, _, _ = buildSite(t, 0, "-src", src, "-protected")
	leaks, inSitemap = scan(out)
	if len(leaks) == 0 || !inSitemap {
		t.Errorf("-protected: text in %v, in the sitemap %v; want it published", leaks, inSitemap)
	}
	for _, f := range leaks {
		data, _ := os.ReadFile(filepath.Join(out, filepath.FromSlash(f)))
		if strings.Contains(string(data), "bowline") {
			t.Errorf("%s holds the password", f)
		}
	}
}
