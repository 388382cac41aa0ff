import type { ColumnProfile } from "../profile-column";

/**
 * The value kinds positional layouts check, by name, so a layout table says `"hangupCause"` and
 * not code. Each gives the share of a column's non-empty sample values that has the kind.
 */
const PATTERNS: Readonly<Record<string, RegExp>> = {
  // Asterisk cdr_csv: disposition, last dial-plan application, channel technology.
  disposition: /^(ANSWERED|NO ANSWER|BUSY|FAILED|CONGESTION)$/,
  lastApp:
    /^(Dial|Queue|Playback|VoiceMail|VoiceMailMain|Hangup|AGI|Answer|BackGround|Macro|Goto|GotoIf|NoOp|Wait|Read|ConfBridge|MeetMe|Park|ParkedCall|Pickup|Transfer|AppDial|AppDial2|AppQueue|ResetCDR|Set|Busy|Congestion|Echo|MixMonitor|Stasis|Bridge|Ringing|Progress|Playtones|SayDigits|Directory|FollowMe|Page|Record|System|ExecIf|Gosub|GosubIf|Return|Senddtmf|SendDTMF|WaitExten|Authenticate|DISA|ChanSpy|Originate|Dictate|MusicOnHold|Milliwatt|Log|Verbose|UserEvent)$/i,
  channel:
    /^(SIP|PJSIP|IAX2|DAHDI|Zap|Local|Console|Skinny|H323|OOH323|MGCP|unistim|Motif|WebSocket|Message|Agent|Parked|Bridge|Recorder|Announcer|Snoop|CBAnn|CBRec|Multicast|UnicastRTP|AudioSocket)\//i,
  // FreeSWITCH: Q.850 hangup cause names (NORMAL_CLEARING, ORIGINATOR_CANCEL…), channel names (sofia/internal/1000@…).
  hangupCause: /^[A-Z0-9]+(?:_[A-Z0-9]+)+$/,
  fsChannel: /^(sofia|loopback|verto|freetdm|rtc|user|skinny|portaudio|error)\//i,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  // Cisco CUCM: record type 0 (start), 1 (end/CDR), 2 (CMR); UTC epoch seconds, 0 when not connected.
  cucmRecordType: /^[0-2]$/,
  epoch: /^1\d{9}$/,
  epochOrZero: /^(?:0|1\d{9})$/,
  // 3CX CDR service: reason-terminated (TerminatedBySrc / TerminatedByDst…).
  threeCxReason: /^(?:TerminatedBy\w+|Failed\w*|Cancelled\w*)$/,
};

const PROFILE: Readonly<Record<string, (p: ColumnProfile) => number>> = {
  dateTime: (p) => p.dateTime,
  integer: (p) => p.integer,
  lengthOfTime: (p) => Math.max(p.integer, p.clockDuration),
};

export function kindShare(kind: string, values: readonly string[], profile: ColumnProfile): number {
  const fromProfile = PROFILE[kind];
  if (fromProfile) return fromProfile(profile);
  const re = PATTERNS[kind];
  if (!re) throw new Error(`Unknown value kind "${kind}" in a layout table`);
  let filled = 0;
  let hits = 0;
  for (const raw of values) {
    const v = raw.trim();
    if (v === "") continue;
    filled++;
    if (re.test(v)) hits++;
  }
  return filled === 0 ? 0 : hits / filled;
}
