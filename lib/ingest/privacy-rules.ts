import type { CanonicalRecord } from "../schemas/record";

export interface PrivacyRuleInput {
  /** Digits of a number or prefix, with or without "+". */
  pattern: string;
  kind: "number" | "prefix";
  action: "mask" | "suppress";
}

export type PrivacyVerdict = "keep" | "suppress";

const digitsOf = (s: string) => s.replace(/\D/g, "");

/** Keeps the country code + 3 digits and the last 2, so an analyst still sees which line it was. */
export function maskNumber(e164: string): string {
  const d = digitsOf(e164);
  if (d.length <= 6) return "+" + "*".repeat(d.length);
  return `+${d.slice(0, 4)}${"*".repeat(d.length - 6)}${d.slice(-2)}`;
}

const PARTIES = [
  ["caller", "caller_raw"],
  ["callee", "callee_raw"],
  ["target", "target_raw"],
] as const;

/**
 * Compiles admin-defined rules once per job into a function applied to every record before it
 * is hashed: masked numbers are stored (and deduplicated) masked; suppressed records never load.
 */
export function compilePrivacyRules(rules: PrivacyRuleInput[]): (record: CanonicalRecord) => PrivacyVerdict {
  if (rules.length === 0) return () => "keep";
  const compiled = rules.map((r) => ({ ...r, digits: digitsOf(r.pattern) })).filter((r) => r.digits.length > 0);
  const match = (num: string | null) => {
    if (!num) return null;
    const d = digitsOf(num);
    let verdict: PrivacyRuleInput["action"] | null = null;
    for (const r of compiled) {
      const hit = r.kind === "number" ? d === r.digits : d.startsWith(r.digits);
      if (hit && (verdict === null || r.action === "suppress")) verdict = r.action;
    }
    return verdict;
  };
  return (record) => {
    let suppress = false;
    for (const [key, rawKey] of PARTIES) {
      // A party without an E.164 form (a national or invalid number) is matched by its raw digits.
      const e164 = record[key];
      const action = match(e164 ?? record[rawKey]);
      if (action === "suppress") suppress = true;
      else if (action === "mask") {
        if (e164) record[key] = maskNumber(e164);
        // The raw value would show what the mask hides.
        if (record[rawKey]) record[rawKey] = e164 ? maskNumber(e164) : maskNumber(record[rawKey]);
      }
    }
    if (record.dialed_digits && match(record.dialed_digits)) record.dialed_digits = maskNumber(record.dialed_digits);
    return suppress ? "suppress" : "keep";
  };
}
