import type { Carrier, MappableField } from "../../schemas/fields";
import type { ColumnMapping } from "../../schemas/mapping";
import type { TableSample } from "../types";
import type { ColumnAnalysis } from "./map-columns";
import { columnFormat } from "./value-format";

/**
 * Documented layouts beside the four carriers (issue 17). Each recognizer answers with a whole
 * mapping and how sure it is, or null.
 *
 * Asterisk `Master.csv` (cdr_csv) has no header and a fixed, documented column order:
 * accountcode, src, dst, dcontext, clid, channel, dstchannel, lastapp, lastdata, start, answer,
 * end, duration, billsec, disposition, amaflags[, uniqueid[, userfield]].
 * The canonical duration is `billsec` (answer → hangup: the talk time, 0 for an unanswered call,
 * as carriers report it); `duration` (start → hangup, ringing included) is left unmapped.
 * Times are the server's local time with no zone, so such files still go to review for the zone.
 */
export interface BuiltinLayout {
  carrier: Carrier;
  /** How sure the recognition is, in [0,1]. */
  confidence: number;
  columns: ColumnMapping[];
}

const ASTERISK_ORDER = [
  "accountcode", "src", "dst", "dcontext", "clid", "channel", "dstchannel", "lastapp", "lastdata",
  "start", "answer", "end", "duration", "billsec", "disposition", "amaflags", "uniqueid", "userfield",
] as const;

/** The canonical field of each Asterisk CDR variable; the rest map to nothing. */
const ASTERISK_FIELDS: Partial<Record<string, MappableField>> = {
  src: "caller", dst: "callee", start: "start_time", calldate: "start_time", end: "end_time", billsec: "duration_seconds",
};
/** Header names only an Asterisk CDR (cdr_csv / cdr_custom / cdr_adaptive_odbc) uses. */
const ASTERISK_HEADER_MARKERS = new Set(["dcontext", "dstchannel", "lastapp", "lastdata", "amaflags", "billsec", "disposition", "uniqueid", "userfield", "accountcode", "clid", "linkedid", "peeraccount"]);

const DISPOSITION = /^(ANSWERED|NO ANSWER|BUSY|FAILED|CONGESTION)$/;
const LAST_APP = /^(Dial|Queue|Playback|VoiceMail|VoiceMailMain|Hangup|AGI|Answer|BackGround|Macro|Goto|GotoIf|NoOp|Wait|Read|ConfBridge|MeetMe|Park|ParkedCall|Pickup|Transfer|AppDial|AppDial2|AppQueue|ResetCDR|Set|Busy|Congestion|Echo|MixMonitor|Stasis|Bridge|Ringing|Progress|Playtones|SayDigits|Directory|FollowMe|Page|Record|System|ExecIf|Gosub|GosubIf|Return|Senddtmf|SendDTMF|WaitExten|Authenticate|DISA|ChanSpy|Originate|Dictate|MusicOnHold|Milliwatt|Log|Verbose|UserEvent)$/i;
const CHANNEL = /^(SIP|PJSIP|IAX2|DAHDI|Zap|Local|Console|Skinny|H323|OOH323|MGCP|unistim|Motif|WebSocket|Message|Agent|Parked|Bridge|Recorder|Announcer|Snoop|CBAnn|CBRec|Multicast|UnicastRTP|AudioSocket)\//i;

function share(values: string[], re: RegExp): number {
  const filled = values.map((v) => v.trim()).filter((v) => v !== "");
  if (filled.length === 0) return 0;
  return filled.filter((v) => re.test(v)).length / filled.length;
}

function mapping(sample: TableSample, a: ColumnAnalysis, fieldOf: (i: number) => MappableField | null, confidence: number): ColumnMapping[] {
  return a.values.map((values, i) => {
    const field = fieldOf(i);
    const header = a.headerless ? "" : (sample.headers[i] ?? "");
    return {
      index: i,
      header,
      field,
      confidence: Math.round(confidence * 1000) / 1000,
      format: columnFormat(field, a.profiles[i]!, a.headerless ? null : a.headers[i]!, values),
    };
  });
}

/** Headerless Master.csv: 16–18 columns whose disposition, last application, channel and times sit where cdr_csv writes them. */
function asteriskHeaderless(sample: TableSample, a: ColumnAnalysis): BuiltinLayout | null {
  const n = a.values.length;
  if (!a.headerless || n < 16 || n > 18) return null;
  const disposition = share(a.values[14]!, DISPOSITION);
  const lastApp = share(a.values[7]!, LAST_APP);
  const channel = share(a.values[5]!, CHANNEL);
  const times = Math.min(a.profiles[9]!.dateTime, a.profiles[11]!.dateTime);
  const ints = Math.min(a.profiles[12]!.integer, a.profiles[13]!.integer);
  const signature = (2 * disposition + lastApp + channel + times + ints) / 6;
  if (disposition < 0.6 && (lastApp < 0.6 || channel < 0.6)) return null;
  if (signature < 0.6 || times < 0.6) return null;
  const fieldOf = (i: number) => ASTERISK_FIELDS[ASTERISK_ORDER[i]!] ?? null;
  return { carrier: "asterisk", confidence: signature, columns: mapping(sample, a, fieldOf, 0.5 + 0.5 * signature) };
}

/** Master.csv with a header row, or a cdr_custom file whose header names the CDR variables: mapped by header. */
function asteriskWithHeader(sample: TableSample, a: ColumnAnalysis): BuiltinLayout | null {
  if (a.headerless) return null;
  const names = sample.headers.map((h) => h.trim().toLowerCase().replace(/^\uFEFF/, "").replace(/^cdr\((.*)\)$/, "$1"));
  const markers = names.filter((h) => ASTERISK_HEADER_MARKERS.has(h)).length;
  if (markers < 4 || !names.includes("src") || !names.includes("dst")) return null;
  const hasBillsec = names.includes("billsec");
  const hasStart = names.includes("start");
  const fieldOf = (i: number): MappableField | null => {
    const h = names[i]!;
    if (h === "duration" && !hasBillsec) return "duration_seconds";
    if (h === "calldate" && hasStart) return null;
    return ASTERISK_FIELDS[h] ?? null;
  };
  const confidence = Math.min(1, 0.6 + 0.05 * markers);
  return { carrier: "asterisk", confidence, columns: mapping(sample, a, fieldOf, 0.97) };
}

export function builtinLayout(sample: TableSample, a: ColumnAnalysis): BuiltinLayout | null {
  return asteriskHeaderless(sample, a) ?? asteriskWithHeader(sample, a);
}
