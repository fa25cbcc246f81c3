package data

// Layer describes one collection of the dataset.
type Layer struct {
	ID          string
	Title       string
	Description string
}

// Layers returns the eight layers of the Timeslice data model, in the
// order they are listed and drawn.
func Layers() []Layer {
	return []Layer{
		{"zones", "Zones of Democratic Kampuchea", "Administrative zones and autonomous sectors of Democratic Kampuchea, 1978, with their secretaries where sourced."},
		{"control", "Area held by Vietnamese and allied forces", "Area held by Vietnamese and KUFNS/PRK forces through time, and what stayed contested in 1979–1980."},
		{"advances", "Axes of advance", "Axes of advance, December 1978 – January 1979, as lines that grow along their routes."},
		{"perimeter", "Phnom Penh perimeter", "The Phnom Penh perimeter after 7 January 1979, with its status: closed, controlled or open."},
		{"flows", "Displacement and refugee flows", "Displacement and refugee movements of 1979–1980, with the number of people (people) through time."},
		{"camps", "Border and holding camps", "Border and holding camps, with their population through time."},
		{"events", "Events", "Dated events with captions in English, Khmer and French."},
		{"places", "Places", "Towns and sites, with Khmer names."},
	}
}

// LayerByID returns the layer with that id.
func LayerByID(id string) (Layer, bool) {
	for _, l := range Layers() {
		if l.ID == id {
			return l, true
		}
	}
	return Layer{}, false
}
