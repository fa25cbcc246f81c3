-- The dataset's manifest (dataset.json) and bibliography, stored with its
-- features, so that the database can hold any dataset: the server reads
-- the layers, their order and titles, the time zone and the events layer
-- from here. Kept as text, byte for byte as loaded (jsonb would reorder
-- the bibliography's keys). NULL until a load stores them.
ALTER TABLE timeslice.dataset
    ADD COLUMN dataset_id   text,
    ADD COLUMN manifest     text,
    ADD COLUMN bibliography text;
