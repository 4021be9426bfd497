package htmltest

// HostilePayloads are strings meant to run script or break out of the
// element or attribute they land in. Every content field of the hostile
// test site gets each of them.
var HostilePayloads = []string{
	`<script>alert(1)</script>`,
	`"><img src=x onerror=alert(1)>`,
	`'><svg onload=alert(1)>`,
	`javascript:alert(1)`,
	` JaVaScRiPt:alert(1)`,
	`java&#x09;script:alert(1)`,
	`javascript&colon;alert(1)`,
	`&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)`,
	`data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==`,
	`vbscript:msgbox(1)`,
	`</script><script>alert(1)</script>`,
	`</title><script>alert(1)</script>`,
	`</textarea><script>alert(1)</script>`,
	`{{.}}{{template "x"}}`,
	`<!--<script>alert(1)</script>-->`,
	`<a href="javascript:alert(1)">x</a>`,
	`<iframe src="javascript:alert(1)"></iframe>`,
	`<img src="x" onerror="alert(1)">`,
	`<body onload=alert(1)>`,
	`<style>*{background:url(javascript:alert(1))}</style>`,
	`\u003cscript\u003ealert(1)\u003c/script\u003e`,
	`<scr<script>ipt>alert(1)</script>`,
	`<a href=javascript:alert(1)>x`,
	`<math><mi xlink:href="javascript:alert(1)">x</mi></math>`,
	`<div style="x:expression(alert(1))">x</div>`,
	`</div></main></body><script>alert(1)</script>`,
}

// HostileBodies are bodies built from the payloads, for sanitizer tests.
var HostileBodies = func() []string {
	var out []string
	for _, p := range HostilePayloads {
		out = append(out, p, "<p>"+p+"</p>", `<a href="`+p+`">x</a>`, `<img src="`+p+`" alt="`+p+`">`)
	}
	return out
}()
