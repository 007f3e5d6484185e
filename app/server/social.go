//go:build !wasm

package server

import (
	"bytes"
	"html"
	"net/url"

	nethtml "golang.org/x/net/html"

	"gztargets/app/i18n"
	"gztargets/app/urlstate"
)

// shareURL is the absolute address a shared link to a page names (its
// og:url): the page's path with its query in canonical form, as the app
// reads it, at the site's public domain. It is "" when the domain is not
// known, as no address can be absolute without it.
func (s *Site) shareURL(rel string, asked url.Values) string {
	if s.Domain == "" {
		return ""
	}
	u := url.URL{Scheme: "https", Host: s.Domain, Path: s.Prefix + rel, RawQuery: s.canonicalQuery(rel, asked)}
	return u.String()
}

// canonicalQuery is the query of a page in the form the app writes it, with
// only what the page reads: "" for a path that is no page of the app.
func (s *Site) canonicalQuery(rel string, asked url.Values) string {
	switch {
	case rel == "/":
		state, _ := urlstate.Parse(asked, s.data)
		return state.Query()
	case s.store.Found(rel):
		if lang, ok := i18n.ParseLang(asked.Get("lang")); ok {
			return "lang=" + string(lang)
		}
	}
	return ""
}

// withShareURL corrects the social metadata go-app writes into a page's
// head, which it builds from the path alone and an optional domain: og:url
// becomes the page's share address, or goes when there is none, and an
// og:image or twitter:image with no address ("https://") goes. The rest
// of the page is left byte for byte.
func withShareURL(page []byte, share string) []byte {
	z := nethtml.NewTokenizer(bytes.NewReader(page))
	var out bytes.Buffer
	out.Grow(len(page))
	read := 0
	for {
		tt := z.Next()
		if tt == nethtml.ErrorToken {
			return page // no </head>: nothing go-app would write
		}
		// Token unescapes in place, in the buffer that Raw returns.
		raw := bytes.Clone(z.Raw())
		read += len(raw)
		tok := z.Token()
		switch {
		case tt == nethtml.EndTagToken && tok.Data == "head":
			out.Write(raw)
			out.Write(page[read:])
			return out.Bytes()
		case tok.Data != "meta" || (tt != nethtml.StartTagToken && tt != nethtml.SelfClosingTagToken):
			out.Write(raw)
		case metaAttr(tok, "property") == "og:url":
			if share != "" {
				out.WriteString(`<meta property="og:url" content="` + html.EscapeString(share) + `">`)
			}
		case isImageMeta(tok) && !hasHost(metaAttr(tok, "content")):
		default:
			out.Write(raw)
		}
	}
}

// isImageMeta reports whether a meta tag names a preview image.
func isImageMeta(tok nethtml.Token) bool {
	return metaAttr(tok, "property") == "og:image" || metaAttr(tok, "name") == "twitter:image"
}

// hasHost reports whether an address names a host: go-app writes
// "https://" and a path when it knows no domain.
func hasHost(address string) bool {
	u, err := url.Parse(address)
	return err == nil && u.Host != ""
}

// metaAttr is the value of a tag's attribute, or "".
func metaAttr(tok nethtml.Token, name string) string {
	for _, a := range tok.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}
