-- The whole search vector is stored out of line uncompressed: ranking a search's candidates decompressed
-- each one's vector again, and compressing it slowed indexing, while lexemes with their positions compress
-- poorly (at 100,000 generated items the table grows by about 5%).
ALTER TABLE knowledge_items ALTER COLUMN "search_vector" SET STORAGE EXTERNAL;
