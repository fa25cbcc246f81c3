package interval

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// brute is the reference: a scan.
func brute(spans []Span, a, b int64) []int {
	var out []int
	if a >= b {
		return nil
	}
	for i, s := range spans {
		if s.From < b && s.To > a {
			out = append(out, i)
		}
	}
	return out
}

func collect(t *Tree, a, b int64) []int {
	var out []int
	t.Overlap(a, b, func(id int) { out = append(out, id) })
	slices.Sort(out)
	return out
}

func TestOverlapTable(t *testing.T) {
	spans := []Span{{0, 10}, {5, 15}, {10, 20}, {20, 1<<63 - 1}, {3, 4}}
	tree := New(spans)
	tests := []struct {
		name string
		a, b int64
		want []int
	}{
		{"before all", -5, 0, nil},
		{"stab start is inclusive", 0, 1, []int{0}},
		{"stab end is exclusive", 10, 11, []int{1, 2}},
		{"short span", 3, 4, []int{0, 4}},
		{"open end", 1000, 1001, []int{3}},
		{"wide", -100, 100, []int{0, 1, 2, 3, 4}},
		{"empty query", 7, 7, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := collect(tree, tc.a, tc.b); !slices.Equal(got, tc.want) {
				t.Errorf("Overlap(%d, %d) = %v, want %v", tc.a, tc.b, got, tc.want)
			}
		})
	}
	var stab []int
	tree.Stab(10, func(id int) { stab = append(stab, id) })
	slices.Sort(stab)
	if !slices.Equal(stab, []int{1, 2}) {
		t.Errorf("Stab(10) = %v, want [1 2]", stab)
	}
}

func TestOverlapMatchesScan(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 50; round++ {
		n := r.IntN(300)
		spans := make([]Span, n)
		for i := range spans {
			from := r.Int64N(1000)
			spans[i] = Span{from, from + 1 + r.Int64N(200)}
		}
		tree := New(spans)
		if tree.Len() != n {
			t.Fatalf("Len = %d, want %d", tree.Len(), n)
		}
		for q := 0; q < 50; q++ {
			a := r.Int64N(1300) - 100
			b := a + r.Int64N(100)
			if got, want := collect(tree, a, b), brute(spans, a, b); !slices.Equal(got, want) {
				t.Fatalf("round %d: Overlap(%d, %d) = %v, want %v", round, a, b, got, want)
			}
		}
	}
}

func TestEmpty(t *testing.T) {
	if got := collect(New(nil), 0, 10); got != nil {
		t.Errorf("empty tree returned %v", got)
	}
}
