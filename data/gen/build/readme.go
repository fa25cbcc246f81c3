package main

import (
	"bytes"
	"fmt"
	"strings"
)

// The review list in data/README.md lies between these two lines; the build
// rewrites it from the review column of the texts tables.
const (
	reviewBegin = "<!-- review list: written by go run ./data/gen/build from the review column; do not edit -->"
	reviewEnd   = "<!-- end of the review list -->"
)

// reviewList writes the flagged features as a Markdown list, one a line.
func reviewList(flags []Flag) string {
	if len(flags) == 0 {
		return "No row is flagged yet.\n"
	}
	var b strings.Builder
	noun := "features"
	if len(flags) == 1 {
		noun = "feature"
	}
	fmt.Fprintf(&b, "%d %s:\n\n", len(flags), noun)
	for _, f := range flags {
		fmt.Fprintf(&b, "- `%s/%s` (%s): %s\n", f.Layer, f.ID, strings.Join(f.Languages, ", "), f.Name)
	}
	return b.String()
}

// withReviewList returns the README with its review list replaced.
func withReviewList(readme []byte, flags []Flag) ([]byte, error) {
	i := bytes.Index(readme, []byte(reviewBegin))
	j := bytes.Index(readme, []byte(reviewEnd))
	if i < 0 || j < i {
		return nil, fmt.Errorf("the README has no review list: want a line %q, then a line %q", reviewBegin, reviewEnd)
	}
	var b bytes.Buffer
	b.Write(readme[:i+len(reviewBegin)])
	b.WriteString("\n")
	b.WriteString(reviewList(flags))
	b.Write(readme[j:])
	return b.Bytes(), nil
}
