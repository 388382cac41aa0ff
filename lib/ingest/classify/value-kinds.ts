/**
 * Predicates for what a single cell value looks like. Column profiles are shares of these
 * over a sample, so each predicate stays cheap and strict: a false positive on one value
 * matters less than a predicate that matches everything.
 */

const PUNCTUATED_NANP = /^\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}$/;

/** Digits of a phone-like value, or null when it does not look like a phone number. */
export function phoneDigits(raw: string): string | null {
  const v = raw.trim();
  if (v === "") return null;
  if (/^\+\d{7,15}$/.test(v.replace(/[\s.\-()]/g, ""))) return v.replace(/\D/g, "");
  if (PUNCTUATED_NANP.test(v)) return v.replace(/\D/g, "");
  if (/^1[\s.-]\d{3}[\s.-]\d{3}[\s.-]\d{4}$/.test(v)) return v.replace(/\D/g, "");
  if (!/^\d+$/.test(v)) return null;
  if (v.length === 10 && /^[2-9]/.test(v)) return v;
  if (v.length === 11 && v.startsWith("1") && /^1[2-9]/.test(v)) return v;
  // International dialing prefixes: 011 (NANP) and 00 (most of the world).
  if (/^011\d{7,15}$/.test(v) || /^00[1-9]\d{6,14}$/.test(v)) return v;
  return null;
}

export function isPhone(raw: string): boolean {
  return phoneDigits(raw) !== null;
}

/** An area code in parentheses, then the subscriber digits: `(080)33118033`, `(04344) 322628`, `(0)20 7946 0958`. */
const PARENTHESIZED_AREA = /^\(\d{1,6}\)[\s.-]?\d[\d\s.-]{3,13}\d$/;
/** Digit groups as national plans print them: `93412 66159`, `020 7946 0958`, `06-12 34 56 78`, `030/1234567`. */
const GROUPED_DIGITS = /^\d{2,5}(?:[\s.\-/]\d{2,8}){1,4}$/;
/** A trunk prefix 0 and 7–12 more digits (`07700900123`, `0201234567`); `00…` is the international prefix, not a trunk 0. */
const TRUNK_ZERO = /^0[1-9]\d{6,11}$/;

/**
 * Digits of a number written the way national numbering plans write them (any country, no US
 * rules): digit groups, a leading trunk `0`, an area code in parentheses. Only values that are
 * not already phones by {@link phoneDigits}, and not dates, clocks, cell ids, decimals or IP
 * addresses. 7–13 digits: a national number with its trunk prefix.
 */
export function nationalPhoneDigits(raw: string): string | null {
  const v = raw.trim();
  if (v === "" || v.length > 24 || !/^[\d\s().\-/]+$/.test(v)) return null;
  if (!(PARENTHESIZED_AREA.test(v) || GROUPED_DIGITS.test(v) || TRUNK_ZERO.test(v))) return null;
  const digits = v.replace(/\D/g, "");
  if (digits.length < 7 || digits.length > 13) return null;
  if (isDateOnly(v) || isClock(v) || isCellId(v) || isDecimal(v) || isDateTime(v)) return null;
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(v) || /^\d+[.,]\d+$/.test(v)) return null; // an IPv4 address, a decimal (latitude 42.139876)
  // Thousands grouping of a count ("1 234 567", "12.345.678"): groups of exactly three after the first.
  if (/^\d{1,3}(?:([\s.])\d{3})(?:\1\d{3})*$/.test(v) && !/^0/.test(v)) return null;
  return digits;
}

/** A phone number in any numbering plan's usual spelling: international, North American, or national (grouped, trunk 0, area code in parentheses). */
export function isPhoneLike(raw: string): boolean {
  return phoneDigits(raw) !== null || nationalPhoneDigits(raw) !== null;
}

/**
 * 8–12 bare digits not starting with 0: a national significant number (9-digit MSISDNs
 * `770000000`, 8-digit Nordic numbers) — or any other identifier of that length, so columns of
 * these count as phones only with weight (see profile `partyNumber`). Unix times and YYYYMMDD
 * dates are excluded; strict phones are counted by {@link isPhone}.
 */
export function isBareNationalNumber(raw: string): boolean {
  const v = raw.trim();
  if (!/^[1-9]\d{7,11}$/.test(v)) return false;
  return !isPhone(v) && !isEpoch(v) && !isDateOnly(v);
}

/**
 * An opaque party identifier as one-subscriber data sets and PBXs write parties: `A`, `E`,
 * `A_orange`, `u_42`, a hex key, `sip:1001@pbx`, an extension `1001`. Only a header that names
 * a party makes a column of these a party (they look like any code otherwise); words the
 * engine reads as directions, record types or call-type codes are not ids.
 */
export function isPartyId(raw: string): boolean {
  const v = raw.trim();
  if (v === "" || v.length > 64) return false;
  if (/^\d{2,7}$/.test(v)) return true; // extensions and short numbers
  if (!/^[A-Za-z0-9][A-Za-z0-9_.:@+-]*$/.test(v) || !/[A-Za-z]/.test(v)) return false;
  return !isDirectionWord(v) && !isRecordTypeWord(v) && !isCallTypeCode(v) && !isZoneName(v) && !isDateTime(v) && !isDateOnly(v) && !isClock(v) && !isClockDuration(v);
}

/** 15 digits passing the Luhn check. */
export function isImei(raw: string): boolean {
  const v = raw.trim();
  if (!/^\d{15}$/.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    let d = v.charCodeAt(14 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** 15 digits starting with a mobile country code; US/CA/MX codes checked strictly, others loosely. */
export function isImsi(raw: string): boolean {
  const v = raw.trim();
  if (!/^\d{15}$/.test(v)) return false;
  return /^(31[0-6]|302|334|2\d\d|4\d\d|5\d\d|6\d\d|7[0-4]\d)/.test(v);
}

const DATE_PART = String.raw`(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}[- ][A-Za-z]{3}[- ]\d{2,4}|\d{8})`;
const CLOCK_PART = String.raw`\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,6})?)?(?:\s?[AaPp]\.?[Mm]\.?)?`;
const OFFSET_PART = String.raw`(?:\s?(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT))`;

const DATE_RE = new RegExp(`^${DATE_PART}$`);
const CLOCK_RE = new RegExp(`^${CLOCK_PART}$`);
const DATETIME_RE = new RegExp(`^${DATE_PART}(?:[T ]|, )${CLOCK_PART}${OFFSET_PART}?$`);
const OFFSET_RE = new RegExp(`${OFFSET_PART}$`);

export function isDateOnly(raw: string): boolean {
  const v = raw.trim();
  if (!DATE_RE.test(v)) return false;
  // Eight bare digits are only a date when they read as YYYYMMDD in a plausible range.
  if (/^\d{8}$/.test(v)) return /^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/.test(v);
  return true;
}

/** A time of day: 24-hour with seconds, or a 12-hour clock with AM/PM. */
export function isClock(raw: string): boolean {
  const v = raw.trim();
  if (!CLOCK_RE.test(v)) return false;
  if (/[AaPp]\.?[Mm]/.test(v)) return true;
  const [h] = v.split(":");
  return v.split(":").length === 3 && Number(h) < 24;
}

export function isDateTime(raw: string): boolean {
  return DATETIME_RE.test(raw.trim()) || isEpoch(raw);
}

/** Unix seconds or milliseconds in 2001–2033. Ten digits starting with 1 cannot be a NANP number, so no clash. */
export function isEpoch(raw: string): boolean {
  const v = raw.trim();
  return /^1\d{9}$/.test(v) || /^1\d{12}$/.test(v);
}

export function hasOffset(raw: string): boolean {
  const v = raw.trim();
  return DATETIME_RE.test(v) && OFFSET_RE.test(v);
}

/** `M:SS`, `MM:SS`, `H:MM:SS`, `mmm:ss`: a length of time rather than a time of day. */
export function isClockDuration(raw: string): boolean {
  return /^\d{1,4}:[0-5]\d(?::[0-5]\d)?(?:\.\d+)?$/.test(raw.trim());
}

export function isInteger(raw: string): boolean {
  return /^\d{1,9}$/.test(raw.trim());
}

export function isDecimal(raw: string): boolean {
  return /^\d{1,7}[.,]\d{1,3}$/.test(raw.trim());
}

/** Cell identifiers as carriers print them: `12345-2`, `310-260-1234-56789`, `2083`. */
export function isCellId(raw: string): boolean {
  const v = raw.trim();
  return /^\d{2,6}[-/:]\d{1,5}$/.test(v) || /^\d{3}-\d{2,3}-\d{1,5}-\d{1,9}$/.test(v);
}

const CALL_TYPE_CODES = new Set([
  "mo",
  "mt",
  "smsmo",
  "smsmt",
  "sms-mo",
  "sms-mt",
  "mmsmo",
  "mmsmt",
  "moc",
  "mtc",
  "cf",
  "cfu",
  "cfb",
  "fwd",
  "msoriginating",
  "msterminating",
  "msoriginatingsmsinmsc",
  "msterminatingsmsinmsc",
  "callforwarding",
  "smsc",
  "rcs-imchat",
  "voice-mo",
  "voice-mt",
  "data",
  "gprs",
  "roam",
  "mo-sms",
  "mt-sms",
]);

export function isCallTypeCode(raw: string): boolean {
  return CALL_TYPE_CODES.has(raw.trim().toLowerCase().replace(/_/g, "-"));
}

const DIRECTION_WORDS = new Set([
  "in",
  "out",
  "incoming",
  "outgoing",
  "inbound",
  "outbound",
  "i",
  "o",
  "received",
  "dialed",
  "dialled",
  "sent",
  "missed",
  "entrante",
  "saliente",
  "entrant",
  "sortant",
  "eingehend",
  "ausgehend",
  "recebida",
  "efetuada",
  "entrada",
  "saida",
  "saída",
  "in entrata",
  "in uscita",
  "entrata",
  "uscita",
  "mo",
  "mt",
  "terminating",
  "originating",
]);

export function isDirectionWord(raw: string): boolean {
  return DIRECTION_WORDS.has(raw.trim().toLowerCase());
}

const RECORD_TYPE_WORDS = new Set([
  "voice",
  "sms",
  "mms",
  "text",
  "call",
  "data",
  "gprs",
  "message",
  "msg",
  "video",
  "voice call",
  "text message",
  "anruf",
  "llamada",
  "appel",
  "chamada",
  "chiamata",
  "mensaje",
  "nachricht",
  "sprache",
  "voz",
  "voix",
  "dados",
  "volte",
  "lte data",
  "internet",
  "ussd",
  "voicemail",
]);

export function isRecordTypeWord(raw: string): boolean {
  return RECORD_TYPE_WORDS.has(raw.trim().toLowerCase());
}

/** Switch / network element names such as `NYCMSC01`, `LAXMSC02`, `MSS-DAL-3`. */
export function isSwitchName(raw: string): boolean {
  const v = raw.trim();
  return /^[A-Z]{2,6}[-_]?(?:MSC|MSS|SW|SGSN|GGSN|MME|CSCF)[-_]?\d{0,3}$/i.test(v) || /^(?:MSC|MSS)[-_]?[A-Z0-9]{2,8}$/i.test(v);
}

/** IANA names and common abbreviations in a zone column. */
export function isZoneName(raw: string): boolean {
  const v = raw.trim();
  return /^(?:[A-Z][a-z]+\/[A-Za-z_]+|UTC|GMT|[ECMP][SD]T|Z|[+-]\d{2}:?\d{2}|UTC[+-]\d{1,2}(?::?\d{2})?)$/.test(v);
}
