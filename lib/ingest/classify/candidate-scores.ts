import { MAPPABLE_FIELDS, type MappableField } from "../../schemas/fields";
import type { HeaderTarget } from "./header-synonyms";
import { allowedByHeader, constrainHeader, isLetterParty } from "./header-semantics";
import type { PhoneRole } from "./phone-role-evidence";
import type { ColumnProfile } from "./profile-column";
import type { HeaderScore } from "./score-header";
import { partyIdFit, valueFit } from "./value-fit";

/** Fields whose headers are used loosely for each other; the values choose within the family. */
const FAMILIES: readonly (readonly MappableField[])[] = [
  ["start_time", "start_date", "start_clock"],
  ["direction", "record_type", "call_type"],
  ["cell_first", "cell_last"],
];
const FAMILY_DISCOUNT = 0.85;
const PHONE_ROLES: readonly PhoneRole[] = ["caller", "callee", "target", "dialed_digits", "counterparty"];

/** What values alone still earn for a field a recognized header rules out: never enough to be assigned. */
const OUTSIDE_HEADER = 0.2;

/** How much a column with a silent header is trusted on values alone. */
export const VALUE_ONLY_WEIGHT = { headerless: 0.6, unrecognizedHeader: 0.5, roleEvidence: 0.75 } as const;

/**
 * Read from values alone, some fields look exactly like others (dialed digits like any phone,
 * an end time like a start time, the other party of a one-subscriber log like any party: only a
 * header or the rows make a column that): these nudges make the common reading win, and ties fall to
 * the carriers' usual left-to-right order (start before end, first cell before last).
 */
const VALUE_ONLY_NUDGE: Partial<Record<MappableField, number>> = { dialed_digits: 0.7, end_time: 0.97, cell_last: 0.98, target: 0.9, counterparty: 0.5 };

export interface ColumnCandidates {
  /** Score per field in [0,1]; `null` key = the column maps to nothing. */
  scores: Map<MappableField | null, number>;
  /** Header score per field (family-expanded), for review messages. */
  header: Map<HeaderTarget, number>;
  fit: Map<MappableField, number>;
}

function familyExpanded(h: HeaderScore): Map<HeaderTarget, number> {
  const out = new Map(h.scores);
  for (const family of FAMILIES) {
    const best = Math.max(0, ...family.map((f) => h.scores.get(f) ?? 0));
    for (const f of family) out.set(f, Math.max(out.get(f) ?? 0, best * FAMILY_DISCOUNT));
  }
  return out;
}

/**
 * What a column's header says, after header semantics (ids are never measures, a party's type or
 * name is not its number): a score per field, family-expanded.
 */
export function headerScores(profile: ColumnProfile, header: HeaderScore | null): Map<HeaderTarget, number> {
  if (!header) return new Map();
  if (header.normalized.tokens.length === 0) return familyExpanded(header);
  return constrainHeader(header.normalized, familyExpanded(header), profile.partyNumber >= 0.8);
}

/** A header naming a party leaves its values free to be ids (`correspondent_id`: A, E…). */
const NAMES_PARTY = 0.7;

/**
 * Header AND values → a score per candidate field for one column. `idsAreParties`: the column is
 * a party column of ids found from the rows (a headerless subscriber/partner pair), so ids fit
 * party fields without a header saying so.
 */
export function candidateScores(
  profile: ColumnProfile,
  header: HeaderScore | null,
  evidence: Partial<Record<PhoneRole, number>> | undefined,
  idsAreParties = false,
): ColumnCandidates {
  const headerSilent = !header || header.normalized.tokens.length === 0;
  // Header semantics first: ids are never measures, a party's type or name is not its number,
  // and a recognized header leaves the values to choose only among the fields it allows.
  const hs = headerScores(profile, header);
  const allowed = headerSilent ? null : allowedByHeader(hs);
  // "MSISDN" or "Phone Number" may name the target or any party: only caller/callee/dialed/other-party words fix a role.
  const roleHeader = Math.max(0, ...(["caller", "callee", "dialed_digits", "counterparty"] as const).map((r) => hs.get(r) ?? 0));
  const namesParty = !headerSilent && Math.max(0, ...PHONE_ROLES.map((r) => hs.get(r) ?? 0)) >= NAMES_PARTY;
  // The other party of a one-subscriber log (from the rows): not the caller, the callee or the target.
  const namesSide = !headerSilent && !isLetterParty(header.normalized) && ["caller", "callee"].some((r) => (hs.get(r as HeaderTarget) ?? 0) >= 0.95);
  const otherParty = (evidence?.counterparty ?? 0) >= 0.8 && !namesSide;
  const scores = new Map<MappableField | null, number>();
  const fit = new Map<MappableField, number>();
  for (const field of MAPPABLE_FIELDS) {
    const f = namesParty || idsAreParties ? Math.max(valueFit(field, profile), partyIdFit(field, profile)) : valueFit(field, profile);
    fit.set(field, f);
    const h = hs.get(field) ?? 0;
    const valueOnly = f * (headerSilent ? VALUE_ONLY_WEIGHT.headerless : VALUE_ONLY_WEIGHT.unrecognizedHeader) * (VALUE_ONLY_NUDGE[field] ?? 1);
    let s = h > 0 ? h * (0.35 + 0.65 * f) : valueOnly;
    const role = PHONE_ROLES.find((r) => r === field);
    const ev = role ? evidence?.[role] : undefined;
    if (role && ev !== undefined) {
      if (roleHeader < 0.5) {
        // The header does not name a role: the values decide, capped below what a header earns.
        const cap = headerSilent ? VALUE_ONLY_WEIGHT.headerless : VALUE_ONLY_WEIGHT.roleEvidence;
        s = Math.max(role === "caller" || role === "callee" ? 0 : s, cap * ev * f);
      } else if (h >= 0.5 && ev < 0.3 && (role === "caller" || role === "callee")) {
        // The header names a role the rows contradict (the target sits on the wrong side).
        s *= 0.6;
      }
    }
    if (otherParty && role === "counterparty") s = Math.max(s, (headerSilent ? VALUE_ONLY_WEIGHT.headerless : VALUE_ONLY_WEIGHT.roleEvidence) * ev! * f);
    else if (otherParty && role) s *= 0.6;
    if (allowed && !allowed.has(field)) s = Math.min(s, valueOnly * OUTSIDE_HEADER);
    scores.set(field, s);
  }
  const ignore = hs.get("ignore") ?? 0;
  scores.set(null, ignore > 0 ? ignore : 0.25);
  return { scores, header: hs, fit };
}
