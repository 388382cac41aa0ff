import { phoneDigits } from "./value-kinds";

/**
 * A plain NANP-first conversion to E.164, enough to compare numbers across columns and to
 * report the target. The normalizer (libphonenumber) does the real work on records.
 */
export function toE164(raw: string): string | null {
  const v = raw.trim();
  const digits = phoneDigits(v);
  if (digits === null) return null;
  if (v.startsWith("+")) return `+${digits}`;
  if (digits.length === 10) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith("1")) return `+${digits}`;
  if (digits.startsWith("011")) return `+${digits.slice(3)}`;
  if (digits.startsWith("00")) return `+${digits.slice(2)}`;
  return `+${digits}`;
}
