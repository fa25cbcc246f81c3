package data

// Layer names one collection of the dataset, in its default language.
type Layer struct {
	ID          string
	Title       string
	Description string
}

// LayerList returns the manifest's layers, in its order, with their texts
// in the default language.
func (m *Manifest) LayerList() []Layer {
	out := make([]Layer, len(m.Layers))
	for i, l := range m.Layers {
		out[i] = Layer{ID: l.ID, Title: m.In(l.Title), Description: m.In(l.Description)}
	}
	return out
}
