package api

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"
)

// maxEcho is how much of a client's input an error answer or a log line
// repeats: enough to recognise it, not enough to amplify it.
const maxEcho = 200

// clip shortens s to maxEcho bytes (on a rune boundary), saying how long
// it was, so that huge input is never echoed whole.
func clip(s string) string {
	if len(s) <= maxEcho {
		return s
	}
	cut := maxEcho
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return fmt.Sprintf("%s…(%d bytes)", s[:cut], len(s))
}

// clipArgs clips the string and error arguments of a message.
func clipArgs(args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case string:
			out[i] = clip(v)
		case error:
			out[i] = clip(v.Error())
		default:
			out[i] = a
		}
	}
	return out
}

// checkRawQuery reads a raw query string pair by pair, as url.ParseQuery
// does, but says what is wrong instead of dropping the pair: a ';' (not
// a separator since Go 1.17) or a bad %-escape would otherwise silently
// remove a filter and answer the unfiltered collection.
func checkRawQuery(raw string) *apiError {
	for pair := range strings.SplitSeq(raw, "&") {
		if pair == "" {
			continue
		}
		name, value, _ := strings.Cut(pair, "=")
		key, err := url.QueryUnescape(name)
		if err != nil {
			return badParam(clip(name), "the name %q has a bad %%-escape (a %% must be followed by two hex digits; write %%25 for %%)", name)
		}
		if strings.Contains(pair, ";") {
			return badParam(clip(key), "%q contains ';': separate parameters with '&' and write ';' in a value as %%3B", pair)
		}
		if _, err := url.QueryUnescape(value); err != nil {
			return badParam(clip(key), "the value %q has a bad %%-escape (a %% must be followed by two hex digits; write %%25 for %%)", value)
		}
	}
	return nil
}

// securityHeaders are sent with every answer. The page loads its scripts,
// styles, fonts and basemap from this server only; the timeline draws its
// marks with inline style attributes, hence 'unsafe-inline' for styles
// (never for scripts). Nothing may frame the page.
var securityHeaders = [][2]string{
	{"Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
		"img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
		"form-action 'self'; frame-ancestors 'none'"},
	{"X-Content-Type-Options", "nosniff"},
	{"Referrer-Policy", "no-referrer"},
	{"X-Frame-Options", "DENY"},
}

func setSecurityHeaders(h http.Header) {
	for _, kv := range securityHeaders {
		h.Set(kv[0], kv[1])
	}
}
