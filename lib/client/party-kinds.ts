import { PARTY_KIND_LABELS, partyKindSchema, type PartyKind } from "@/lib/schemas/fields";

/**
 * Short names of party kinds (issue 17) for badges, chips and graph labels; the long ones
 * (PARTY_KIND_LABELS) go in titles.
 */
export const PARTY_KIND_SHORT: Record<PartyKind, string> = {
  e164: "Phone",
  national: "National",
  short_code: "Short code",
  service: "Service",
  extension: "Extension",
  sip: "SIP",
  withheld: "Withheld",
  id: "Id",
  invalid: "Not valid",
};

/** A kind as the API sends it (a string, or null for rows counted before kinds existed: phone numbers) as a known kind. */
export function asPartyKind(kind: string | null | undefined): PartyKind | null {
  if (kind == null) return null;
  const parsed = partyKindSchema.safeParse(kind);
  return parsed.success ? parsed.data : null;
}

export const partyKindShort = (kind: PartyKind) => PARTY_KIND_SHORT[kind];
export const partyKindLong = (kind: PartyKind) => PARTY_KIND_LABELS[kind];

/** Shown on a record with `repaired` set. */
export const REPAIRED_EXPLANATION = "Number restored from spreadsheet damage: lost leading 0/00/011 or scientific notation";
