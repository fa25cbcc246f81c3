package data

import (
	"fmt"
	"strings"
)

// Problem is one thing wrong with a dataset file.
type Problem struct {
	File string
	// Feature names the feature: its id, or "#N" (its 0-based index in
	// the file) when it has no usable id. Empty for a file-level problem.
	Feature string
	Reason  string
}

func (p Problem) String() string {
	if p.Feature == "" {
		return fmt.Sprintf("%s: %s", p.File, p.Reason)
	}
	return fmt.Sprintf("%s: feature %s: %s", p.File, p.Feature, p.Reason)
}

// Problems is the error a read or validation returns: every problem
// found, not just the first.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return fmt.Sprintf("%d problem(s):\n%s", len(ps), strings.Join(lines, "\n"))
}
