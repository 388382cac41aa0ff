import type { LayoutFamily } from "./types";

/**
 * FreeSWITCH CDRs.
 * - mod_cdr_csv (https://developer.signalwire.com/freeswitch/FreeSWITCH-Explained/Modules/mod_cdr_csv_6587322,
 *   conf/vanilla/autoload_configs/cdr_csv.conf.xml): headerless lines from a template of channel
 *   variables. The vanilla "example" template: caller_id_name, caller_id_number, destination_number,
 *   context, start_stamp, answer_stamp, end_stamp, duration, billsec, hangup_cause, uuid, bleg_uuid,
 *   accountcode, read_codec, write_codec (the module's built-in default stops at accountcode; "snom"
 *   and "linksys" append user agent and RTP stats). The "sql" template writes the same values inside
 *   `INSERT INTO cdr VALUES (…);`, so the same places hold them. The "asterisk" template writes
 *   Asterisk's Master.csv order with FreeSWITCH values (sofia/… channels, Q.850 hangup causes).
 * - With a header (a SQL/FusionPBX export, mod_cdr_pg_csv / mod_cdr_sqlite schemas): the same
 *   variable names, plus start_epoch / answer_epoch / end_epoch.
 * - mod_json_cdr (https://developer.signalwire.com/freeswitch/FreeSWITCH-Explained/Modules/mod_json_cdr_4653124):
 *   one JSON object per call, the channel variables under `variables`, the caller profile under
 *   `callflow`; flattened to `variables.caller_id_number`, `callflow.0.caller_profile.destination_number`.
 * The canonical duration is `billsec` (answer → hangup), as for Asterisk; `duration` (ringing
 * included) stays unmapped. `*_stamp` are the switch's local time (review for the zone); `*_epoch`
 * are UTC and preferred — JSON values are also URL-encoded by default, which epoch digits survive.
 */
const SOURCE = "https://developer.signalwire.com/freeswitch/FreeSWITCH-Explained/Modules/mod_cdr_csv_6587322";

const EXAMPLE = [
  "caller_id_name",
  "caller_id_number",
  "destination_number",
  "context",
  "start_stamp",
  "answer_stamp",
  "end_stamp",
  "duration",
  "billsec",
  "hangup_cause",
  "uuid",
  "bleg_uuid",
  "accountcode",
  "read_codec",
  "write_codec",
] as const;
const ASTERISK_TEMPLATE = [
  "accountcode",
  "caller_id_number",
  "destination_number",
  "context",
  "caller_id",
  "channel_name",
  "bridge_channel",
  "last_app",
  "last_arg",
  "start_stamp",
  "answer_stamp",
  "end_stamp",
  "duration",
  "billsec",
  "hangup_cause",
  "amaflags",
  "uuid",
  "userfield",
] as const;

const CSV_FIELDS = {
  caller: ["caller_id_number"],
  callee: ["destination_number"],
  start_time: ["start_stamp"],
  end_time: ["end_stamp"],
  duration_seconds: ["billsec"],
} as const;

export const FREESWITCH: LayoutFamily = {
  positional: [
    {
      carrier: "freeswitch",
      name: "FreeSWITCH mod_cdr_csv (example / default / sql template)",
      source: SOURCE,
      columns: EXAMPLE,
      width: [13, 20],
      fields: CSV_FIELDS,
      checks: [
        { name: "cause", at: ["hangup_cause"], kind: "hangupCause", weight: 2 },
        { name: "uuid", at: ["uuid"], kind: "uuid", weight: 1 },
        { name: "times", at: ["start_stamp", "end_stamp"], kind: "dateTime", weight: 1 },
        { name: "lengths", at: ["duration", "billsec"], kind: "integer", weight: 1 },
      ],
      gates: [
        ["cause", "times"],
        ["uuid", "times", "lengths"],
      ],
      zone: null,
    },
    {
      carrier: "freeswitch",
      name: "FreeSWITCH mod_cdr_csv (asterisk template)",
      source: SOURCE,
      columns: ASTERISK_TEMPLATE,
      width: [18, 18],
      fields: CSV_FIELDS,
      checks: [
        { name: "cause", at: ["hangup_cause"], kind: "hangupCause", weight: 2 },
        { name: "channel", at: ["channel_name"], kind: "fsChannel", weight: 1 },
        { name: "uuid", at: ["uuid"], kind: "uuid", weight: 1 },
        { name: "times", at: ["start_stamp", "end_stamp"], kind: "dateTime", weight: 1 },
        { name: "lengths", at: ["duration", "billsec"], kind: "integer", weight: 1 },
      ],
      gates: [
        ["cause", "times"],
        ["channel", "uuid", "times"],
      ],
      zone: null,
    },
  ],
  header: [
    {
      carrier: "freeswitch",
      name: "FreeSWITCH CDR with a header (channel variables)",
      source: SOURCE,
      markers: [
        "caller_id_number",
        "destination_number",
        "start_stamp",
        "answer_stamp",
        "end_stamp",
        "billsec",
        "billmsec",
        "hangup_cause",
        "hangup_cause_q850",
        "bleg_uuid",
        "start_epoch",
        "answer_epoch",
        "end_epoch",
        "start_uepoch",
        "read_codec",
        "write_codec",
        "sip_hangup_disposition",
        "caller_destination",
      ],
      minMarkers: 4,
      fields: {
        caller: ["caller_id_number", "ani", "sip_from_user"],
        callee: ["destination_number", "caller_destination", "sip_req_user", "sip_to_user"],
        start_time: ["start_epoch", "start_stamp", "start_uepoch"],
        end_time: ["end_epoch", "end_stamp", "end_uepoch"],
        duration_seconds: ["billsec", "billmsec"],
      },
      formats: { billmsec: "milliseconds" },
      zone: null,
    },
    {
      carrier: "freeswitch",
      name: "FreeSWITCH mod_json_cdr",
      source: "https://developer.signalwire.com/freeswitch/FreeSWITCH-Explained/Modules/mod_json_cdr_4653124",
      markers: [
        "core-uuid",
        "switchname",
        "channel_data.state",
        "channel_data.direction",
        "variables.uuid",
        "variables.billsec",
        "variables.start_stamp",
        "variables.start_epoch",
        "variables.start_uepoch",
        "variables.end_epoch",
        "variables.hangup_cause",
        "variables.sip_call_id",
        "variables.caller_id_number",
        "variables.destination_number",
        "callflow.0.caller_profile.caller_id_number",
        "callflow.caller_profile.caller_id_number",
      ],
      minMarkers: 3,
      fields: {
        caller: [
          "variables.caller_id_number",
          "callflow.0.caller_profile.caller_id_number",
          "callflow.caller_profile.caller_id_number",
          "variables.effective_caller_id_number",
          "variables.sip_from_user",
          "variables.ani",
        ],
        callee: [
          "variables.destination_number",
          "callflow.0.caller_profile.destination_number",
          "callflow.caller_profile.destination_number",
          "variables.sip_req_user",
          "variables.sip_to_user",
          "variables.dialed_user",
        ],
        start_time: ["variables.start_epoch", "variables.start_uepoch", "variables.start_stamp"],
        end_time: ["variables.end_epoch", "variables.end_uepoch", "variables.end_stamp"],
        duration_seconds: ["variables.billsec", "variables.billmsec"],
      },
      formats: { "variables.billmsec": "milliseconds" },
      zone: null,
    },
  ],
};
