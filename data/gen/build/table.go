package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf8"
)

// table is a CSV file read with the position of every field.
type table struct {
	file   string
	header []string
	rows   []row
}

// row is one record of a table.
type row struct {
	line   int
	fields map[string]string
	cols   map[string]int // column of each field (1-based, in bytes, as compilers count)
}

// get returns a field, trimmed of surrounding spaces.
func (r row) get(col string) string { return strings.TrimSpace(r.fields[col]) }

// readTable reads a CSV file (UTF-8, RFC 4180, header row). Columns must be
// known to allowed; a column required by need must be present. Problems are
// added to ps; a table that cannot be read at all is returned with no rows.
func readTable(file string, r io.Reader, allowed func(string) bool, need []string, ps *problems) table {
	t := table{file: file}
	b, err := io.ReadAll(r)
	if err != nil {
		ps.add(file, 0, 0, "%v", err)
		return t
	}
	if conflicts(file, b, ps) {
		return t
	}
	cr := csv.NewReader(bytes.NewReader(b))
	cr.FieldsPerRecord = 0
	rec, err := cr.Read()
	if err != nil {
		ps.add(file, 1, 0, "cannot read the header row: %v", err)
		return t
	}
	rec[0] = strings.TrimPrefix(rec[0], "\ufeff") // a spreadsheet's byte order mark
	seen := map[string]bool{}
	for i, h := range rec {
		h = strings.TrimSpace(h)
		_, col := cr.FieldPos(i)
		switch {
		case seen[h]:
			ps.add(file, 1, col, "column %q appears twice", h)
		case !allowed(h):
			ps.add(file, 1, col, "unknown column %q", h)
		}
		seen[h] = true
		t.header = append(t.header, h)
	}
	for _, n := range need {
		if !seen[n] {
			ps.add(file, 1, 0, "missing column %q", n)
		}
	}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				ps.add(file, pe.Line, pe.Column, "%v", pe.Err)
			} else {
				ps.add(file, 0, 0, "%v", err)
			}
			if pe != nil && errors.Is(pe.Err, csv.ErrFieldCount) {
				continue
			}
			break
		}
		line, _ := cr.FieldPos(0)
		rw := row{line: line, fields: map[string]string{}, cols: map[string]int{}}
		empty := true
		for i, v := range rec {
			_, col := cr.FieldPos(i)
			if !utf8.ValidString(v) {
				ps.add(file, line, col, "not valid UTF-8")
			}
			rw.fields[t.header[i]] = v
			rw.cols[t.header[i]] = col
			if strings.TrimSpace(v) != "" {
				empty = false
			}
		}
		if !empty {
			t.rows = append(t.rows, rw)
		}
	}
	return t
}

// conflicts reports the lines a merge left unresolved ("<<<<<<< ", "=======",
// ">>>>>>> "): a table with them is not read further.
func conflicts(file string, b []byte, ps *problems) bool {
	found := false
	for i, line := range bytes.Split(b, []byte("\n")) {
		line = bytes.TrimRight(line, "\r")
		if bytes.HasPrefix(line, []byte("<<<<<<< ")) || bytes.Equal(line, []byte("=======")) || bytes.HasPrefix(line, []byte(">>>>>>> ")) {
			ps.add(file, i+1, 1, "unresolved merge conflict: keep one side (or both rows), delete the marker lines, and rebuild")
			found = true
		}
	}
	return found
}
