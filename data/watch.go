package data

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"time"
)

// Watcher notices edits in a dataset directory.
type Watcher struct {
	dir  string
	last []string
}

// NewWatcher returns a watcher of the dataset directory dir as it is now.
func NewWatcher(dir string) *Watcher {
	fp, _ := fingerprint(dir)
	return &Watcher{dir: dir, last: fp}
}

// Watch polls the dataset directory every interval and, when a file
// in it changes (its name, size or modification time) and then stays
// the same for one more interval (so that a file being written is not
// read half-way), reads it again and calls changed with the new dataset
// or with what is wrong with it. It returns when ctx is done.
//
// Polling a dozen files costs nothing and, unlike inotify, sees edits on
// network and container-mounted directories and files that editors
// replace by renaming; it needs no dependency.
//
// The directory's state when w was made (NewWatcher) is the one changes
// are seen against: make it before reading the dataset first, and no edit
// in between is lost.
func (w *Watcher) Watch(ctx context.Context, interval time.Duration, changed func(*Dataset, error)) {
	dir, last := w.dir, w.last
	var pending []string // a change seen, not yet read
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		// The fingerprint is taken before reading: a file written while
		// it is read changes it again, and is read again next time.
		fp, err := fingerprint(dir)
		if err != nil {
			if !slices.Equal(fp, last) {
				changed(nil, err)
			}
			last = fp
			continue
		}
		if slices.Equal(fp, last) {
			pending = nil
			continue
		}
		if !slices.Equal(fp, pending) {
			pending = fp // still changing: look again next time
			continue
		}
		last, pending = fp, nil
		ds, err := ReadDir(os.DirFS(dir))
		changed(ds, err)
	}
}

// fingerprint lists the name, size and modification time of every file
// at the root of dir.
func fingerprint(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return []string{"error: " + err.Error()}, fmt.Errorf("list %s: %w", dir, err)
	}
	out := make([]string, 0, len(entries))
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		var info fs.FileInfo
		if info, err = e.Info(); err != nil {
			continue // removed since listed: the next poll sees it
		}
		out = append(out, fmt.Sprintf("%s %d %d", e.Name(), info.Size(), info.ModTime().UnixNano()))
	}
	return out, nil
}
