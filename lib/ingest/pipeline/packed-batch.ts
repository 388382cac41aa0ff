import v8 from "node:v8";
import type { RowBatch } from "./build-batches";

/** A RowBatch as it crosses from a producer thread to the writer: the record values as one serialized buffer. */
export interface PackedBatch extends Omit<RowBatch, "values" | "moreReady"> {
  packed: Uint8Array;
}

/**
 * Serializes the values into a buffer that is transferred, not copied. The point is where the
 * batch waits: a plain array is deserialized into the writer's heap as soon as it arrives, and the
 * batches queued behind the one being inserted (up to a few per producer) outlived the young
 * generation there and were copied into the old one. A buffer waits outside the heap and becomes
 * values only when the writer takes it (unpackBatch), so each batch dies young. Same V8 serializer
 * as postMessage itself: no extra copy on either side.
 */
export function packBatch(batch: RowBatch): { batch: PackedBatch; transfer: ArrayBuffer[] } {
  const { values, moreReady: _, ...rest } = batch;
  const bytes = v8.serialize(values);
  return { batch: { ...rest, packed: bytes }, transfer: [bytes.buffer as ArrayBuffer] };
}

export function unpackBatch({ packed, ...rest }: PackedBatch): RowBatch {
  return { ...rest, values: v8.deserialize(packed) as RowBatch["values"] };
}
