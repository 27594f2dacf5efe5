-- The whole search vector is stored out of line uncompressed: ranking a search's candidates decompressed
-- each one's vector again, and compressing it slowed indexing, while lexemes with their positions compress
-- poorly (at 100,000 generated items the table grows by about 5%).
ALTER TABLE knowledge_items ALTER COLUMN "search_vector" SET STORAGE EXTERNAL;
--> statement-breakpoint
-- One search term (as in 0046: the word in the reader's language or as written; nothing for a word the
-- language ignores). A term often reads the same both ways (names, numbers, words the stemmer leaves
-- alone): asked for once, the words' index reads its items once, and the planner does not count them twice.
CREATE OR REPLACE FUNCTION knowledge_term_query(config regconfig, term text)
RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN numnode(q.own) = 0 OR q.own = q.simple THEN q.own ELSE q.own || q.simple END
  FROM (SELECT to_tsquery(config, term) AS own, to_tsquery('simple', term) AS simple) q
$$;
