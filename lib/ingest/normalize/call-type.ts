import type { Direction, RecordType } from "../../schemas/fields";

export interface CallTypeInfo {
  direction?: Direction;
  record_type?: RecordType;
}

/**
 * Carrier call-type codes and free text → direction and/or record type.
 * Codes: MO/MT, MOC/MTC, SMSMO/SMSMT, SMS-MO, mSOriginating, mSTerminatingSMSinMSC, callForwarding,
 * RCS-IMChat, GPRS/PDP… Words: In/Out, Incoming, inbound, Received, Dialed, Missed, Eingehend,
 * Ausgehend, Entrante, Saliente, Entrant, Sortant; Voice, Call, SMS, Text, MMS, Data, Anruf,
 * Llamada, Appel. Unknown text gives {} so the caller falls back to the next source.
 */
export function callTypeInfo(raw: string): CallTypeInfo {
  const hit = memo.get(raw);
  if (hit) return hit;
  const info = Object.freeze(classify(raw));
  if (memo.size >= 5_000) memo.clear();
  memo.set(raw, info);
  return info;
}

const memo = new Map<string, CallTypeInfo>();

function classify(raw: string): CallTypeInfo {
  const key = raw.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  if (!key) return {};
  const exact = EXACT.get(key.replace(/[^a-z0-9]/g, ""));
  if (exact) return exact;
  const words = key.split(/[^a-z0-9]+/).filter(Boolean);
  const info: CallTypeInfo = {};
  for (const word of words) {
    const w = EXACT.get(word) ?? WORDS.get(word);
    if (!w) continue;
    if (w.direction && !info.direction) info.direction = w.direction;
    if (w.record_type && (!info.record_type || info.record_type === "voice")) info.record_type = w.record_type;
  }
  return info;
}

const OUT = "outgoing" as const;
const IN = "incoming" as const;

/** Whole values, compared with punctuation removed ("SMS-MO" → "smsmo"). */
const EXACT = new Map<string, CallTypeInfo>([
  ["mo", { direction: OUT, record_type: "voice" }], ["mt", { direction: IN, record_type: "voice" }],
  ["moc", { direction: OUT, record_type: "voice" }], ["mtc", { direction: IN, record_type: "voice" }],
  ["mocall", { direction: OUT, record_type: "voice" }], ["mtcall", { direction: IN, record_type: "voice" }],
  ["mocallrecord", { direction: OUT, record_type: "voice" }], ["mtcallrecord", { direction: IN, record_type: "voice" }],
  ["msoriginating", { direction: OUT, record_type: "voice" }], ["msterminating", { direction: IN, record_type: "voice" }],
  ["smsmo", { direction: OUT, record_type: "sms" }], ["smsmt", { direction: IN, record_type: "sms" }],
  ["mosms", { direction: OUT, record_type: "sms" }], ["mtsms", { direction: IN, record_type: "sms" }],
  ["mosmsrecord", { direction: OUT, record_type: "sms" }], ["mtsmsrecord", { direction: IN, record_type: "sms" }],
  ["smso", { direction: OUT, record_type: "sms" }], ["smst", { direction: IN, record_type: "sms" }],
  ["msoriginatingsmsinmsc", { direction: OUT, record_type: "sms" }], ["msterminatingsmsinmsc", { direction: IN, record_type: "sms" }],
  ["msoriginatingsmsinsmsiwmsc", { direction: OUT, record_type: "sms" }], ["msterminatingsmsinsmsgmsc", { direction: IN, record_type: "sms" }],
  ["mmsmo", { direction: OUT, record_type: "mms" }], ["mmsmt", { direction: IN, record_type: "mms" }],
  ["smsc", { record_type: "sms" }], ["sms", { record_type: "sms" }], ["mms", { record_type: "mms" }],
  ["callforwarding", { record_type: "voice" }], ["cf", { record_type: "voice" }], ["cfu", { record_type: "voice" }],
  ["rcsimchat", { record_type: "sms" }], ["rcs", { record_type: "sms" }], ["imchat", { record_type: "sms" }],
  ["gprs", { record_type: "data" }], ["pdp", { record_type: "data" }], ["sgsnpdprecord", { record_type: "data" }],
  ["ggsnpdprecord", { record_type: "data" }], ["pgwrecord", { record_type: "data" }], ["sgwrecord", { record_type: "data" }],
  ["data", { record_type: "data" }], ["lte", { record_type: "data" }], ["internet", { record_type: "data" }],
  ["i", { direction: IN }], ["o", { direction: OUT }], ["in", { direction: IN }], ["out", { direction: OUT }],
]);

/** Single words inside free text ("Outgoing Call", "SMS received", "Llamada saliente"). */
const WORDS = new Map<string, CallTypeInfo>([
  ...dir(IN, ["incoming", "inbound", "received", "receive", "recv", "missed", "terminating", "term", "mt",
    "eingehend", "eingehende", "empfangen", "verpasst", "entrante", "recibida", "recibido", "perdida", "entrant", "entrante",
    "recu", "recue", "manque", "entrada", "entrata", "ricevuta", "inkommend"]),
  ...dir(OUT, ["outgoing", "outbound", "dialed", "dialled", "sent", "originating", "orig", "mo",
    "ausgehend", "ausgehende", "gewahlt", "gesendet", "saliente", "realizada", "enviado", "enviada", "sortant", "sortante",
    "emis", "envoye", "salida", "uscita", "effettuata", "uitgaand"]),
  ...type("voice", ["voice", "call", "calls", "phone", "anruf", "gesprach", "telefonat", "llamada", "voz", "appel", "voix", "chiamata", "telephony"]),
  ...type("sms", ["sms", "text", "texto", "message", "messages", "msg", "nachricht", "mensaje", "mensagem", "chat", "imessage"]),
  ...type("mms", ["mms", "picture", "multimedia"]),
  ...type("data", ["data", "daten", "datos", "donnees", "gprs", "internet", "pdp", "session", "lte", "umts"]),
]);

function dir(direction: Direction, words: string[]): [string, CallTypeInfo][] {
  return words.map((w) => [w, { direction }]);
}
function type(record_type: RecordType, words: string[]): [string, CallTypeInfo][] {
  return words.map((w) => [w, { record_type }]);
}
