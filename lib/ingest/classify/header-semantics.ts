import type { MappableField } from "../../schemas/fields";
import type { HeaderTarget } from "./header-synonyms";
import type { NormalizedHeader } from "./normalize-header";
import { scoreHeader } from "./score-header";

/**
 * What a header says a column may hold, beyond which field it names (issue 17, "header semantics
 * first"): value shape only chooses among the fields the header allows.
 */

/** Head nouns of identifier columns: `sid`, `uuid`, `callId`, `globalCallID_callManagerId`, `pkid`, `account`. */
const ID_WORDS = /^(id|ids|uuid|guid|sid|key|identifier|pkid|account|sequence|uniqueid|linkedid|callid|sessionid|ref|reference)$/;
/** Words that let an id column be a cell or site id ("Cell ID", "Start Cell ID", "Site ID"). */
const CELL_WORDS = /^(cell|cells|site|tower|antenna|sector|bts|ci|cgi|ecgi|celda|cellule|celula|cella|zelle|funkzelle)$/;
/** A party's attributes that are not its number: `from.type` ("SIP"), `from.name`, `CustomerEndpoint.Type`. */
const PARTY_WORDS =
  /^(from|to|caller|callee|calling|called|source|destination|customer|system|endpoint|originating|terminating|party|a|b|agent|remote|local|correspondent|partner|counterpart|counterparty|other|peer)$/;
const ATTRIBUTE_WORDS = /^(type|name|kind|carrier|country|city|state|region|label|tag|status|role|display)$/;
/** Fields an id is never read as, whatever its values look like. */
const MEASURES: readonly MappableField[] = [
  "duration_seconds",
  "cell_first",
  "cell_last",
  "start_time",
  "end_time",
  "start_date",
  "start_clock",
  "direction",
  "record_type",
  "call_type",
  "time_zone",
];

export const PHONE_FAMILY: readonly MappableField[] = ["caller", "callee", "target", "dialed_digits", "counterparty"];

/** Party fields an identifier may be: the party's id is the party (`correspondent_id`, `subscriber_id`, `partner_id`). */
const PARTY_FIELDS: readonly HeaderTarget[] = ["caller", "callee", "target", "counterparty"];

/**
 * `correspondent_id`, `partner_id`, `subscriber id`: an id whose other words name a party exactly
 * identifies that party (one-subscriber data sets write parties as ids, not numbers). Returns
 * those party fields with their score, or an empty map.
 */
export function partyOfIdHeader(h: NormalizedHeader): Map<HeaderTarget, number> {
  const out = new Map<HeaderTarget, number>();
  if (!isIdHeader(h) || h.tokens.length < 2) return out;
  const stem = scoreHeader(h.tokens.slice(0, -1).join(" "));
  for (const f of PARTY_FIELDS) {
    const s = stem.scores.get(f) ?? 0;
    if (s >= 0.95) out.set(f, s);
  }
  return out;
}

/** The header names an identifier or key (its last word is id/uuid/sid/key/…), not a quantity. */
export function isIdHeader(h: NormalizedHeader): boolean {
  const last = h.tokens[h.tokens.length - 1];
  return last !== undefined && (ID_WORDS.test(last) || /(uuid|guid)$/.test(last));
}

/**
 * "B Number", "A-Party", "MSISDN B": a party named by letter. In a two-party record A called B; in
 * a one-subscriber log whose rows go both ways the lettered column is the other party, so the
 * letter does not fix a side the way "caller" or "called number" does.
 */
export function isLetterParty(h: NormalizedHeader): boolean {
  return h.tokens.some((t) => t === "a" || t === "b");
}

/** `from.type`, `caller name`, `CustomerEndpoint.Type`: something about a party other than its number. */
export function isPartyAttribute(h: NormalizedHeader): boolean {
  const last = h.tokens[h.tokens.length - 1];
  if (last === undefined || h.tokens.length < 2 || !ATTRIBUTE_WORDS.test(last)) return false;
  return h.tokens.slice(0, -1).some((t) => PARTY_WORDS.test(t));
}

/**
 * Header scores (family-expanded) → the same scores restricted by what the header says.
 * Ids keep only fields their header names exactly (Caller ID, Device ID, Cell ID); a party's
 * type or name is nothing.
 */
export function constrainHeader(h: NormalizedHeader, hs: Map<HeaderTarget, number>, phoneValues = false): Map<HeaderTarget, number> {
  if (isPartyAttribute(h)) {
    const out = new Map<HeaderTarget, number>();
    out.set("ignore", Math.max(0.9, hs.get("ignore") ?? 0));
    return out;
  }
  if (isIdHeader(h)) {
    const saysCell = h.tokens.some((t) => CELL_WORDS.test(t));
    const out = new Map<HeaderTarget, number>();
    for (const [f, s] of hs) {
      if (f === "ignore") continue;
      if (MEASURES.includes(f) && !((f === "cell_first" || f === "cell_last") && saysCell)) continue;
      if (s >= 0.95 || ((f === "cell_first" || f === "cell_last") && saysCell) || f === "item") out.set(f, s);
    }
    // The id of a named party is that party, whatever its values look like (`correspondent_id`: A, E…).
    for (const [f, s] of partyOfIdHeader(h)) out.set(f, Math.max(out.get(f) ?? 0, s));
    // An id that names no field exactly (`sid`, `callId`) is nothing; `Caller ID`, `Cell ID` keep their
    // field. An id whose values are phone numbers ("Customer Identifier": +44…) is a party: the rows decide which.
    if (phoneValues && out.size === 0) {
      for (const f of PHONE_FAMILY) out.set(f, 0.01);
      out.set("ignore", 0.3);
    }
    out.set("ignore", out.size > 0 ? (out.get("ignore") ?? hs.get("ignore") ?? 0) : Math.max(0.9, hs.get("ignore") ?? 0));
    if (out.get("ignore") === 0) out.delete("ignore");
    return out;
  }
  return hs;
}

/** The fields a recognized header leaves open to the values: those it names, and the whole phone family if it names a party. */
export function allowedByHeader(hs: Map<HeaderTarget, number>): Set<MappableField> | null {
  let strongest = 0;
  for (const s of hs.values()) strongest = Math.max(strongest, s);
  if (strongest < 0.7) return null;
  const allowed = new Set<MappableField>();
  for (const [f, s] of hs) if (f !== "ignore" && s > 0) allowed.add(f);
  if (PHONE_FAMILY.some((f) => allowed.has(f))) for (const f of PHONE_FAMILY) allowed.add(f);
  return allowed;
}
