-- Keep embeddings inside the table's own rows.
--
-- pgvector stores its type EXTERNAL, and PostgreSQL moves any column of a row over about 2 kB out to the TOAST
-- table: a 512-float embedding (2,056 bytes) would cost a second heap insert and a TOAST index insert on every
-- write and a TOAST lookup on every exact scan. With the row target at its maximum, a row stays inline as long as
-- it fits in a page, which every embedding up to 2,000 floats (the HNSW limit) does. Rows written before this
-- migration keep their TOAST copies until they are rewritten.
ALTER TABLE embeddings SET (toast_tuple_target = 8160);
