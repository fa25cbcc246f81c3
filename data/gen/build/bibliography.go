package main

import (
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strings"
	"time"
)

// Work is one entry of the bibliography: a work the dataset cites, never the
// copy where it was read.
type Work struct {
	Key       string `json:"key"`
	Authors   string `json:"authors"`
	Title     string `json:"title"`
	Container string `json:"container"`
	Date      string `json:"date"`
	Pages     string `json:"pages,omitempty"`
	URL       string `json:"url,omitempty"`
	Kind      string `json:"kind"`
	Consulted string `json:"consulted"`
	Note      string `json:"note,omitempty"`
}

// Cited is a work as a feature cites it: the work's reference, the pages
// cited and the formatted citation a museum prints.
type Cited struct {
	Key       string `json:"key"`
	Title     string `json:"title"`
	Authors   string `json:"authors,omitempty"`
	Container string `json:"container,omitempty"`
	Date      string `json:"date,omitempty"`
	Pages     string `json:"pages,omitempty"`
	URL       string `json:"url,omitempty"`
	Citation  string `json:"citation"`
}

var bibColumns = []string{"key", "authors", "title", "container", "date", "pages", "url", "kind", "consulted", "note"}

var (
	keyRE   = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	pagesRE = regexp.MustCompile(`^[\p{L}\p{N}¶§.,– -]+$`)
	kinds   = map[string]bool{"book": true, "article": true, "press": true, "official": true, "reference": true, "web": true, "memoir": true, "testimony": true}
	reads   = []string{"original", "excerpt", "abstract", "secondary"}
)

// readBibliography reads bibliography.csv into works by key. It returns nil
// when the table cannot be read at all (a merge conflict, no header), so that
// the keys citing it are not all reported unknown.
func readBibliography(file string, r io.Reader, ps *problems) map[string]Work {
	allowed := map[string]bool{}
	for _, c := range bibColumns {
		allowed[c] = true
	}
	t := readTable(file, r, func(c string) bool { return allowed[c] }, []string{"key", "title", "kind", "consulted"}, ps)
	if t.header == nil {
		return nil
	}
	works := map[string]Work{}
	for _, rw := range t.rows {
		w := Work{
			Key: rw.get("key"), Authors: rw.get("authors"), Title: rw.get("title"), Container: rw.get("container"),
			Date: rw.get("date"), Pages: rw.get("pages"), URL: rw.get("url"), Kind: rw.get("kind"),
			Consulted: rw.get("consulted"), Note: rw.get("note"),
		}
		bad := func(col, format string, args ...any) { ps.add(file, rw.line, rw.cols[col], format, args...) }
		switch {
		case !keyRE.MatchString(w.Key):
			bad("key", "key %q: want lower-case letters, digits and hyphens (author-year, e.g. short2004)", w.Key)
		case works[w.Key].Key != "":
			bad("key", "key %q appears twice", w.Key)
		}
		if w.Title == "" {
			bad("title", "work %s has no title", w.Key)
		}
		if !kinds[w.Kind] {
			bad("kind", "kind %q: want book, article, press, official, reference, web, memoir or testimony", w.Kind)
		}
		if !validRead(w.Consulted) {
			bad("consulted", "consulted %q: want original, excerpt, abstract or secondary, then \": why\"", w.Consulted)
		}
		if w.Date != "" && !validDate(w.Date) {
			bad("date", "date %q: want a year, YYYY-MM or YYYY-MM-DD", w.Date)
		}
		if w.Pages != "" && !pagesRE.MatchString(w.Pages) {
			bad("pages", "pages %q: want numbers or ranges such as 459-486", w.Pages)
		}
		if w.URL != "" {
			if u, err := url.Parse(w.URL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
				bad("url", "url %q is not an http(s) URL", w.URL)
			}
		}
		works[w.Key] = w
	}
	return works
}

func validRead(s string) bool {
	for _, r := range reads {
		if s == r || strings.HasPrefix(s, r+":") {
			return true
		}
	}
	return false
}

func validDate(s string) bool {
	for _, layout := range []string{"2006", "2006-01", "2006-01-02"} {
		if _, err := time.Parse(layout, s); err == nil {
			return true
		}
	}
	return false
}

// cite resolves a work for a feature citing the given pages.
func cite(w Work, pages string) Cited {
	return Cited{
		Key: w.Key, Title: w.Title, Authors: w.Authors, Container: w.Container, Date: w.Date,
		Pages: pages, URL: w.URL, Citation: citation(w, pages),
	}
}

// citation formats a reference as plain text: "Philip Short, Pol Pot: Anatomy
// of a Nightmare (New York: Henry Holt, 2004), p. 395" for books, memoirs and
// official documents; authors, “title”, periodical, date for the rest.
func citation(w Work, pages string) string {
	var parts []string
	if w.Authors != "" {
		parts = append(parts, w.Authors)
	}
	date := humanDate(w.Date)
	switch w.Kind {
	case "book", "memoir", "official", "testimony":
		where := strings.Join(nonEmpty(w.Container, date), ", ")
		if where != "" {
			parts = append(parts, w.Title+" ("+where+")")
		} else {
			parts = append(parts, w.Title)
		}
	default:
		parts = append(parts, "“"+w.Title+"”")
		parts = append(parts, nonEmpty(w.Container, date)...)
	}
	switch {
	case pages != "":
		parts = append(parts, pageRef(pages))
	case w.Pages != "":
		parts = append(parts, pageRef(w.Pages))
	}
	return strings.Join(parts, ", ")
}

// pageRef writes "p. 5" or "pp. 5–7" (en dash for ranges), and "para. 58"
// or "paras 58–60" for paragraphs ("¶58-60"), as court documents are cited.
func pageRef(p string) string {
	p = strings.ReplaceAll(p, "-", "–")
	one, many := "p. ", "pp. "
	if rest, ok := strings.CutPrefix(p, "¶"); ok {
		p, one, many = strings.TrimSpace(rest), "para. ", "paras "
	}
	if strings.ContainsAny(p, "–,") {
		return many + p
	}
	return one + p
}

// humanDate writes an ISO date as "29 January 1979", "January 1979" or "1979".
func humanDate(s string) string {
	for _, f := range []struct{ in, out string }{{"2006-01-02", "2 January 2006"}, {"2006-01", "January 2006"}, {"2006", "2006"}} {
		if t, err := time.Parse(f.in, s); err == nil {
			return t.Format(f.out)
		}
	}
	return s
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// parseSources splits a sources cell, "short2004:395; chanda1986:341-343", into
// keys and pages.
func parseSources(cell string) ([][2]string, error) {
	var out [][2]string
	for _, part := range strings.Split(cell, ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		key, pages, _ := strings.Cut(part, ":")
		key, pages = strings.TrimSpace(key), strings.TrimSpace(pages)
		if !keyRE.MatchString(key) {
			return nil, fmt.Errorf("source %q: want key or key:pages, separated by \"; \"", part)
		}
		if strings.Contains(part, ":") && (pages == "" || !pagesRE.MatchString(pages)) {
			return nil, fmt.Errorf("source %q: pages %q: want numbers or ranges such as 341-343", part, pages)
		}
		out = append(out, [2]string{key, pages})
	}
	return out, nil
}
