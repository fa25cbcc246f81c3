-- A slice reads a few hundred rows through the GiST index; on a small
-- table the planner may prefer a parallel sequential scan, which costs
-- worker start-up on every request of a busy server. Never scan this
-- table in parallel.
ALTER TABLE timeslice.features SET (parallel_workers = 0);
