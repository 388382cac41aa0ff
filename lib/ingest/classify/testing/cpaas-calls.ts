import { answerMs, endMs, fakeUuid, syntheticCalls, type SyntheticCall } from "./call-model";

/**
 * CPaaS call logs from the vendors' documented fields (see the layout tables in ../layouts for the
 * pages): Twilio Calls (API JSON, API CSV, Console export), Telnyx detail records and CDR report,
 * Bandwidth call state.
 */
const rfc2822 = (ms: number) => new Date(ms).toUTCString().replace(/ GMT$/, " +0000");
const isoMs = (ms: number) => new Date(ms).toISOString();
const isoZ = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
const hex = (seed: number, width: number) => Array.from({ length: width }, (_, k) => ((seed * 7 + k * 13) % 16).toString(16)).join("");

export const twilioSid = (c: SyntheticCall) => `CA${hex(c.i + 1, 32)}`;

/** One Call resource as the API returns it. */
export function twilioCall(c: SyntheticCall): Record<string, unknown> {
  const sid = twilioSid(c);
  return {
    sid, date_created: rfc2822(c.start - 1000), date_updated: rfc2822(endMs(c) + 2000), parent_call_sid: null,
    account_sid: `AC${hex(99, 32)}`, to: c.callee, to_formatted: c.callee, from: c.caller, from_formatted: c.caller,
    phone_number_sid: `PN${hex(7, 32)}`, status: c.answered ? "completed" : "no-answer",
    start_time: rfc2822(c.start), end_time: rfc2822(endMs(c)), duration: c.answered ? String(c.talkSeconds) : "0",
    price: c.answered ? "-0.0085" : null, price_unit: "USD", direction: c.inbound ? "inbound" : "outbound-api",
    answered_by: null, api_version: "2010-04-01", forwarded_from: null, group_sid: null, caller_name: null, queue_time: "0",
    trunk_sid: null, uri: `/2010-04-01/Accounts/AC${hex(99, 32)}/Calls/${sid}.json`,
    subresource_uris: { notifications: `/Calls/${sid}/Notifications.json`, recordings: `/Calls/${sid}/Recordings.json` },
  };
}

/** The Calls list page: {"calls": […], "page": 0, …}. */
export function twilioCallsPage(n = 10): Record<string, unknown> {
  return { calls: syntheticCalls(n).map(twilioCall), end: n - 1, first_page_uri: "/Calls.json?Page=0", next_page_uri: null, page: 0, page_size: 50, previous_page_uri: null, start: 0, uri: "/Calls.json" };
}

const line = (cells: readonly string[]) => cells.map((v) => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(",");

/** `Calls.csv`: the API's CSV representation, PascalCase names. */
export function twilioCallsCsv(n = 10): string {
  const names = ["Sid", "DateCreated", "DateUpdated", "ParentCallSid", "AccountSid", "To", "ToFormatted", "From", "FromFormatted", "PhoneNumberSid", "Status", "StartTime", "EndTime", "Duration", "Price", "PriceUnit", "Direction", "AnsweredBy", "ApiVersion", "ForwardedFrom", "GroupSid", "CallerName", "QueueTime", "TrunkSid", "Uri"];
  const keyOf = (n: string) => n.replace(/[A-Z]/g, (m, i: number) => (i ? "_" : "") + m.toLowerCase());
  const rows = syntheticCalls(n).map((c) => {
    const call = twilioCall(c);
    return line(names.map((k) => String(call[keyOf(k)] ?? "")));
  });
  return [line(names), ...rows].join("\n") + "\n";
}

/** The Console's call-log export: the same fields in words, times as `2024-03-05 14:13:07 UTC`. */
export function twilioConsoleCsv(n = 10): string {
  const utc = (ms: number) => `${isoZ(ms).replace("T", " ").replace("Z", "")} UTC`;
  const names = ["Date Created", "Start Time", "End Time", "Duration", "From", "To", "Direction", "Status", "Call Sid", "Price", "Price Unit"];
  const rows = syntheticCalls(n).map((c) =>
    line([utc(c.start - 1000), utc(c.start), utc(endMs(c)), String(c.talkSeconds), c.caller, c.callee, c.inbound ? "inbound" : "outbound-api", c.answered ? "completed" : "no-answer", twilioSid(c), c.answered ? "-0.0085" : "", "USD"]),
  );
  return [line(names), ...rows].join("\n") + "\n";
}

/** A Telnyx detail record (record_type webrtc/sip-trunking): cli, cld, started_at, finished_at, call_sec, billed_sec. */
export function telnyxDetailRecord(c: SyntheticCall): Record<string, unknown> {
  return {
    record_type: "sip_trunking_detail_record", id: fakeUuid(c.i + 300), telnyx_leg_id: fakeUuid(c.i + 400), session_id: fakeUuid(c.i + 500),
    cli: c.caller, cld: c.callee, direction: c.inbound ? "inbound" : "outbound", started_at: isoZ(c.start), answered_at: c.answered ? isoZ(answerMs(c)) : null,
    finished_at: isoZ(endMs(c)), call_sec: c.talkSeconds + c.ringSeconds, billed_sec: c.answered ? Math.ceil((c.talkSeconds + c.ringSeconds) / 60) * 60 : 0,
    rate: "0.002", cost: "0.002", currency: "USD", connection_name: "main-trunk", billing_group_name: "", tags: "",
  };
}

/** A Telnyx CDR report CSV with the documented report fields. */
export function telnyxCdrReportCsv(n = 10): string {
  const names = ["origination_number", "terminating_number", "start_timestamp_utc", "start_timestamp", "answer_timestamp", "end_timestamp", "direction", "billable_time", "hangup_code", "sip_call_id", "cost"];
  const plain = (ms: number) => isoZ(ms).replace("T", " ").replace("Z", "");
  const local = (ms: number) => plain(ms - 6 * 3_600_000);
  const rows = syntheticCalls(n).map((c) =>
    line([c.caller, c.callee, plain(c.start), local(c.start), c.answered ? local(answerMs(c)) : "", local(endMs(c)), c.inbound ? "inbound" : "outbound", String(Math.ceil(c.talkSeconds / 60) * 60), c.answered ? "200" : "487", `${fakeUuid(c.i)}@10.0.0.1`, "0.004"]),
  );
  return [line(names), ...rows].join("\n") + "\n";
}

export const bandwidthCallId = (c: SyntheticCall) => `c-${hex(c.i + 3, 8)}-${fakeUuid(c.i + 600)}`;

/** Bandwidth call state (List Calls / Get Call State), with an ISO 8601 duration as some exports add. */
export function bandwidthCall(c: SyntheticCall, withDuration: boolean): Record<string, unknown> {
  return {
    applicationId: fakeUuid(900), accountId: "9900000", callId: bandwidthCallId(c), parentCallId: null, to: c.callee, from: c.caller,
    direction: c.inbound ? "inbound" : "outbound", state: "disconnected", stirShaken: { verstat: "TN-Verification-Passed", attestationIndicator: "A" },
    identity: null, enqueuedTime: null, startTime: isoMs(c.start), answerTime: c.answered ? isoMs(answerMs(c)) : null, endTime: isoMs(endMs(c)),
    ...(withDuration ? { duration: `PT${Math.floor(c.talkSeconds / 60) ? `${Math.floor(c.talkSeconds / 60)}M` : ""}${c.talkSeconds % 60}S` } : {}),
    disconnectCause: c.answered ? "hangup" : "timeout", errorMessage: null, errorId: null, lastUpdate: isoMs(endMs(c) + 500),
  };
}
