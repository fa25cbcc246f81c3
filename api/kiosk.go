package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"github.com/timeslice/timeslice/data"
	"io"
	"log/slog"
	"maps"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// The kiosk: GET /kiosk opens the page in kiosk mode, GET /kiosk/config
// gives the page the defaults of `serve --kiosk-config`, POST /kiosk/log
// takes the page's problems into the server's log, and GET /sw.js is the
// page's service worker (served at the root so that it may control / and
// /kiosk).

// KioskConfig holds a kiosk's defaults: the same keys as the page's URL
// parameters, each kept as the text a URL would carry. Build it with
// ParseKioskConfig.
type KioskConfig struct {
	params map[string]string
}

// Params returns the configuration as URL parameters (a copy).
func (c *KioskConfig) Params() map[string]string {
	return maps.Clone(c.params)
}

// kioskChecks says, for each key a kiosk configuration may hold, how its
// value is checked and written as a URL parameter.
func kioskChecks() map[string]func(v any, m *data.Manifest) (string, error) {
	return map[string]func(v any, m *data.Manifest) (string, error){
		"window":    kioskWindow,
		"speed":     oneOf("day", "week", "month"),
		"dwell":     seconds(0, 600),
		"languages": kioskLanguages,
		"alternate": oneOf("loop", "together"),
		"idle":      seconds(1, 3600),
		"layers":    kioskLayers,
		"view":      kioskView,
	}
}

// KioskKeys lists the keys a kiosk configuration may hold, sorted; each is
// also a URL parameter of the page.
func KioskKeys() []string {
	return slices.Sorted(maps.Keys(kioskChecks()))
}

// ParseKioskConfig reads a kiosk configuration (a JSON object) and checks
// every key against the dataset's manifest m (nil: against nothing but
// the keys' own rules). The error names the key and the value at fault.
func ParseKioskConfig(config []byte, m *data.Manifest) (*KioskConfig, error) {
	var raw map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(config))
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("not a JSON object: %w", err)
	}
	if dec.More() {
		return nil, fmt.Errorf("not a JSON object: more after the object")
	}
	c := &KioskConfig{params: map[string]string{}}
	checks := kioskChecks()
	for _, key := range slices.Sorted(maps.Keys(raw)) {
		check, ok := checks[key]
		if !ok {
			return nil, fmt.Errorf("unknown key %q (known: %s)", key, strings.Join(KioskKeys(), ", "))
		}
		var v any
		if err := json.Unmarshal(raw[key], &v); err != nil {
			return nil, fmt.Errorf("key %q: %w", key, err)
		}
		s, err := check(v, m)
		if err != nil {
			return nil, fmt.Errorf("key %q: value %s: %w", key, raw[key], err)
		}
		c.params[key] = s
	}
	if c.params["alternate"] == "together" && strings.Count(c.params["languages"], ",") < 1 {
		return nil, fmt.Errorf("key %q: value \"together\": needs two languages in \"languages\"", "alternate")
	}
	return c, nil
}

func oneOf(allowed ...string) func(any, *data.Manifest) (string, error) {
	return func(v any, _ *data.Manifest) (string, error) {
		s, ok := v.(string)
		if !ok || !slices.Contains(allowed, s) {
			return "", fmt.Errorf("want one of %s", strings.Join(allowed, ", "))
		}
		return s, nil
	}
}

func seconds(lo, hi float64) func(any, *data.Manifest) (string, error) {
	return func(v any, _ *data.Manifest) (string, error) {
		f, ok := v.(float64)
		if !ok || math.IsNaN(f) || f < lo || f > hi {
			return "", fmt.Errorf("want a number of seconds from %g to %g", lo, hi)
		}
		return strconv.FormatFloat(f, 'f', -1, 64), nil
	}
}

// list reads a JSON list of strings, or a comma-separated string.
func stringList(v any) ([]string, bool) {
	switch x := v.(type) {
	case string:
		return strings.Split(x, ","), true
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			s, ok := e.(string)
			if !ok {
				return nil, false
			}
			out = append(out, s)
		}
		return out, true
	}
	return nil, false
}

func kioskLanguages(v any, m *data.Manifest) (string, error) {
	langs, ok := stringList(v)
	if !ok || len(langs) == 0 {
		return "", fmt.Errorf("want a list of language codes")
	}
	for i, l := range langs {
		if m != nil && !slices.Contains(m.Languages, l) {
			return "", fmt.Errorf("%q is not one of the dataset's languages (%s)", l, strings.Join(m.Languages, ", "))
		}
		if slices.Contains(langs[:i], l) {
			return "", fmt.Errorf("%q is listed twice", l)
		}
	}
	return strings.Join(langs, ","), nil
}

func kioskLayers(v any, m *data.Manifest) (string, error) {
	ids, ok := stringList(v)
	if !ok || len(ids) == 0 {
		return "", fmt.Errorf("want a list of layer ids")
	}
	if m != nil {
		known := m.LayerIDs()
		for _, id := range ids {
			if !slices.Contains(known, id) {
				return "", fmt.Errorf("%q is not a layer of the dataset (%s)", id, strings.Join(known, ", "))
			}
		}
	}
	return strings.Join(ids, ","), nil
}

// kioskView reads "lat,lon,zoom" (or a list of three numbers).
func kioskView(v any, _ *data.Manifest) (string, error) {
	var nums []float64
	switch x := v.(type) {
	case string:
		for _, p := range strings.Split(x, ",") {
			f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
			if err != nil {
				return "", fmt.Errorf("want \"lat,lon,zoom\"")
			}
			nums = append(nums, f)
		}
	case []any:
		for _, e := range x {
			f, ok := e.(float64)
			if !ok {
				return "", fmt.Errorf("want [lat, lon, zoom]")
			}
			nums = append(nums, f)
		}
	}
	if len(nums) != 3 {
		return "", fmt.Errorf("want \"lat,lon,zoom\"")
	}
	if math.Abs(nums[0]) > 90 || math.Abs(nums[1]) > 180 || nums[2] < 0 || nums[2] > 18 {
		return "", fmt.Errorf("latitude within ±90, longitude within ±180, zoom from 0 to 18")
	}
	out := make([]string, 3)
	for i, f := range nums {
		out[i] = strconv.FormatFloat(f, 'f', -1, 64)
	}
	return strings.Join(out, ","), nil
}

// kioskWindow reads "START/END": two dates (a bare date is a day in the
// dataset's time zone) or RFC 3339 instants, START before END, both within
// the dataset's timeline.
func kioskWindow(v any, m *data.Manifest) (string, error) {
	s, ok := v.(string)
	a, b, cut := strings.Cut(s, "/")
	if !ok || !cut {
		return "", fmt.Errorf("want \"START/END\" (dates or RFC 3339 instants)")
	}
	loc := time.UTC // no manifest given: dates read in UTC
	if m != nil {
		loc = m.Location()
	}
	start, err := kioskInstant(a, loc)
	if err != nil {
		return "", err
	}
	end, err := kioskInstant(b, loc)
	if err != nil {
		return "", err
	}
	if !start.Before(end) {
		return "", fmt.Errorf("the start is not before the end")
	}
	if m != nil && (start.Before(m.Timeline.Start) || end.After(m.Timeline.End)) {
		return "", fmt.Errorf("outside the dataset's timeline %s/%s",
			m.Timeline.Start.In(loc).Format(time.RFC3339), m.Timeline.End.In(loc).Format(time.RFC3339))
	}
	return a + "/" + b, nil
}

func kioskInstant(s string, loc *time.Location) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	t, err := time.ParseInLocation(time.DateOnly, s, loc)
	if err != nil {
		return t, fmt.Errorf("%q is neither a date (YYYY-MM-DD) nor an RFC 3339 instant", s)
	}
	return t, nil
}

// kioskPage answers /kiosk: the page, which reads kiosk mode from its path.
func (s *Server) kioskPage(w http.ResponseWriter, r *http.Request) {
	if s.opts.Frontend == nil {
		s.fail(w, r, notFound("this server has no frontend"))
		return
	}
	s.serveFile(w, r, s.opts.Frontend, "index.html", "no-cache")
}

// kioskConfig answers /kiosk/config: the kiosk's defaults as URL
// parameters ({} when the server was given none).
func (s *Server) kioskConfig(w http.ResponseWriter, r *http.Request) {
	params := map[string]string{}
	if s.opts.Kiosk != nil {
		params = s.opts.Kiosk.Params()
	}
	res, err := jsonResponse(http.StatusOK, jsonType, params, "no-cache")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	res.send(w, r)
}

// serviceWorker answers /sw.js from the frontend's sw.js.
func (s *Server) serviceWorker(w http.ResponseWriter, r *http.Request) {
	if s.opts.Frontend == nil {
		s.fail(w, r, notFound("this server has no frontend"))
		return
	}
	s.serveFile(w, r, s.opts.Frontend, "sw.js", "no-cache")
}

// Limits of POST /kiosk/log: one report is at most kioskLogMaxBytes, each
// text in it at most kioskLogMaxText characters; kioskLogBurst reports
// pass at once, then one every kioskLogEvery.
const (
	kioskLogMaxBytes = 4 << 10
	kioskLogMaxText  = 500
	kioskLogBurst    = 20
	kioskLogEvery    = 3 * time.Second
)

// kioskLog takes the page's problem reports into the server's log, within
// a token bucket shared by every client (a gallery has one or a few).
type kioskLog struct {
	mu      sync.Mutex
	tokens  float64
	last    time.Time
	dropped int
	now     func() time.Time
}

func newKioskLog(now func() time.Time) *kioskLog {
	return &kioskLog{tokens: kioskLogBurst, last: now(), now: now}
}

// allow takes a token; it returns whether one was left and how many
// reports were refused since the last allowed one.
func (k *kioskLog) allow() (bool, int) {
	k.mu.Lock()
	defer k.mu.Unlock()
	now := k.now()
	k.tokens = math.Min(kioskLogBurst, k.tokens+now.Sub(k.last).Seconds()/kioskLogEvery.Seconds())
	k.last = now
	if k.tokens < 1 {
		k.dropped++
		return false, 0
	}
	k.tokens--
	d := k.dropped
	k.dropped = 0
	return true, d
}

// kioskReport is one problem the page reports.
type kioskReport struct {
	Level   string `json:"level"`
	Message string `json:"message"`
	Detail  string `json:"detail"`
	URL     string `json:"url"`
}

// postKioskLog answers POST /kiosk/log: 204 once logged, 413 for a report
// too large, 400 for one that is not JSON, 429 beyond the rate.
func (s *Server) postKioskLog(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, kioskLogMaxBytes))
	if err != nil {
		s.fail(w, r, &apiError{Status: http.StatusRequestEntityTooLarge, Code: "TooLarge",
			Description: fmt.Sprintf("a kiosk report is at most %d bytes", kioskLogMaxBytes)})
		return
	}
	var rep kioskReport
	if err := json.Unmarshal(body, &rep); err != nil {
		s.fail(w, r, &apiError{Status: http.StatusBadRequest, Code: "InvalidBody",
			Description: "a kiosk report is a JSON object {level, message, detail, url}"})
		return
	}
	ok, dropped := s.kioskLog.allow()
	if !ok {
		w.Header().Set("Retry-After", strconv.Itoa(int(kioskLogEvery.Seconds())))
		s.fail(w, r, &apiError{Status: http.StatusTooManyRequests, Code: "TooManyRequests",
			Description: "too many kiosk reports: try again later"})
		return
	}
	level := slog.LevelWarn
	switch rep.Level {
	case "error":
		level = slog.LevelError
	case "info":
		level = slog.LevelInfo
	}
	attrs := []slog.Attr{
		slog.String("message", clipText(rep.Message)),
		slog.String("remote", r.RemoteAddr),
	}
	if rep.Detail != "" {
		attrs = append(attrs, slog.String("detail", clipText(rep.Detail)))
	}
	if rep.URL != "" {
		attrs = append(attrs, slog.String("page", clipText(rep.URL)))
	}
	if dropped > 0 {
		attrs = append(attrs, slog.Int("dropped_before", dropped))
	}
	s.log.LogAttrs(r.Context(), level, "kiosk", attrs...)
	w.WriteHeader(http.StatusNoContent)
}

// clipText cuts a text to kioskLogMaxText characters and drops invalid UTF-8.
func clipText(s string) string {
	s = strings.ToValidUTF8(s, "�")
	if utf8.RuneCountInString(s) <= kioskLogMaxText {
		return s
	}
	return string([]rune(s)[:kioskLogMaxText]) + "…"
}
