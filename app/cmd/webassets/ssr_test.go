package main

import "testing"

// TestWithoutInlineStyles turns style attributes into presentation
// attributes and drops style elements, which a strict
// Content-Security-Policy blocks.
func TestWithoutInlineStyles(t *testing.T) {
	in := `<svg><text style="font-size:12px;font-family:sans-serif;" fill="#333">南沙区</text>` +
		`<text style="font: normal bold 11px Microsoft YaHei;">✓</text>` +
		"<style ><![CDATA[\n.zr1-cls-2:hover {\ncursor:pointer;\n}\n]]>\n</style>\n</svg>"
	want := `<svg><text font-size="12px" font-family="sans-serif" fill="#333">南沙区</text>` +
		`<text font-size="11px" font-family="Microsoft YaHei" font-weight="bold">✓</text>` + "\n</svg>"
	if got := withoutInlineStyles(in); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
