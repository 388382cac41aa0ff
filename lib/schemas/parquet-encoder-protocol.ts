import { z } from "zod";

/** Export thread → Parquet encoder thread: the file and the scope, once, before any span. */
export const parquetEncoderOpenSchema = z.object({
  type: z.literal("open"),
  file: z.string(),
  scope: z.object({
    caseId: z.union([z.number().int(), z.object({ in: z.array(z.number().int()) })]).optional(),
    jobId: z.string().optional(),
    includeDuplicates: z.boolean().optional(),
  }),
  rowGroupRows: z.number().int().positive(),
});

/** Export thread → encoder: read and encode the scope's records with ids in [from, to]. */
export const parquetEncoderSpanSchema = z.object({ type: z.literal("span"), seq: z.number().int(), from: z.number().int(), to: z.number().int() });

export const parquetEncoderCommandSchema = z.discriminatedUnion("type", [parquetEncoderOpenSchema, parquetEncoderSpanSchema]);
export type ParquetEncoderCommand = z.infer<typeof parquetEncoderCommandSchema>;

/**
 * Encoder → export thread. `groups` are EncodedGroup values (lib/data/parquet-row-groups.ts):
 * Parquet metadata objects with bigints, built by hyparquet-writer in the encoder, not parsed.
 */
export type ParquetEncoderMessage = { type: "encoded"; seq: number; groups: unknown[] } | { type: "failed"; seq: number; message: string };
