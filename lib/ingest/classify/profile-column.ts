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
  isPhone,
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
  phone: number;
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
  const clockDurations = values.filter(isClockDuration).map(clockSeconds);
  return {
    filled: values.length,
    emptyShare: rawValues.length === 0 ? 1 : 1 - values.length / rawValues.length,
    distinct: counts.size,
    topShare: values.length === 0 ? 0 : topCount / values.length,
    topValue,
    constant: counts.size === 1 && values.length >= 2,
    phone: share(values, isPhone),
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
