import { describe, expect, it } from "vitest";
import type { MappableField } from "../../schemas/fields";
import { isIdHeader, isPartyAttribute, partyOfIdHeader } from "./header-semantics";
import { mapColumns } from "./map-columns";
import { normalizeHeader } from "./normalize-header";
import { sampleFromText } from "./testing/fixture-sample";

/**
 * Real header sets from vendors' documented exports (issue 17): the header constrains what a
 * column's values may be read as. Values are realistic in shape (ids are integers or hex, billing
 * durations are small integers, extensions are short), which is what made shape win before.
 */
function mapped(headers: string[], rows: string[][]): Map<string, MappableField | null> {
  const text = [headers, ...rows].map((r) => r.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\n");
  const result = mapColumns(sampleFromText(text, ",", 1));
  return new Map(result.columns.map((c) => [c.header, c.field]));
}

const N = 8;
const rows = (f: (i: number) => string[]) => Array.from({ length: N }, (_, i) => f(i));
const pad = (n: number) => String(n).padStart(2, "0");
const hex = (i: number, len = 32) => (i.toString(16) + "9f3a7c1e5b2d4f6a8c0e1a3b5c7d9e2f4a6b8c").slice(0, len);
const iso = (i: number, s = 0) => `2024-03-0${1 + (i % 5)}T1${i % 10}:${pad(5 + i)}:${pad(s % 60)}Z`;
const local = (i: number, s = 0) => `2024-03-0${1 + (i % 5)} 1${i % 10}:${pad(5 + i)}:${pad(s % 60)}`;
const phone = (i: number) => `+1415555${pad(10 + i)}${i % 10}${(i * 3) % 10}`;
const phone2 = (i: number) => `+1212555${pad(40 + i)}${(i * 7) % 10}${i % 10}`;
const secs = [0, 34, 127, 5, 612, 48, 0, 93];
const ids = [100234, 100235, 100241, 100250, 100262, 100263, 100270, 100288];

function expectFields(m: Map<string, MappableField | null>, want: Record<string, MappableField | null>) {
  const got: Record<string, MappableField | null | undefined> = {};
  for (const k of Object.keys(want)) got[k] = m.get(k);
  expect(got).toEqual(want);
}

/** Id/key columns must not be read as measures (duration, cell id) or as times. */
function expectNoMeasure(m: Map<string, MappableField | null>, headers: string[]) {
  for (const h of headers) expect([h, m.get(h)]).not.toEqual(expect.arrayContaining([expect.stringMatching(/^(duration_seconds|cell_first|cell_last|start_time|end_time)$/)]));
}

describe("header semantics first (issue 17)", () => {
  it("Twilio call log (API/CSV export fields)", () => {
    const h = ["sid", "date_created", "date_updated", "parent_call_sid", "account_sid", "to", "from", "phone_number_sid", "status", "start_time", "end_time", "duration", "price", "price_unit", "direction", "answered_by", "caller_name"];
    const m = mapped(h, rows((i) => [
      `CA${hex(i)}`, iso(i, 0), iso(i, 30), i % 2 ? `CA${hex(i + 3)}` : "", `AC${hex(1)}`, phone2(i), phone(i), `PN${hex(2)}`,
      "completed", iso(i, 1), iso(i, 1 + secs[i]!), String(secs[i]), `-0.0${(i % 9) + 1}`, "USD", i % 2 ? "inbound" : "outbound-api", "", "",
    ]));
    expectFields(m, { from: "caller", to: "callee", start_time: "start_time", end_time: "end_time", duration: "duration_seconds" });
    expectNoMeasure(m, ["sid", "parent_call_sid", "account_sid", "phone_number_sid"]);
  });

  it("Twilio ids that are plain integers are still ids", () => {
    const h = ["id", "account_id", "from", "to", "start_time", "duration", "sequence"];
    const m = mapped(h, rows((i) => [String(ids[i]), "4521", phone(i), phone2(i), local(i), String(secs[i]), String(7000 + i * 13)]));
    expectFields(m, { from: "caller", to: "callee", start_time: "start_time", duration: "duration_seconds" });
    expectNoMeasure(m, ["id", "account_id", "sequence"]);
  });

  it("Telnyx call detail records", () => {
    const h = ["id", "call_leg_id", "call_session_id", "record_type", "direction", "cli", "cld", "started_at", "answered_at", "ended_at", "call_sec", "billed_sec", "rate", "cost", "currency", "status", "hangup_cause", "connection_id", "user_id"];
    const m = mapped(h, rows((i) => [
      `${hex(i, 8)}-1111-4222-8333-${hex(i, 12)}`, `v3:${hex(i, 22)}`, `${hex(i + 1, 8)}-aaaa-4bbb-8ccc-${hex(i, 12)}`, "call", i % 2 ? "inbound" : "outbound",
      phone(i), phone2(i), iso(i, 0), secs[i] ? iso(i, 3) : "", iso(i, 3 + secs[i]!), String(secs[i]! + 3), String(Math.ceil(secs[i]! / 60) * 60), "0.0050", "0.01", "USD",
      "completed", "normal_clearing", String(1493265543021 + i), String(ids[i]),
    ]));
    expectFields(m, { cli: "caller", cld: "callee", started_at: "start_time", ended_at: "end_time" });
    expect(["call_sec", "billed_sec"]).toContain([...m].find(([, f]) => f === "duration_seconds")?.[0]);
    expectNoMeasure(m, ["id", "call_leg_id", "call_session_id", "connection_id", "user_id", "answered_at"]);
  });

  it("Bandwidth call detail records", () => {
    const h = ["accountId", "callId", "parentCallId", "callingNumber", "calledNumber", "direction", "callType", "startTime", "answerTime", "endTime", "duration", "callResult", "sipResponseCode", "cost"];
    const m = mapped(h, rows((i) => [
      "9900001", `c-${hex(i, 8)}-${hex(i + 2, 4)}`, "", phone(i), phone2(i), i % 2 ? "INBOUND" : "OUTBOUND", "PSTN",
      iso(i, 0), iso(i, 4), iso(i, 4 + secs[i]!), String(secs[i]! * 1000 + 120), secs[i] ? "COMPLETED" : "NO_ANSWER", secs[i] ? "200" : "487", "0.004",
    ]));
    expectFields(m, { callingNumber: "caller", calledNumber: "callee", startTime: "start_time", endTime: "end_time", duration: "duration_seconds" });
    expectNoMeasure(m, ["accountId", "sipResponseCode", "answerTime"]);
  });

  it("Amazon Connect contact records, flattened", () => {
    const h = ["AWSAccountId", "ContactId", "InitialContactId", "Channel", "InitiationMethod", "InitiationTimestamp", "ConnectedToSystemTimestamp", "DisconnectTimestamp", "CustomerEndpoint.Address", "CustomerEndpoint.Type", "SystemEndpoint.Address", "SystemEndpoint.Type", "Agent.AgentInteractionDuration", "Queue.Duration", "Agent.Username"];
    const m = mapped(h, rows((i) => [
      "123456789012", `${hex(i, 8)}-1111-4222-8333-${hex(i, 12)}`, "", "VOICE", "INBOUND", iso(i, 0), iso(i, 2), iso(i, 2 + secs[i]!),
      phone(i), "TELEPHONE_NUMBER", "+18005550199", "TELEPHONE_NUMBER", String(Math.max(0, secs[i]! - 20)), String(secs[i]! % 40), `agent${i % 3}`,
    ]));
    expectFields(m, { InitiationTimestamp: "start_time", DisconnectTimestamp: "end_time", "CustomerEndpoint.Type": null, "SystemEndpoint.Type": null });
    expectNoMeasure(m, ["AWSAccountId", "ContactId", "ConnectedToSystemTimestamp"]);
  });

  it("FreeSWITCH CSV CDR: billsec is the duration, answer_stamp is not the start, uuids are ids", () => {
    const h = ["caller_id_name", "caller_id_number", "destination_number", "context", "start_stamp", "answer_stamp", "end_stamp", "duration", "billsec", "hangup_cause", "uuid", "bleg_uuid", "accountcode"];
    const m = mapped(h, rows((i) => [
      `Ext ${1000 + i}`, String(1000 + i), i % 2 ? "18005550123" : String(2000 + i), "default", local(i, 0), secs[i] ? local(i, 5) : "", local(i, 5 + secs[i]!),
      String(secs[i]! + 5), String(secs[i]), secs[i] ? "NORMAL_CLEARING" : "NO_ANSWER", `${hex(i, 8)}-1111-4222-8333-${hex(i, 12)}`, "", String(1000 + i),
    ]));
    expectFields(m, { caller_id_number: "caller", destination_number: "callee", start_stamp: "start_time", end_stamp: "end_time" });
    expect(["duration", "billsec"]).toContain([...m].find(([, f]) => f === "duration_seconds")?.[0]);
    expect(String(m.get("billsec"))).not.toMatch(/cell/);
    expect(String(m.get("duration"))).not.toMatch(/cell/);
    expectNoMeasure(m, ["uuid", "bleg_uuid", "accountcode", "answer_stamp"]);
  });

  it("Cisco CUCM CDR: party numbers, epoch times, ids", () => {
    const h = ["cdrRecordType", "globalCallID_callManagerId", "globalCallID_callId", "origLegCallIdentifier", "dateTimeOrigination", "origNodeId", "callingPartyNumber", "originalCalledPartyNumber", "finalCalledPartyNumber", "destLegIdentifier", "dateTimeConnect", "dateTimeDisconnect", "lastRedirectDn", "pkid", "duration", "origDeviceName", "destDeviceName"];
    const m = mapped(h, rows((i) => [
      "1", "1", String(ids[i]! + 2000000), String(16777216 + ids[i]!), String(1709300000 + i * 3600), "1", String(1000 + i), i % 2 ? "918005550123" : String(2000 + i), i % 2 ? "918005550123" : String(2000 + i),
      String(16777217 + ids[i]!), secs[i] ? String(1709300003 + i * 3600) : "0", String(1709300003 + i * 3600 + secs[i]!), "", `${hex(i, 8)}-1111-4222-8333-${hex(i, 12)}`, String(secs[i]), `SEP00AA${hex(i, 8).toUpperCase()}`, "",
    ]));
    expectFields(m, { callingPartyNumber: "caller", dateTimeOrigination: "start_time", dateTimeDisconnect: "end_time", duration: "duration_seconds" });
    expect(["originalCalledPartyNumber", "finalCalledPartyNumber"]).toContain([...m].find(([, f]) => f === "callee")?.[0]);
    expectNoMeasure(m, ["globalCallID_callManagerId", "globalCallID_callId", "origLegCallIdentifier", "destLegIdentifier", "origNodeId", "dateTimeConnect"]);
  });

  it("3CX call log export", () => {
    const h = ["Call ID", "From", "To", "Time Start", "Time Answered", "Time End", "Duration", "Status", "Call Type"];
    const m = mapped(h, rows((i) => [
      String(ids[i]), String(100 + i), i % 2 ? "+18005550123" : String(200 + i), local(i, 0), secs[i] ? local(i, 4) : "", local(i, 4 + secs[i]!), `00:${pad(Math.floor(secs[i]! / 60))}:${pad(secs[i]! % 60)}`, secs[i] ? "Answered" : "Unanswered", i % 2 ? "Outbound" : "Internal",
    ]));
    expectFields(m, { From: "caller", To: "callee", "Time Start": "start_time", "Time End": "end_time", Duration: "duration_seconds" });
    expectNoMeasure(m, ["Call ID", "Time Answered"]);
  });

  it("nested JSON: a party's number beats its type or name", () => {
    const h = ["uuid", "from.type", "from.phone_number", "to.type", "to.phone_number", "start_time", "duration"];
    const m = mapped(h, rows((i) => [`${hex(i, 8)}-1111-4222-8333-${hex(i, 12)}`, "SIP", phone(i), "PSTN", phone2(i), iso(i), String(secs[i])]));
    expectFields(m, { "from.phone_number": "caller", "to.phone_number": "callee", "from.type": null, "to.type": null, duration: "duration_seconds", uuid: null });
    const n = mapped(["from.name", "from.number", "to.name", "to.number", "initiated_at", "answered_at", "billable seconds"], rows((i) => [
      `Alice ${i}`, String(1000 + i), `Bob ${i}`, phone2(i), iso(i, 0), iso(i, 5), String(secs[i]),
    ]));
    expectFields(n, { "from.number": "caller", "to.number": "callee", "from.name": null, "to.name": null, initiated_at: "start_time", "billable seconds": "duration_seconds" });
    expect(n.get("answered_at")).not.toBe("start_time");
    const u = mapped(["from.type", "from.uri", "to.type", "to.endpoint", "start", "talk time"], rows((i) => [
      "SIP", `sip:alice${i}@example.com`, "phone", phone2(i), iso(i), String(secs[i]),
    ]));
    expectFields(u, { "from.uri": "caller", "to.endpoint": "callee", "from.type": null, "to.type": null, "talk time": "duration_seconds" });
    // Vonage: from/to are arrays of endpoints, flattened as from.0.type / from.0.number.
    const v = mapped(["uuid", "to.0.type", "to.0.number", "from.0.type", "from.0.number", "status", "direction", "duration", "start_time", "end_time", "network"], rows((i) => [
      `${hex(i, 8)}-1111-4222-8333-${hex(i, 12)}`, "phone", `4477009000${pad(i)}`, "phone", `4477009001${pad(i)}`, "completed", "outbound", String(secs[i]), local(i), local(i, secs[i]), "65512",
    ]));
    expectFields(v, { "from.0.number": "caller", "to.0.number": "callee", "from.0.type": null, "to.0.type": null, duration: "duration_seconds", start_time: "start_time" });
  });

  it("an answer time is not the start when a start/created/date column exists", () => {
    const h = ["created", "answer_time", "end", "src", "dst", "bill sec"];
    const m = mapped(h, rows((i) => [iso(i, 0), iso(i, 6), iso(i, 6 + secs[i]!), phone(i), phone2(i), String(secs[i])]));
    expectFields(m, { created: "start_time", src: "caller", dst: "callee", "bill sec": "duration_seconds", end: "end_time" });
    expect(m.get("answer_time")).not.toBe("start_time");
  });

  it("tells ids, keys and party attributes from the fields they sit beside", () => {
    const ids = ["id", "uuid", "sid", "call_sid", "accountId", "key", "account", "Call ID", "sequence", "globalCallID_callManagerId", "origLegCallIdentifier", "pkid", "bleg_uuid"];
    for (const h of ids) expect([h, isIdHeader(normalizeHeader(h))]).toEqual([h, true]);
    for (const h of ["caller_id_number", "duration", "billsec", "account number", "Cell ID Last", "from"]) expect([h, isIdHeader(normalizeHeader(h))]).toEqual([h, false]);
    for (const h of ["from.type", "from.name", "to.type", "CustomerEndpoint.Type", "caller_id_name", "correspondent_name", "partner.type", "Other Party Name"]) expect([h, isPartyAttribute(normalizeHeader(h))]).toEqual([h, true]);
    for (const h of ["from.number", "from.phone_number", "from.uri", "Call Type", "Record Type", "to_formatted"]) expect([h, isPartyAttribute(normalizeHeader(h))]).toEqual([h, false]);
  });

  it("integer key, account, call id and sequence columns are never durations or cells; Cell ID still is a cell", () => {
    const h = ["key", "account", "Call ID", "sequence", "Caller", "Called", "Start", "Duration", "Cell ID"];
    const m = mapped(h, rows((i) => [String(ids[i]! * 7), "88120", String(ids[i]! + 5), String(3 + i * 2), phone(i), phone2(i), local(i), String(secs[i]), String(31000 + i * 977)]));
    expectFields(m, { Caller: "caller", Called: "callee", Start: "start_time", Duration: "duration_seconds", "Cell ID": "cell_first" });
    expectNoMeasure(m, ["key", "account", "Call ID", "sequence"]);
  });

  it("the id of a named party is that party: correspondent_id, partner_id, subscriber_id", () => {
    const party = (h: string) => [...partyOfIdHeader(normalizeHeader(h)).keys()];
    expect(party("correspondent_id")).toEqual(["counterparty"]);
    expect(party("partner_id")).toEqual(["counterparty"]);
    expect(party("subscriber_id")).toEqual(["target"]);
    for (const h of ["user_id", "call_id", "contactId", "callingPartyUnicodeLoginUserID", "origLegCallIdentifier", "id"]) expect([h, party(h)]).toEqual([h, []]);
    // bandicoot's data-set format: one subscriber's log whose other party is an opaque id.
    const m = mapped(["interaction", "direction", "correspondent_id", "datetime", "call_duration", "antenna_id"], rows((i) => [
      i % 3 ? "text" : "call", i % 2 ? "in" : "out", "ABCDE"[i % 5]!, local(i), i % 3 ? "" : String(secs[i]), String(1000 + (i % 4)),
    ]));
    expectFields(m, { interaction: "record_type", direction: "direction", correspondent_id: "counterparty", datetime: "start_time", call_duration: "duration_seconds" });
  });

  it("still holds on the durations: *duration*, billsec and talk time are lengths, ring time next to them is not the call's", () => {
    for (const h of ["CallDuration", "call_duration", "TotalDuration", "billsec", "bill_sec", "talk_time", "talktime", "Talk Time (s)"]) {
      const m = mapped(["from", "to", "start", h], rows((i) => [phone(i), phone2(i), local(i), String(secs[i])]));
      expect([h, m.get(h)]).toEqual([h, "duration_seconds"]);
    }
    const m = mapped(["from", "to", "start", "ring_duration", "duration"], rows((i) => [phone(i), phone2(i), local(i), String(3 + (i % 4)), String(secs[i])]));
    expectFields(m, { duration: "duration_seconds" });
  });
});
