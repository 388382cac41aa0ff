import { CUCM_ORDER } from "../layouts/cucm";
import { answerMs, endMs, epochSeconds, fakeUuid, syntheticCalls, type SyntheticCall } from "./call-model";

/**
 * Cisco CUCM CDR flat files from the documented field order (CUCM_ORDER, then the later fields
 * as the Administration Guide and the real files list them): a field-name line, a field-type
 * line, then one call per line; times UTC epoch seconds, dateTimeConnect 0 when unanswered.
 */
const TAIL = [
  "origCallTerminationOnBehalfOf",
  "destCallTerminationOnBehalfOf",
  "origCalledPartyRedirectOnBehalfOf",
  "lastRedirectRedirectOnBehalfOf",
  "origCalledPartyRedirectReason",
  "lastRedirectRedirectReason",
  "destConversationId",
  "globalCallId_ClusterID",
  "joinOnBehalfOf",
  "comment",
  "authCodeDescription",
  "authorizationLevel",
  "clientMatterCode",
  "origDTMFMethod",
  "destDTMFMethod",
  "callSecuredStatus",
  "origConversationId",
  "origMediaCap_Bandwidth",
  "destMediaCap_Bandwidth",
  "authorizationCodeValue",
  "outpulsedCallingPartyNumber",
  "outpulsedCalledPartyNumber",
  "origIpv4v6Addr",
  "destIpv4v6Addr",
  "origVideoCap_Codec_Channel2",
  "origVideoCap_Bandwidth_Channel2",
  "origVideoCap_Resolution_Channel2",
  "origVideoTransportAddress_IP_Channel2",
  "origVideoTransportAddress_Port_Channel2",
  "origVideoChannel_Role_Channel2",
  "destVideoCap_Codec_Channel2",
  "destVideoCap_Bandwidth_Channel2",
  "destVideoCap_Resolution_Channel2",
  "destVideoTransportAddress_IP_Channel2",
  "destVideoTransportAddress_Port_Channel2",
  "destVideoChannel_Role_Channel2",
];
export const CUCM_FIELDS: readonly string[] = [...CUCM_ORDER, ...TAIL];

const TEXT = /Number|DeviceName|Partition|LoginUserID|Dn$|pkid|comment|Description|Code(Value)?$|Addr$|ClusterID|MatterCode/;
const typeOf = (name: string) => (name === "pkid" ? "UNIQUEIDENTIFIER" : TEXT.test(name) && !/IpAddr$/.test(name) ? "VARCHAR(50)" : "INTEGER");

const digits = (party: string) => party.replace(/^\+1/, "");

function callValues(c: SyntheticCall): Record<string, string> {
  return {
    cdrRecordType: "1",
    globalCallID_callManagerId: "1",
    globalCallID_callId: String(25000 + c.i),
    origLegCallIdentifier: String(47874200 + c.i * 2),
    destLegIdentifier: String(47874201 + c.i * 2),
    dateTimeOrigination: epochSeconds(c.start),
    callingPartyNumber: digits(c.caller),
    // Every third call was forwarded: the original number stays, the final one is where it rang.
    originalCalledPartyNumber: digits(c.callee),
    finalCalledPartyNumber: c.i % 3 === 2 ? "1099" : digits(c.callee),
    dateTimeConnect: c.answered ? epochSeconds(answerMs(c)) : "0",
    dateTimeDisconnect: epochSeconds(endMs(c)),
    duration: String(c.talkSeconds),
    pkid: fakeUuid(c.i),
    origDeviceName: `SEPCC7F7505${String(86 + c.i).padStart(4, "0")}`,
    globalCallId_ClusterID: "StandAloneCluster",
  };
}

export interface CucmOptions {
  names: boolean;
  types: boolean;
  /** Quote text fields as CUCM does ("5033466593"). */
  quoted?: boolean;
  width?: number;
}

export function cucmFile(opts: CucmOptions, n = 10): string {
  const fields = CUCM_FIELDS.slice(0, opts.width ?? CUCM_FIELDS.length);
  const q = (name: string, v: string) => (opts.quoted !== false && typeOf(name) !== "INTEGER" ? `"${v}"` : v);
  const lines: string[] = [];
  if (opts.names) lines.push(fields.map((f) => `"${f}"`).join(","));
  if (opts.types) lines.push(fields.map(typeOf).join(","));
  for (const c of syntheticCalls(n)) {
    const v = callValues(c);
    lines.push(fields.map((f) => q(f, v[f] ?? (typeOf(f) === "INTEGER" ? "0" : ""))).join(","));
  }
  return lines.join("\n") + "\n";
}
