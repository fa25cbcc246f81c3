package api

import (
	"fmt"
	"net/http"
	"testing"
)

func TestCacheEvictsLeastRecentlyUsed(t *testing.T) {
	res := func(n int) *response { return newResponse(http.StatusOK, jsonType, make([]byte, n), "") }
	one := res(1000).size()
	c := newCache(one*4 + 100)
	for i := 0; i < 4; i++ {
		c.put(fmt.Sprint(i), res(1000))
	}
	c.get("0") // 0 is now the most recent; 1 the least
	c.put("4", res(1000))
	for key, want := range map[string]bool{"0": true, "1": false, "2": true, "3": true, "4": true} {
		if _, ok := c.get(key); ok != want {
			t.Errorf("key %s cached = %v, want %v", key, ok, want)
		}
	}
	if c.used > c.budget {
		t.Errorf("used %d bytes of a %d budget", c.used, c.budget)
	}
	c.put("huge", res(int(c.budget)))
	if _, ok := c.get("huge"); ok {
		t.Error("an answer larger than a quarter of the cache was kept")
	}
	off := newCache(0)
	off.put("a", res(10))
	if _, ok := off.get("a"); ok {
		t.Error("a disabled cache kept an answer")
	}
}
