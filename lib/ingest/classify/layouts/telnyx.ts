import type { LayoutFamily } from "./types";

/**
 * Telnyx call records.
 * - Detail Record Search (https://developers.telnyx.com/development/webrtc/troubleshooting/detail-records):
 *   cli, cld, direction, started_at / finished_at (ISO 8601, `Z`), call_sec (the call's length),
 *   billed_sec (rounded up for billing), telnyx_leg_id, connection_name, billing_group_name, cost…
 * - CDR reports (https://developers.telnyx.com/api-reference/cdr-reports/get-available-cdr-report-fields):
 *   origination_number, terminating_number, start_timestamp_utc, start_timestamp (in the report's
 *   zone), answer_timestamp, end_timestamp, direction, billable_time, hangup_code, sip_call_id…
 * - Call Control (call.hangup payloads): call_leg_id, call_session_id, call_control_id (`v3:…`),
 *   from, to, start_time, end_time.
 * The call's own length comes first; a billed (rounded) length only when there is no other.
 * `answer_timestamp` is never the start.
 */
export const TELNYX: LayoutFamily = {
  positional: [],
  header: [
    {
      carrier: "telnyx",
      name: "Telnyx detail records / CDR report",
      source: "https://developers.telnyx.com/api-reference/cdr-reports/get-available-cdr-report-fields",
      markers: [
        "call_leg_id",
        "call_session_id",
        "call_control_id",
        "telnyx_leg_id",
        "telnyx_call_control_id",
        "call_sec",
        "billed_sec",
        "connection_name",
        "billing_group_name",
        "fs_channel_id",
        "origination_number",
        "terminating_number",
        "start_timestamp_utc",
        "billable_time",
        "hangup_code",
      ],
      minMarkers: 2,
      idPattern: /^v[23]:[\w-]{20,}$/,
      fields: {
        caller: ["cli", "from", "origination_number"],
        callee: ["cld", "to", "terminating_number"],
        start_time: ["start_time", "started_at", "start_timestamp_utc", "start_timestamp"],
        end_time: ["end_time", "finished_at", "end_timestamp"],
        duration_seconds: ["call_sec", "duration", "billed_sec", "billable_time"],
        direction: ["direction"],
      },
      utc: ["start_timestamp_utc"],
      zone: null,
    },
  ],
};
