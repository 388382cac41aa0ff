import type { LayoutFamily } from "./types";

/**
 * Twilio call logs.
 * - The Calls resource (https://www.twilio.com/docs/voice/api/call-resource): sid (`CA` + 32 hex),
 *   date_created, date_updated, parent_call_sid, account_sid, to, to_formatted, from,
 *   from_formatted, phone_number_sid, status, start_time, end_time, duration, price, price_unit,
 *   direction (inbound, outbound-api, outbound-dial), answered_by, api_version, forwarded_from,
 *   group_sid, caller_name, queue_time, trunk_sid, uri, subresource_uris. Times are "given as GMT in
 *   RFC 2822 format" (`Tue, 31 Aug 2010 20:36:28 +0000`); duration is a string of seconds, empty for
 *   busy, failed or unanswered calls. The JSON list wraps them in {"calls": […], "page": …}; the CSV
 *   representation (`Calls.csv`) writes the same fields as StartTime, EndTime…
 * - The Console's call-log export: Date Created, Start Time, End Time, Duration, From, To,
 *   Direction, Status, Call Sid… — the same fields in words (names are compared punctuation-blind).
 * `start_time` is when the call was dialled; `date_created` (when the resource was made) only stands
 * in when a row has no start time.
 */
export const TWILIO: LayoutFamily = {
  positional: [],
  header: [
    {
      carrier: "twilio",
      name: "Twilio Calls (API JSON/CSV, Console call-log export)",
      source: "https://www.twilio.com/docs/voice/api/call-resource",
      markers: [
        "sid",
        "call_sid",
        "account_sid",
        "parent_call_sid",
        "phone_number_sid",
        "price_unit",
        "forwarded_from",
        "answered_by",
        "caller_name",
        "queue_time",
        "trunk_sid",
        "group_sid",
        "api_version",
        "from_formatted",
        "to_formatted",
        "subresource_uris.notifications",
        "subresource_uris.recordings",
      ],
      minMarkers: 3,
      idPattern: /^CA[0-9a-f]{32}$/i,
      fields: {
        caller: ["from"],
        callee: ["to"],
        start_time: ["start_time", "date_created"],
        end_time: ["end_time"],
        duration_seconds: ["duration"],
        direction: ["direction"],
      },
      zone: "UTC",
    },
  ],
};
