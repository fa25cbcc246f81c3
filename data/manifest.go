package data

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"time"
)

// ManifestFile is the name of a dataset directory's manifest.
const ManifestFile = "dataset.json"

// Text is a text by language: {"en": "…", "fr": "…"}.
type Text map[string]string

// Manifest describes a dataset: its texts, time zone, default view,
// chapters and layers. It is read from dataset.json (ParseManifest) and
// never changes afterwards. data/MANIFEST.md documents every key and
// manifest.schema.json is its JSON Schema.
type Manifest struct {
	ID              string      `json:"id"`
	Title           Text        `json:"title"`
	ShortTitle      Text        `json:"short_title,omitempty"`
	Subtitle        Text        `json:"subtitle,omitempty"`
	Description     Text        `json:"description,omitempty"`
	Languages       []string    `json:"languages"`
	DefaultLanguage string      `json:"default_language"`
	TimeZone        string      `json:"time_zone"`
	Window          View        `json:"window"`
	Timeline        Span        `json:"timeline"`
	Chapters        []Chapter   `json:"chapters,omitempty"`
	EventsLayer     string      `json:"events_layer,omitempty"`
	Layers          []LayerSpec `json:"layers"`
	Cards           *Cards      `json:"cards,omitempty"`
	Attribution     Text        `json:"attribution,omitempty"`
	Bibliography    string      `json:"bibliography,omitempty"`

	// BibliographyData is the content of the bibliography file (JSON),
	// nil when there is none; it is not part of dataset.json.
	BibliographyData json.RawMessage `json:"-"`

	loc *time.Location
}

// View is the page's default view of time: the manifest's window.
type View struct {
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
	// Speed is the player's default step: day, week or month.
	Speed string `json:"speed"`
}

// Span is a stretch of time [Start, End).
type Span struct {
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
}

// Chapter is a named stretch of the timeline.
type Chapter struct {
	ID    string    `json:"id"`
	Title Text      `json:"title"`
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
	Text  Text      `json:"text,omitempty"`
}

// LayerSpec describes one layer: its file is <ID>.geojson.
type LayerSpec struct {
	ID          string       `json:"id"`
	Title       Text         `json:"title"`
	Description Text         `json:"description,omitempty"`
	Kind        string       `json:"kind"`
	Style       Style        `json:"style"`
	Legend      Legend       `json:"legend"`
	Popup       []PopupField `json:"popup"`
}

// Style says how the page draws a layer; the server only checks it.
type Style struct {
	Color           string       `json:"color,omitempty"`
	Fill            string       `json:"fill,omitempty"`
	FillOpacity     *float64     `json:"fill_opacity,omitempty"`
	Weight          *float64     `json:"weight,omitempty"`
	Radius          *float64     `json:"radius,omitempty"`
	Dash            *string      `json:"dash,omitempty"`
	DashByCertainty *Dashes      `json:"dash_by_certainty,omitempty"`
	Arrow           bool         `json:"arrow,omitempty"`
	Label           bool         `json:"label,omitempty"`
	WidthBy         *ScaleBy     `json:"width_by,omitempty"`
	RadiusBy        *ScaleBy     `json:"radius_by,omitempty"`
	By              *StyleByProp `json:"by,omitempty"`
}

// Dashes are SVG dash arrays by certainty; null draws a solid line.
type Dashes struct {
	High   *string `json:"high"`
	Medium *string `json:"medium"`
	Low    *string `json:"low"`
}

// ScaleBy sizes a line's width or a point's radius by a numeric property.
type ScaleBy struct {
	Property string  `json:"property"`
	MaxValue float64 `json:"max_value"`
	MinPx    float64 `json:"min_px"`
	MaxPx    float64 `json:"max_px"`
	// UnknownPx is the size drawn when the property is missing.
	UnknownPx *float64 `json:"unknown_px,omitempty"`
	// Scale is sqrt (areas proportional) or linear.
	Scale string `json:"scale"`
}

// StyleByProp styles features by the value of one property.
type StyleByProp struct {
	Property string                `json:"property"`
	Values   map[string]StyleValue `json:"values"`
}

// StyleValue is the style and legend label of one property value.
type StyleValue struct {
	Color string  `json:"color,omitempty"`
	Dash  *string `json:"dash"`
	Label Text    `json:"label,omitempty"`
}

// Legend holds the legend's texts for a layer's scales.
type Legend struct {
	Width   Text `json:"width,omitempty"`
	Radius  Text `json:"radius,omitempty"`
	Unknown Text `json:"unknown,omitempty"`
}

// PopupField is one property a feature's popup shows.
type PopupField struct {
	Property string `json:"property"`
	Label    Text   `json:"label"`
	// Format is text, enum, count or date.
	Format        string          `json:"format"`
	Round         float64         `json:"round,omitempty"`
	RangeProperty string          `json:"range_property,omitempty"`
	Values        map[string]Text `json:"values,omitempty"`
}

// Cards are the introduction and the epilogue.
type Cards struct {
	Intro    Card `json:"intro"`
	Epilogue Card `json:"epilogue"`
}

// Card is a titled list of sections.
type Card struct {
	Title    Text      `json:"title"`
	Sections []Section `json:"sections"`
}

// Section is one part of a card, with its sources.
type Section struct {
	ID      string      `json:"id"`
	Heading Text        `json:"heading"`
	Text    Text        `json:"text"`
	Sources []SourceRef `json:"sources,omitempty"`
}

// SourceRef cites a work of the bibliography by key.
type SourceRef struct {
	Key   string `json:"key"`
	Pages string `json:"pages,omitempty"`
}

// Location is the dataset's time zone: bare dates are days in it and
// instants are written in it.
func (m *Manifest) Location() *time.Location { return m.loc }

// Layer returns the layer with that id.
func (m *Manifest) Layer(id string) (LayerSpec, bool) {
	for _, l := range m.Layers {
		if l.ID == id {
			return l, true
		}
	}
	return LayerSpec{}, false
}

// LayerIDs lists the layers' ids in manifest order.
func (m *Manifest) LayerIDs() []string {
	ids := make([]string, len(m.Layers))
	for i, l := range m.Layers {
		ids[i] = l.ID
	}
	return ids
}

// In returns t in the default language, or "" when it has none.
func (m *Manifest) In(t Text) string { return t[m.DefaultLanguage] }

// ParseManifest reads and checks a manifest; name is the file it came
// from, for messages. The error is Problems naming every wrong key.
func ParseManifest(name string, raw []byte) (*Manifest, error) {
	m, errs := parseManifest(name, raw)
	if len(errs) > 0 {
		return nil, errs
	}
	return m, nil
}

// parseManifest reads a manifest and lists its problems; the manifest is
// returned, for further checks, when it could be decoded at all.
func parseManifest(name string, raw []byte) (*Manifest, Problems) {
	var generic any
	if err := json.Unmarshal(raw, &generic); err != nil {
		return nil, Problems{{File: name, Reason: fmt.Sprintf("not JSON: %v", err)}}
	}
	var errs Problems
	bad := func(format string, args ...any) {
		errs = append(errs, Problem{File: name, Reason: fmt.Sprintf(format, args...)})
	}
	for _, k := range unknownKeys(generic) {
		bad("%s: unknown key", k)
	}
	var m Manifest
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(&m); err != nil {
		bad("%s", strings.TrimPrefix(err.Error(), "json: "))
		return nil, errs
	}
	m.check(bad)
	return &m, errs
}

var (
	idPattern   = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	langPattern = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]+)*$`)
	offsetZone  = regexp.MustCompile(`^([+-])(\d\d):(\d\d)$`)
)

// ParseZone reads a time zone: "Z", "UTC", a fixed offset (+07:00,
// -05:00) or an IANA name (Asia/Phnom_Penh; the binary embeds the zone
// database).
func ParseZone(s string) (*time.Location, error) {
	switch s {
	case "":
		return nil, fmt.Errorf("empty: want a fixed offset (+07:00) or an IANA name (Europe/Paris)")
	case "Z", "UTC":
		return time.UTC, nil
	}
	if g := offsetZone.FindStringSubmatch(s); g != nil {
		h, mm := int(g[2][0]-'0')*10+int(g[2][1]-'0'), int(g[3][0]-'0')*10+int(g[3][1]-'0')
		if h > 14 || mm > 59 {
			return nil, fmt.Errorf("%q is not an offset from UTC", s)
		}
		off := (h*60 + mm) * 60
		if g[1] == "-" {
			off = -off
		}
		return time.FixedZone("", off), nil
	}
	if strings.ContainsAny(s, " .") || !strings.Contains(s, "/") && s != "GMT" {
		return nil, fmt.Errorf("%q is neither a fixed offset (+07:00) nor an IANA name (Europe/Paris)", s)
	}
	loc, err := time.LoadLocation(s)
	if err != nil {
		return nil, fmt.Errorf("%q is not a known IANA time zone: %v", s, err)
	}
	return loc, nil
}

// check reports everything wrong in a decoded manifest and sets its
// location.
func (m *Manifest) check(bad func(string, ...any)) {
	if !idPattern.MatchString(m.ID) {
		bad("id: %q: want lower-case letters, digits and '-'", m.ID)
	}
	if len(m.Languages) == 0 {
		bad("languages: none: want at least one language code")
	}
	for i, l := range m.Languages {
		if !langPattern.MatchString(l) {
			bad("languages[%d]: %q is not a language code (en, km, fr)", i, l)
		}
		if slices.Index(m.Languages, l) != i {
			bad("languages[%d]: %q given twice", i, l)
		}
	}
	if !slices.Contains(m.Languages, m.DefaultLanguage) {
		bad("default_language: %q is not one of languages %v", m.DefaultLanguage, m.Languages)
	}
	text := func(key string, t Text, required bool) {
		if t == nil {
			if required {
				bad("%s: missing: want a text by language with %q", key, m.DefaultLanguage)
			}
			return
		}
		if strings.TrimSpace(t[m.DefaultLanguage]) == "" && (required || len(t) > 0) {
			bad("%s: no text in the default language %q", key, m.DefaultLanguage)
		}
		for _, l := range slices.Sorted(maps.Keys(t)) {
			if !slices.Contains(m.Languages, l) {
				bad("%s.%s: %q is not one of languages %v", key, l, l, m.Languages)
			}
		}
	}
	text("title", m.Title, true)
	text("short_title", m.ShortTitle, false)
	text("subtitle", m.Subtitle, false)
	text("description", m.Description, false)
	text("attribution", m.Attribution, false)
	loc, err := ParseZone(m.TimeZone)
	if err != nil {
		bad("time_zone: %v", err)
	}
	m.loc = loc
	span := func(key string, s Span) bool {
		switch {
		case s.Start.IsZero():
			bad("%s.start: missing: want an RFC 3339 date-time", key)
		case s.End.IsZero():
			bad("%s.end: missing: want an RFC 3339 date-time", key)
		case !s.Start.Before(s.End):
			bad("%s: end %s is not after start %s", key, s.End.Format(time.RFC3339), s.Start.Format(time.RFC3339))
		default:
			return true
		}
		return false
	}
	within := func(key string, s Span) {
		if s.Start.Before(m.Timeline.Start) || s.End.After(m.Timeline.End) {
			bad("%s: %s – %s is outside the timeline %s – %s", key, s.Start.Format(time.RFC3339), s.End.Format(time.RFC3339),
				m.Timeline.Start.Format(time.RFC3339), m.Timeline.End.Format(time.RFC3339))
		}
	}
	timelineOK := span("timeline", m.Timeline)
	if span("window", Span{m.Window.Start, m.Window.End}) && timelineOK {
		within("window", Span{m.Window.Start, m.Window.End})
	}
	if !slices.Contains([]string{"day", "week", "month"}, m.Window.Speed) {
		bad("window.speed: %q: want day, week or month", m.Window.Speed)
	}
	chapterIDs := make([]string, len(m.Chapters))
	for i, c := range m.Chapters {
		chapterIDs[i] = c.ID
	}
	for i, c := range m.Chapters {
		key := fmt.Sprintf("chapters[%d]", i)
		checkID(bad, key, "chapters", chapterIDs, i)
		text(key+".title", c.Title, true)
		text(key+".text", c.Text, false)
		if span(key, Span{c.Start, c.End}) && timelineOK {
			within(key, Span{c.Start, c.End})
			if i > 0 && c.Start.Before(m.Chapters[i-1].End) {
				bad("%s: starts %s, before chapters[%d] ends: chapters are in order and do not overlap",
					key, c.Start.Format(time.RFC3339), i-1)
			}
		}
	}
	if len(m.Layers) == 0 {
		bad("layers: none: want at least one layer")
	}
	for i, l := range m.Layers {
		m.checkLayer(fmt.Sprintf("layers[%d]", i), i, l, bad, text)
	}
	if m.EventsLayer != "" {
		if _, ok := m.Layer(m.EventsLayer); !ok {
			bad("events_layer: %q is not one of layers %v", m.EventsLayer, m.LayerIDs())
		}
	}
	if m.Cards != nil {
		for _, c := range []struct {
			key  string
			card Card
		}{{"cards.intro", m.Cards.Intro}, {"cards.epilogue", m.Cards.Epilogue}} {
			if len(c.card.Sections) > 0 { // an empty card is a placeholder
				text(c.key+".title", c.card.Title, true)
			}
			for j, s := range c.card.Sections {
				key := fmt.Sprintf("%s.sections[%d]", c.key, j)
				if !idPattern.MatchString(s.ID) {
					bad("%s.id: %q: want lower-case letters, digits and '-'", key, s.ID)
				}
				text(key+".heading", s.Heading, true)
				text(key+".text", s.Text, true)
				for k, src := range s.Sources {
					if src.Key == "" {
						bad("%s.sources[%d].key: missing", key, k)
					}
				}
			}
		}
	}
	if b := m.Bibliography; b != "" && (strings.ContainsAny(b, `/\`) || strings.HasPrefix(b, ".") || !strings.HasSuffix(b, ".json")) {
		bad("bibliography: %q: want a .json file name in the dataset directory", b)
	}
}

// checkLayer checks layer l, the i-th.
func (m *Manifest) checkLayer(key string, i int, l LayerSpec, bad func(string, ...any), text func(string, Text, bool)) {
	checkID(bad, key, "layers", m.LayerIDs(), i)
	text(key+".title", l.Title, true)
	text(key+".description", l.Description, false)
	if !slices.Contains([]string{"area", "line", "point", "event"}, l.Kind) {
		bad("%s.kind: %q: want area, line, point or event", key, l.Kind)
	}
	for _, s := range []struct {
		name string
		by   *ScaleBy
	}{{"width_by", l.Style.WidthBy}, {"radius_by", l.Style.RadiusBy}} {
		if s.by == nil {
			continue
		}
		k := key + ".style." + s.name
		if s.by.Property == "" {
			bad("%s.property: missing", k)
		}
		if s.by.MaxValue <= 0 {
			bad("%s.max_value: %v: want a number above 0", k, s.by.MaxValue)
		}
		if s.by.MinPx < 0 || s.by.MaxPx < s.by.MinPx {
			bad("%s: min_px %v and max_px %v: want 0 <= min_px <= max_px", k, s.by.MinPx, s.by.MaxPx)
		}
		if s.by.Scale != "sqrt" && s.by.Scale != "linear" {
			bad("%s.scale: %q: want sqrt or linear", k, s.by.Scale)
		}
	}
	if by := l.Style.By; by != nil {
		if by.Property == "" {
			bad("%s.style.by.property: missing", key)
		}
		for _, v := range slices.Sorted(maps.Keys(by.Values)) {
			text(fmt.Sprintf("%s.style.by.values.%s.label", key, v), by.Values[v].Label, false)
		}
	}
	text(key+".legend.width", l.Legend.Width, false)
	text(key+".legend.radius", l.Legend.Radius, false)
	text(key+".legend.unknown", l.Legend.Unknown, false)
	for j, p := range l.Popup {
		k := fmt.Sprintf("%s.popup[%d]", key, j)
		if p.Property == "" {
			bad("%s.property: missing", k)
		}
		text(k+".label", p.Label, true)
		if !slices.Contains([]string{"text", "enum", "count", "date"}, p.Format) {
			bad("%s.format: %q: want text, enum, count or date", k, p.Format)
		}
		if p.Round < 0 {
			bad("%s.round: %v: want a number above 0", k, p.Round)
		}
		for _, v := range slices.Sorted(maps.Keys(p.Values)) {
			text(fmt.Sprintf("%s.values.%s", k, v), p.Values[v], true)
		}
	}
}

// checkID checks ids[i], the id of list[i] at key: its spelling, and
// that no earlier item has it.
func checkID(bad func(string, ...any), key, list string, ids []string, i int) {
	if !idPattern.MatchString(ids[i]) {
		bad("%s.id: %q: want lower-case letters, digits and '-'", key, ids[i])
	}
	if j := slices.Index(ids, ids[i]); j < i {
		bad("%s.id: %q is also %s[%d]", key, ids[i], list, j)
	}
}
