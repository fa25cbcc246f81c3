package api

import "testing"

func TestEtagOf(t *testing.T) {
	for _, c := range []struct {
		body, want string
	}{
		{"", `"ef46db3751d8e999"`}, // xxHash64 of nothing, from the reference implementation
		{"abc", `"44bc2cf5ad770999"`},
	} {
		if got := etagOf([]byte(c.body)); got != c.want {
			t.Errorf("etagOf(%q) = %s, want %s", c.body, got, c.want)
		}
	}
	a, b := etagOf([]byte(`{"id":"a"}`)), etagOf([]byte(`{"id":"b"}`))
	if a == b || len(a) != 18 || a[0] != '"' || a[17] != '"' {
		t.Errorf("etags %s and %s: want two different quoted 16-digit hex strings", a, b)
	}
}
