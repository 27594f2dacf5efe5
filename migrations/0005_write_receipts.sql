-- Receipts of long writes (imports), written in the same transaction as the data: when the engine fails
-- during COMMIT, the receipt tells whether the write reached the disk. Operator connections only.
CREATE TABLE "write_receipts" (
  "id" uuid PRIMARY KEY NOT NULL,
  "what" text NOT NULL,
  "result" jsonb,
  "written_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "write_receipts" ENABLE ROW LEVEL SECURITY;
