import { readParty } from "../normalize/party";
import {
  hasOffset,
  isCallTypeCode,
  isCellId,
  isClock,
  isClockDuration,
  isDateOnly,
  isDateTime,
  isDecimal,
  isDirectionWord,
  isImei,
  isImsi,
  isInteger,
  isBareNationalNumber,
  isPartyId,
  isPhone,
  isPhoneLike,
  isRecordTypeWord,
  isSwitchName,
  isZoneName,
} from "./value-kinds";

/** What a column's sample values look like. Shares are over non-empty values, in [0,1]. */
export interface ColumnProfile {
  /** Non-empty values seen. */
  filled: number;
  /** Share of rows whose cell is empty. */
  emptyShare: number;
  distinct: number;
  /** Share of non-empty values equal to the most frequent one. */
  topShare: number;
  topValue: string | null;
  constant: boolean;
  /** North American and international (+CC, 00, 011) spellings: the strict share (fingerprints use it). */
  phone: number;
  /** Phones in any numbering plan's spelling: `phone` plus national forms (`(080)33118033`, `93412 66159`, `020 7946 0958`). */
  phoneLike: number;
  /** Bare 8–12-digit numbers (`770000000`): national significant numbers or other ids. */
  bareNational: number;
  /**
   * How much the column reads as phone numbers of some plan, in [0,1]: `phoneLike`, plus bare
   * national numbers at 0.8 when they keep one length (a numbering plan's numbers do; ids and
   * counts wander).
   */
  partyNumber: number;
  /** Opaque party ids (`A`, `A_orange`, hex, `sip:…`, extensions): a party only where the header says so. */
  partyId: number;
  /**
   * Parties that are no phone numbers but are calls' parties all the same (issue 17): extensions,
   * service and short codes, SIP addresses, withheld callers (`Restricted`). They make a column of
   * numbers no less a party column; on their own they prove nothing (a duration is digits too).
   */
  spelledParty: number;
  /** Digit strings of phone length (7–15, optional `+`), valid numbers or not. */
  digitString: number;
  date: number;
  clock: number;
  dateTime: number;
  offset: number;
  clockDuration: number;
  integer: number;
  decimal: number;
  imei: number;
  imsi: number;
  /** IMSIs of US/Canada/Mexico networks (MCC 310–316, 302, 334): strict, unlike `imsi`. */
  usImsi: number;
  /** Bare 15-digit values (IMEI or IMSI shaped). */
  fifteenDigits: number;
  cellId: number;
  callTypeCode: number;
  directionWord: number;
  recordTypeWord: number;
  switchName: number;
  zoneName: number;
  /** 1, 2, 3… (an item / row-number column). */
  sequential: boolean;
  /** Integer statistics (0 when there are no integers). */
  intMax: number;
  /** Middle integer value (0 when there are no integers). */
  intMedian: number;
  intZeroShare: number;
  /** Largest minutes part of `M:SS` values: small for seizure times, large for call lengths. */
  clockMax: number;
}

function share(values: string[], test: (v: string) => boolean): number {
  if (values.length === 0) return 0;
  let n = 0;
  for (const v of values) if (test(v)) n++;
  return n / values.length;
}

function isSequential(values: string[]): boolean {
  if (values.length < 3 || !values.every((v) => /^\d{1,7}$/.test(v))) return false;
  let steps = 0;
  for (let i = 1; i < values.length; i++) if (Number(values[i]) === Number(values[i - 1]) + 1) steps++;
  return steps / (values.length - 1) >= 0.9;
}

/** At least 80 % of the values have one length (±1 digit): numbers of one numbering plan. */
function steadyLength(values: string[]): boolean {
  if (values.length === 0) return false;
  const byLength = new Map<number, number>();
  for (const v of values) byLength.set(v.length, (byLength.get(v.length) ?? 0) + 1);
  let best = 0;
  for (const [len, n] of byLength) best = Math.max(best, n + (byLength.get(len + 1) ?? 0));
  return best / values.length >= 0.8;
}

const SPELLED_KINDS = new Set(["extension", "service", "short_code", "sip", "withheld"]);
function isSpelledParty(v: string): boolean {
  const c = readParty(v, null);
  return typeof c === "object" && SPELLED_KINDS.has(c.kind);
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function clockSeconds(v: string): number {
  const parts = v.split(":").map(Number);
  return parts.reduce((acc, p) => acc * 60 + (Number.isFinite(p) ? p : 0), 0);
}

export function profileColumn(rawValues: string[]): ColumnProfile {
  const values = rawValues.map((v) => v.trim()).filter((v) => v !== "");
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let topValue: string | null = null;
  let topCount = 0;
  for (const [v, c] of counts) if (c > topCount) [topValue, topCount] = [v, c];
  const ints = values.filter(isInteger).map(Number);
  const phoneLike = share(values, isPhoneLike);
  const bare = values.filter(isBareNationalNumber);
  const bareNational = values.length ? bare.length / values.length : 0;
  const clockDurations = values.filter(isClockDuration).map(clockSeconds);
  return {
    filled: values.length,
    emptyShare: rawValues.length === 0 ? 1 : 1 - values.length / rawValues.length,
    distinct: counts.size,
    topShare: values.length === 0 ? 0 : topCount / values.length,
    topValue,
    constant: counts.size === 1 && values.length >= 2,
    phone: share(values, isPhone),
    phoneLike,
    bareNational,
    partyNumber: Math.min(1, phoneLike + bareNational * (steadyLength(bare) ? 0.8 : 0.4)),
    partyId: share(values, isPartyId),
    spelledParty: share(values, isSpelledParty),
    digitString: share(values, (v) => /^\+?\d{7,15}$/.test(v)),
    date: share(values, isDateOnly),
    clock: share(values, isClock),
    dateTime: share(values, isDateTime),
    offset: share(values, hasOffset),
    clockDuration: share(values, isClockDuration),
    integer: share(values, isInteger),
    decimal: share(values, isDecimal),
    imei: share(values, isImei),
    imsi: share(values, isImsi),
    usImsi: share(values, (v) => /^(31[0-6]|302|334)\d{12}$/.test(v)),
    fifteenDigits: share(values, (v) => /^\d{15}$/.test(v)),
    cellId: share(values, isCellId),
    callTypeCode: share(values, isCallTypeCode),
    directionWord: share(values, isDirectionWord),
    recordTypeWord: share(values, isRecordTypeWord),
    switchName: share(values, isSwitchName),
    zoneName: share(values, isZoneName),
    sequential: isSequential(values),
    intMax: ints.length ? Math.max(...ints) : 0,
    intMedian: median(ints),
    intZeroShare: ints.length ? ints.filter((n) => n === 0).length / ints.length : 0,
    clockMax: clockDurations.length ? Math.max(...clockDurations) : 0,
  };
}

/** A short, stable word for the dominant kind of a column (used by headerless fingerprints). */
export function dominantKind(p: ColumnProfile): string {
  if (p.filled === 0) return "empty";
  const kinds: [string, number][] = [
    ["phone", p.phone],
    ["datetime", p.dateTime],
    ["date", p.date],
    ["clock", p.clock],
    ["imei", p.imei],
    ["imsi", p.imsi > p.imei ? p.imsi : 0],
    ["cell", p.cellId],
    ["code", Math.max(p.callTypeCode, p.directionWord, p.recordTypeWord)],
    ["switch", p.switchName],
    ["duration", p.clockDuration],
    ["int", p.integer],
  ];
  let best = "text";
  let bestShare = 0.6;
  for (const [k, s] of kinds) if (s > bestShare) [best, bestShare] = [k, s];
  return best;
}
