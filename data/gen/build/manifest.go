package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
)

// manifest is what the build needs of dataset.json: the layers, the languages
// and the bibliography's file name. The engine validates the rest.
type manifest struct {
	Languages       []string `json:"languages"`
	DefaultLanguage string   `json:"default_language"`
	Bibliography    string   `json:"bibliography"`
	Layers          []struct {
		ID string `json:"id"`
	} `json:"layers"`
	// Cards cite works of the bibliography by key, as features do.
	Cards map[string]struct {
		Sections []struct {
			ID      string `json:"id"`
			Sources []struct {
				Key   string `json:"key"`
				Pages string `json:"pages"`
			} `json:"sources"`
		} `json:"sections"`
	} `json:"cards"`
}

func readManifest(dataset fs.FS) (manifest, error) {
	var m manifest
	b, err := fs.ReadFile(dataset, "dataset.json")
	if err != nil {
		return m, fmt.Errorf("read manifest: %w", err)
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return m, fmt.Errorf("dataset.json: %w", err)
	}
	if len(m.Languages) == 0 || m.DefaultLanguage == "" || len(m.Layers) == 0 {
		return m, fmt.Errorf("dataset.json: want languages, default_language and layers")
	}
	if m.Bibliography == "" {
		m.Bibliography = "bibliography.json"
	}
	return m, nil
}

// has says whether the manifest lists the language.
func (m manifest) has(lang string) bool {
	for _, l := range m.Languages {
		if l == lang {
			return true
		}
	}
	return false
}
