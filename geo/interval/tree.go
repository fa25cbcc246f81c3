// Package interval is a static centered interval tree over half-open
// spans [from, to) of int64, such as Unix nanosecond validity intervals.
//
// A stabbing query (which spans contain x) and an overlap query (which
// spans meet [a, b)) cost O(log n + k) for k results.
package interval

import (
	"slices"
	"sort"
)

// Span is a half-open interval [From, To). To must be greater than From.
type Span struct{ From, To int64 }

type entry struct {
	from, to int64
	id       int32
}

type node struct {
	center      int64
	byFrom      []entry // ascending From
	byTo        []entry // descending To
	left, right int32   // child node index, -1 for none
}

// Tree indexes spans by their position in the slice given to New.
type Tree struct {
	nodes []node
	root  int32
	size  int
}

// New builds a tree over spans in O(n log n). Ids reported by queries are
// indexes into spans.
func New(spans []Span) *Tree {
	es := make([]entry, len(spans))
	for i, s := range spans {
		es[i] = entry{from: s.From, to: s.To, id: int32(i)}
	}
	sort.SliceStable(es, func(i, j int) bool { return es[i].from < es[j].from })
	t := &Tree{size: len(spans)}
	t.root = t.build(es)
	return t
}

// Len returns the number of spans indexed.
func (t *Tree) Len() int { return t.size }

// build makes a node for es, which is sorted by from, and returns its index.
func (t *Tree) build(es []entry) int32 {
	if len(es) == 0 {
		return -1
	}
	center := es[len(es)/2].from
	var left, right, here []entry
	for _, e := range es {
		switch {
		case e.to <= center:
			left = append(left, e)
		case e.from > center:
			right = append(right, e)
		default:
			here = append(here, e)
		}
	}
	byTo := slices.Clone(here)
	sort.SliceStable(byTo, func(i, j int) bool { return byTo[i].to > byTo[j].to })
	idx := int32(len(t.nodes))
	t.nodes = append(t.nodes, node{center: center, byFrom: here, byTo: byTo})
	l := t.build(left)
	r := t.build(right)
	t.nodes[idx].left, t.nodes[idx].right = l, r
	return idx
}

// Stab calls fn with the id of every span that contains x.
func (t *Tree) Stab(x int64, fn func(id int)) {
	if x == 1<<63-1 {
		return
	}
	t.Overlap(x, x+1, fn)
}

// Overlap calls fn with the id of every span that meets [a, b), in no
// particular order. Nothing is reported unless a < b.
func (t *Tree) Overlap(a, b int64, fn func(id int)) {
	if a >= b {
		return
	}
	stack := make([]int32, 0, 64)
	if t.root >= 0 {
		stack = append(stack, t.root)
	}
	for len(stack) > 0 {
		n := &t.nodes[stack[len(stack)-1]]
		stack = stack[:len(stack)-1]
		switch {
		case b <= n.center:
			// Every span here contains center >= b: it meets the query
			// when it starts before b.
			for _, e := range n.byFrom {
				if e.from >= b {
					break
				}
				fn(int(e.id))
			}
			if n.left >= 0 {
				stack = append(stack, n.left)
			}
		case a > n.center:
			// Every span here starts at or before center < a: it meets
			// the query when it ends after a.
			for _, e := range n.byTo {
				if e.to <= a {
					break
				}
				fn(int(e.id))
			}
			if n.right >= 0 {
				stack = append(stack, n.right)
			}
		default:
			for _, e := range n.byFrom {
				fn(int(e.id))
			}
			if n.left >= 0 {
				stack = append(stack, n.left)
			}
			if n.right >= 0 {
				stack = append(stack, n.right)
			}
		}
	}
}
