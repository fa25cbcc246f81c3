package synth

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"github.com/paulmach/orb/geojson"

	"github.com/timeslice/timeslice/data"
)

// Write writes ds as one dataset file of layer: a FeatureCollection in
// the format data.Read reads, one feature per line.
func Write(w io.Writer, layer string, ds *data.Dataset) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	fmt.Fprintf(bw, "{\"type\":\"FeatureCollection\",\"collection\":%q,\"features\":[\n", layer)
	for i := range ds.Features {
		f := &ds.Features[i]
		b, err := json.Marshal(map[string]any{
			"type": "Feature", "id": f.ID, "geometry": geojson.NewGeometry(f.Geometry), "properties": f.Properties(),
		})
		if err != nil {
			return fmt.Errorf("encode feature %s: %w", f.ID, err)
		}
		if i > 0 {
			bw.WriteString(",\n")
		}
		bw.Write(b)
	}
	bw.WriteString("\n]}\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write synthetic dataset: %w", err)
	}
	return nil
}
