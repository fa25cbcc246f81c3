package postgis

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/timeslice/timeslice/data"
)

// manifestTTL is how long a manifest read from the database is trusted,
// as the server trusts a data version: a load shows within this long.
const manifestTTL = time.Second

// Manifest implements data.Store: the manifest the last load stored,
// read again at most once per manifestTTL.
func (s *Store) Manifest(ctx context.Context) (*data.Manifest, error) {
	s.manMu.Lock()
	defer s.manMu.Unlock()
	if s.man != nil && time.Since(s.manAt) < manifestTTL {
		return s.man, nil
	}
	var (
		version   int64
		raw, bib  sql.NullString
		datasetID sql.NullString
	)
	rows, err := s.query(ctx, `SELECT version, dataset_id, manifest, bibliography FROM timeslice.dataset`)
	if err != nil {
		return nil, callErr(ctx, fmt.Errorf("read manifest: %w", err))
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return nil, callErr(ctx, fmt.Errorf("read manifest: %w", err))
		}
		return nil, errors.New("read manifest: timeslice.dataset is empty")
	}
	if err := rows.Scan(&version, &datasetID, &raw, &bib); err != nil {
		return nil, callErr(ctx, fmt.Errorf("read manifest: %w", err))
	}
	if s.man != nil && version == s.manVer {
		s.manAt = time.Now()
		return s.man, nil
	}
	if !raw.Valid {
		return nil, errors.New("the database holds no dataset manifest: load a dataset directory with `timeslice load`")
	}
	m, err := data.ParseManifest("manifest of dataset "+datasetID.String, []byte(raw.String))
	if err != nil {
		return nil, fmt.Errorf("stored manifest: %w", err)
	}
	if bib.Valid {
		m.BibliographyData = []byte(bib.String)
	}
	s.man, s.manVer, s.manAt = m, version, time.Now()
	return m, nil
}

// storedManifest is what the dataset table holds, in a load's transaction.
type storedManifest struct {
	id, manifest, bibliography sql.NullString
}

func readStored(ctx context.Context, tx *sql.Tx) (storedManifest, error) {
	var st storedManifest
	err := tx.QueryRowContext(ctx, `SELECT dataset_id, manifest, bibliography FROM timeslice.dataset FOR UPDATE`).
		Scan(&st.id, &st.manifest, &st.bibliography)
	if err != nil {
		return st, classify(fmt.Errorf("read stored manifest: %w", err))
	}
	return st, nil
}
