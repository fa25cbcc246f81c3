package genjson

import "testing"

func TestMarshal(t *testing.T) {
	for _, c := range []struct {
		in   any
		want string
	}{
		{map[string]any{"b": "<a & b>", "a": 1}, `{"a":1,"b":"<a & b>"}`},
		{[]string{"ភ្នំពេញ"}, `["ភ្នំពេញ"]`},
	} {
		got, err := Marshal(c.in)
		if err != nil || string(got) != c.want {
			t.Errorf("Marshal(%v) = %s, %v; want %s", c.in, got, err, c.want)
		}
	}
}
