package data

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"time"
)

// Watch polls the dataset directory dir every interval and, when a file
// in it changes (its name, size or modification time), reads it again
// and calls changed with the new dataset or with what is wrong with it.
// It returns when ctx is done.
//
// Polling a dozen files costs nothing and, unlike inotify, sees edits on
// network and container-mounted directories and files that editors
// replace by renaming; it needs no dependency.
func Watch(ctx context.Context, dir string, interval time.Duration, changed func(*Dataset, error)) {
	last, _ := fingerprint(dir)
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
			continue
		}
		last = fp
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
