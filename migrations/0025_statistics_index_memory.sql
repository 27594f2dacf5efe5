-- A release's (iso3, year) index is sorted in memory for a file of ten million rows: with 256 MB that sort
-- spilled to disk, so a large file's rate fell below a small one's. The memory is taken only while the
-- index is built, inside the import's own transaction.
ALTER FUNCTION statistic_release_attach(uuid) SET maintenance_work_mem = '1GB';
