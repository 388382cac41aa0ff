import { answerMs, endMs, epochSeconds, fakeUuid, syntheticCalls, wallClock, type SyntheticCall } from "./call-model";

/**
 * FreeSWITCH CDRs built from the documented templates and channel variables
 * (mod_cdr_csv's cdr_csv.conf.xml; mod_json_cdr), for the layout tests. The switch writes
 * `*_stamp` in its local time (here UTC−5) and `*_epoch` in UTC.
 */
const CAUSES = [
  "ORIGINATOR_CANCEL",
  "NORMAL_CLEARING",
  "NORMAL_CLEARING",
  "USER_BUSY",
  "NORMAL_CLEARING",
  "NORMAL_CLEARING",
  "NO_ANSWER",
  "NORMAL_CLEARING",
  "NORMAL_CLEARING",
  "NORMAL_CLEARING",
];
const LOCAL = -5;

/** Channel variables of one call, by name. */
export function fsVariables(c: SyntheticCall): Record<string, string> {
  return {
    caller_id_name: `Caller ${c.i}`,
    caller_id_number: c.caller,
    destination_number: c.callee,
    context: c.inbound ? "public" : "default",
    start_stamp: wallClock(c.start, LOCAL),
    answer_stamp: c.answered ? wallClock(answerMs(c), LOCAL) : "",
    end_stamp: wallClock(endMs(c), LOCAL),
    duration: String(c.ringSeconds + c.talkSeconds),
    billsec: String(c.talkSeconds),
    hangup_cause: c.answered ? "NORMAL_CLEARING" : CAUSES[c.i % CAUSES.length]!,
    uuid: fakeUuid(c.i),
    bleg_uuid: c.answered ? fakeUuid(c.i + 100) : "",
    accountcode: c.i % 4 === 0 ? "sales" : "",
    read_codec: "PCMU",
    write_codec: "PCMU",
    start_epoch: epochSeconds(c.start),
    answer_epoch: c.answered ? epochSeconds(answerMs(c)) : "0",
    end_epoch: epochSeconds(endMs(c)),
    start_uepoch: `${c.start}000`,
    caller_id: `"Caller ${c.i}" <${c.caller}>`,
    channel_name: `sofia/${c.inbound ? "external" : "internal"}/${c.caller}@10.0.0.${c.i + 1}`,
    bridge_channel: c.answered ? `sofia/internal/${c.callee}@10.0.0.200` : "",
    last_app: c.answered ? "bridge" : "hangup",
    last_arg: c.answered ? `user/${c.callee}` : "",
    amaflags: "default",
    userfield: "",
  };
}

export const EXAMPLE_TEMPLATE = [
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
];
export const ASTERISK_TEMPLATE = [
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
];

const quoted = (v: string) => `"${v.replace(/"/g, '""')}"`;

/** Master.csv lines as mod_cdr_csv writes them: every value quoted, per template. */
export function fsCsvLines(template: "example" | "default" | "sql" | "asterisk", n = 10): string {
  const names = template === "asterisk" ? ASTERISK_TEMPLATE : template === "example" ? EXAMPLE_TEMPLATE : EXAMPLE_TEMPLATE.slice(0, 13);
  return (
    syntheticCalls(n)
      .map((c) => {
        const vars = fsVariables(c);
        const line = names.map((name) => quoted(vars[name]!)).join(",");
        return template === "sql" ? `INSERT INTO cdr VALUES (${line});` : line;
      })
      .join("\n") + "\n"
  );
}

/** A CSV with a header of variable names (a SQL / FusionPBX export). */
export function fsHeaderCsv(names: readonly string[], n = 10): string {
  const rows = syntheticCalls(n).map((c) => {
    const vars = fsVariables(c);
    return names.map((name) => quoted(vars[name] ?? "")).join(",");
  });
  return [names.join(","), ...rows].join("\n") + "\n";
}

/** One mod_json_cdr document: core-uuid, channel_data, variables, app_log, callflow. */
export function fsJsonCdr(c: SyntheticCall): Record<string, unknown> {
  const vars = fsVariables(c);
  return {
    "core-uuid": "6f2c3b54-1111-4a8e-9c1e-0242ac120002",
    switchname: "pbx01",
    channel_data: { state: "CS_REPORTING", direction: c.inbound ? "inbound" : "outbound", state_number: "11", flags: "0=1;1=1", caps: "1=1;2=1" },
    variables: { ...vars, sip_from_user: c.caller, sip_req_user: c.callee, sip_call_id: `${fakeUuid(c.i + 200)}@10.0.0.1` },
    app_log: {
      applications: [
        { app_name: "set", app_data: "ringback=${us-ring}", app_stamp: `${c.start}000` },
        { app_name: "bridge", app_data: `user/${c.callee}`, app_stamp: `${c.start + 10}000` },
      ],
    },
    callflow: [
      {
        dialplan: "XML",
        profile_index: "1",
        caller_profile: { username: c.caller, caller_id_name: vars.caller_id_name, caller_id_number: c.caller, destination_number: c.callee, uuid: vars.uuid },
        times: { created_time: `${c.start}000`, answered_time: c.answered ? `${answerMs(c)}000` : "0", hangup_time: `${endMs(c)}000` },
      },
    ],
  };
}
