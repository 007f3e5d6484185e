package e2e

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"gztargets/app/i18n"
)

// TestEmbedPanel checks a chart's embed panel from the server and from
// the static export, in both languages, on a desktop and on a phone:
// before the app starts, the panel is closed and the snippet already names
// absolute addresses at the page's own site; once the app runs, the panel
// opens with its preview, the Copy button copies the code, and the panel
// fits the screen. The reader's first click opens the panel, whether it
// comes before the app starts (and starts it) or once it runs.
func TestEmbedPanel(t *testing.T) {
	cases := []struct {
		name, base, path string
		lang             i18n.Lang
		phone            bool
		early            bool // click before the app starts
	}{
		{"server desktop", serverURL, "/?view=districts&metric=gdp_growth&year=2024&lang=en", i18n.EN, false, false},
		{"server desktop early", serverURL, "/?view=districts&metric=gdp_growth&year=2024&lang=en", i18n.EN, false, true},
		{"server results early", serverURL, "/?view=results&lang=en", i18n.EN, false, true},
		{"server results", serverURL, "/?view=results&lang=zh", i18n.ZH, false, false},
		{"server map", serverURL, "/?view=map&metric=gdp_growth&year=2024&lang=en", i18n.EN, false, false},
		{"server phone", serverURL, "/?lang=zh", i18n.ZH, true, false},
		{"static desktop", staticURL, "/?lang=zh", i18n.ZH, false, true},
		{"static phone", staticURL, "/district/tianhe?lang=zh", i18n.ZH, true, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var ctx context.Context
			if c.phone {
				ctx = onPhone(t, c.base+c.path)
			} else {
				ctx = newTab(t)
				do(t, ctx, chromedp.Navigate(c.base+c.path))
			}
			expectAbsoluteSnippets(t, ctx, c.base)
			if eval[bool](t, ctx, `document.querySelector("details.embed").open`) {
				t.Fatal("the embed panel is open before the reader opens it")
			}
			if c.early {
				click(t, ctx, "details.embed summary")
			}
			waitApp(t, ctx)
			if !c.early {
				click(t, ctx, "details.embed summary")
			}
			waitFor(t, ctx, `document.querySelector("details.embed").open && !!document.querySelector("details.embed iframe.embed-preview")`)
			expectCopy(t, ctx, c.base, c.lang)
			expectFits(t, ctx, "details.embed")
		})
	}
}

// expectAbsoluteSnippets checks, before any sign of intent and so before
// the app starts, that every address in the page's embed snippets is
// absolute and under the site's base address.
func expectAbsoluteSnippets(t *testing.T, ctx context.Context, base string) {
	t.Helper()
	waitFor(t, ctx, `document.readyState === "complete" && [...document.querySelectorAll("textarea.snippet")].every(b => /src="https?:/.test(b.value))`)
	if started := eval[bool](t, ctx, `!document.getElementById("app-wasm-loader")`); started {
		t.Fatal("the app started before any sign of intent: the pre-rendered snippet was not tested")
	}
	srcs := eval[[]string](t, ctx, `[...document.querySelectorAll("textarea.snippet")].flatMap(b => [...b.value.matchAll(/src="([^"]*)"/g)].map(m => m[1]))`)
	if len(srcs) < 2 {
		t.Fatalf("the snippets name %d addresses, want the frame's and the script's", len(srcs))
	}
	for _, src := range srcs {
		if !strings.HasPrefix(src, base+"/") {
			t.Errorf("a snippet names %q, want an address under %s/", src, base)
		}
	}
}

// expectCopy presses the first snippet's Copy button and reads the
// clipboard back.
func expectCopy(t *testing.T, ctx context.Context, base string, lang i18n.Lang) {
	t.Helper()
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		_, err = chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission:       &browser.PermissionDescriptor{Name: name},
			Setting:          browser.PermissionSettingGranted,
			Origin:           u.Scheme + "://" + u.Host,
			BrowserContextID: chromedp.FromContext(ctx).BrowserContextID,
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	click(t, ctx, "details.embed button.copy-snippet")
	copied := i18n.T(lang, "embed.copied")
	waitFor(t, ctx, fmt.Sprintf(`document.querySelector("details.embed .copy-status").innerText === %q`, copied))
	got := eval[string](t, ctx, `navigator.clipboard.readText()`, chromedp.EvalAwaitPromise)
	want := eval[string](t, ctx, `document.querySelector("details.embed textarea.snippet").value`)
	if got != want || !strings.HasPrefix(got, "<iframe src=") {
		t.Errorf("the clipboard holds %q, want the snippet %q", got, want)
	}
}

// expectFits fails when an element, or any element in it, reaches past the
// right edge of the screen, or makes the page scroll sideways.
func expectFits(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	over := eval[string](t, ctx, fmt.Sprintf(`(() => {
		const width = document.documentElement.clientWidth;
		const root = document.querySelector(%q);
		for (const el of [root, ...root.querySelectorAll("*")]) {
			const r = el.getBoundingClientRect();
			if (r.width > 0 && (r.left < 0 || r.right > width + 0.5)) return el.tagName + "." + el.className + " spans " + r.left + " to " + r.right + " of " + width;
		}
		return document.documentElement.scrollWidth > width ? "the page scrolls sideways" : "";
	})()`, sel))
	if over != "" {
		t.Errorf("%s does not fit the screen: %s", sel, over)
	}
}
