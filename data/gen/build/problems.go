package main

import (
	"fmt"
	"sort"
	"strings"
)

// problem is one thing wrong in a source file, at a line and column (1-based;
// 0 when the problem is the whole file or row).
type problem struct {
	file      string
	line, col int
	msg       string
}

func (p problem) String() string {
	switch {
	case p.line == 0:
		return fmt.Sprintf("%s: %s", p.file, p.msg)
	case p.col == 0:
		return fmt.Sprintf("%s:%d: %s", p.file, p.line, p.msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", p.file, p.line, p.col, p.msg)
}

// problems collects every problem of a build, so a curator sees them all at once.
type problems []problem

func (ps *problems) add(file string, line, col int, format string, args ...any) {
	*ps = append(*ps, problem{file, line, col, fmt.Sprintf(format, args...)})
}

// err returns nil when there is no problem, else one error listing them all,
// by file and position.
func (ps problems) err() error {
	if len(ps) == 0 {
		return nil
	}
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.file != b.file {
			return a.file < b.file
		}
		if a.line != b.line {
			return a.line < b.line
		}
		return a.col < b.col
	})
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return fmt.Errorf("%d problems, nothing written:\n%s", len(ps), strings.Join(lines, "\n"))
}
