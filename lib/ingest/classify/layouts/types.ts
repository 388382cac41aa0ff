import type { Carrier, MappableField } from "../../../schemas/fields";
import type { ColumnMapping } from "../../../schemas/mapping";

export type Format = NonNullable<ColumnMapping["format"]>;

/** Where a recognized layout says its times are: from the values (offsets, epoch) or its documentation. */
export interface LayoutZone {
  /** IANA zone of the times; null when every value carries its own offset. */
  timezone: string | null;
  source: string;
}

/** A documented layout recognized in a file: a whole mapping and how sure the recognition is. */
export interface BuiltinLayout {
  carrier: Carrier;
  /** How sure the recognition is, in [0,1]. */
  confidence: number;
  columns: ColumnMapping[];
  /** Which documented layout matched, for people and tests. */
  name?: string;
  /** The times' zone when the values or the layout's documentation fix it; null/absent = local times, a person names the zone. */
  zone?: LayoutZone | null;
}

/** For each canonical field, the column names that hold it, best first: the first present and filled one wins. */
export type FieldNames = Partial<Record<MappableField, readonly string[]>>;

interface LayoutBase {
  carrier: Carrier;
  /** Human name of the layout. */
  name: string;
  /** Where its field names come from (the vendor's documentation). */
  source: string;
  fields: FieldNames;
  /** Units of columns (by name) that are not what their values suggest (billmsec: milliseconds). */
  formats?: Readonly<Record<string, Format>>;
  /** The zone the vendor documents for the times when the values do not carry one; null = the server's local time. */
  zone: string | null;
  /** Column names the vendor documents as UTC whatever the layout's zone (Telnyx `start_timestamp_utc`). */
  utc?: readonly string[];
}

/**
 * A layout named by its header row (or, in JSON, by the records' flattened keys). Names are compared
 * case-, space- and punctuation-blind: `start_time`, `StartTime`, `Start Time` are one name.
 */
export interface HeaderLayout extends LayoutBase {
  /** Names only this platform writes: `minMarkers` of them, or an id column, recognize the file. */
  markers: readonly string[];
  minMarkers: number;
  /** The platform's own call ids (Twilio `CA` + 32 hex): a column of them recognizes the file alone. */
  idPattern?: RegExp;
  /** Fields that must be found for the layout to apply (beyond a start time and a party). */
  requires?: readonly MappableField[];
  /**
   * Parties written as "the other side" and "our number" with a direction (a contact centre's log):
   * an all-inbound sample maps other → caller, own → callee; all-outbound the reverse; a mix maps
   * other → counterparty and own → target, so each row's direction places them.
   */
  sides?: { other: readonly string[]; own: readonly string[]; direction: readonly string[] };
}

/** A value test for one or more columns of a positional layout: its share is the lowest among them. */
export interface Check {
  name: string;
  at: readonly string[];
  kind: string;
  weight: number;
}

/** A headerless layout: a documented column order, recognized from what its values look like. */
export interface PositionalLayout extends LayoutBase {
  /** Column names in the documented order (only as far as the checks and fields need). */
  columns: readonly string[];
  /** Column counts accepted: optional trailing columns, a trailing delimiter. */
  width: readonly [number, number];
  checks: readonly Check[];
  /** Alternatives, each a list of check names that must all reach `PASS`; one alternative must hold. */
  gates: readonly (readonly string[])[];
}

/** One family's layouts (a vendor may have a headerless file, a header export and a JSON API). */
export interface LayoutFamily {
  header: readonly HeaderLayout[];
  positional: readonly PositionalLayout[];
}

/** Share a signature check, or the weighted signature, must reach. */
export const PASS = 0.6;
