-- nums holds the numeric top-level properties of a keyframe: all that
-- interpolating towards it reads, so that a slice fetches successors
-- without their whole properties.
ALTER TABLE timeslice.features ADD COLUMN nums jsonb;
UPDATE timeslice.features SET nums = (
    SELECT coalesce(jsonb_object_agg(e.key, e.value), '{}')
    FROM jsonb_each(props) e WHERE jsonb_typeof(e.value) = 'number');
ALTER TABLE timeslice.features ALTER COLUMN nums SET NOT NULL;
