/**
 * Asterisk Master.csv lines in the documented cdr_csv column order, for the classifier's tests:
 * ten calls with answered/unanswered/busy dispositions, SIP and PJSIP channels, extensions and
 * NANP numbers as destinations.
 */
const pad = (n: number) => String(n).padStart(2, "0");
const secs = [0, 34, 127, 5, 612, 48, 0, 93, 17, 240];
const disp = ["NO ANSWER", "ANSWERED", "ANSWERED", "BUSY", "ANSWERED", "ANSWERED", "FAILED", "ANSWERED", "ANSWERED", "ANSWERED"];
const apps = ["Dial", "Dial", "Queue", "Dial", "Dial", "VoiceMail", "Dial", "Playback", "Dial", "Dial"];

/** One cdr_csv line in the documented Master.csv order (optionally with uniqueid and userfield). */
export function masterLine(i: number, extra: 0 | 1 | 2): string[] {
  const ring = 3 + (i % 4);
  const start = `2024-02-1${i % 10} 0${i % 10}:1${i % 6}:${pad(10 + i)}`;
  const answered = disp[i] === "ANSWERED";
  const answer = answered ? `2024-02-1${i % 10} 0${i % 10}:1${i % 6}:${pad(10 + i + ring)}` : "";
  const endSec = 10 + i + ring + secs[i]!;
  const end = `2024-02-1${i % 10} 0${i % 10}:${pad(10 + (i % 6) + Math.floor(endSec / 60))}:${pad(endSec % 60)}`;
  const src = String(6000 + i * 11);
  const dst = i % 3 === 0 ? `9141555501${pad(i)}` : String(6100 + i);
  const chan = `${i % 2 ? "PJSIP" : "SIP"}/${src}-0000${pad(i)}a${i}`;
  const row = [
    i % 4 === 0 ? "sales" : "",
    src,
    dst,
    i % 2 ? "from-internal" : "default",
    `"Ext ${src}" <${src}>`,
    chan,
    answered ? `SIP/trunk-0000${pad(i)}b${i}` : "",
    apps[i]!,
    `SIP/${dst},30,tT`,
    start,
    answer,
    end,
    String(secs[i]! + ring),
    String(answered ? secs[i] : 0),
    disp[i]!,
    "DOCUMENTATION",
  ];
  if (extra >= 1) row.push(`17080${pad(i)}312.${i}`);
  if (extra >= 2) row.push("");
  return row;
}

export const csv = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\n");
