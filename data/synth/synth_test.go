package synth_test

import (
	"bytes"
	"testing"
	"testing/fstest"
	"time"

	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/data/synth"
)

func TestGenerate(t *testing.T) {
	o := synth.Options{Keyframes: 1234, Tracks: 50, Seed: 9}
	ds := synth.Generate(o)
	if len(ds.Features) != 1234 {
		t.Fatalf("got %d keyframes, want 1234", len(ds.Features))
	}
	// At any instant inside the window every track has one keyframe.
	at := synth.Start.Add(synth.Step(o) * 10).Add(time.Minute)
	valid := 0
	for i := range ds.Features {
		if ds.Features[i].ValidAt(at) {
			valid++
		}
	}
	if valid != 50 {
		t.Errorf("%d keyframes valid at %v, want 50 (one per track)", valid, at)
	}
	// What Write writes, Read reads back without a problem.
	var buf bytes.Buffer
	if err := synth.Write(&buf, "flows", ds); err != nil {
		t.Fatal(err)
	}
	back, err := data.ReadFS(fstest.MapFS{"synthetic.geojson": {Data: buf.Bytes()}}, "synthetic.geojson")
	if err != nil {
		t.Fatalf("read back: %v", err)
	}
	if len(back.Features) != len(ds.Features) || back.Features[17].ID != ds.Features[17].ID ||
		!back.Features[17].To.Equal(ds.Features[17].To) {
		t.Errorf("round trip changed the dataset")
	}
}
