package api

import (
	"testing"
	"time"
)

func TestKioskLogBucket(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	k := newKioskLog(func() time.Time { return now })
	for i := range kioskLogBurst {
		if ok, _ := k.allow(); !ok {
			t.Fatalf("report %d refused within the burst", i)
		}
	}
	for range 3 {
		if ok, _ := k.allow(); ok {
			t.Fatal("a report past the burst was allowed")
		}
	}
	now = now.Add(kioskLogEvery)
	ok, dropped := k.allow()
	if !ok || dropped != 3 {
		t.Fatalf("after one interval: ok %v, dropped %d; want true, 3", ok, dropped)
	}
	if ok, _ := k.allow(); ok {
		t.Fatal("one interval gave two reports")
	}
	now = now.Add(time.Hour)
	for i := range kioskLogBurst {
		if ok, _ := k.allow(); !ok {
			t.Fatalf("after an hour, report %d refused: the bucket should be full again", i)
		}
	}
}
