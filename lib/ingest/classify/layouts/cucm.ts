import type { LayoutFamily } from "./types";

/**
 * Cisco Unified CM CDR flat files (field list and order: "Cisco Unified Communications Manager Call
 * Detail Records Administration Guide", releases 8.5–11.0, chapter "CDR field descriptions"; checked
 * against the real files in fixtures/real-world/pbx-cisco-cucm, from sieteunoseis/cisco-cucm-cdr).
 * Line 1 names the fields, line 2 gives their types (`INTEGER`, `VARCHAR(50)`, `UNIQUEIDENTIFIER`)
 * — some exports have only the type line (field-type-line.ts keeps it out of the data). New CUCM
 * releases append fields at the end, so the first ~60 places are stable across versions (94 to
 * 133+ columns). Times are UTC epoch seconds; `dateTimeConnect` is 0 for an unanswered call, so the
 * start is `dateTimeOrigination` and the length is `duration` (connect → disconnect, 0 unanswered).
 * The callee is the number dialled (`originalCalledPartyNumber`); `finalCalledPartyNumber` (after
 * forwarding) stands in when the original is blank. CMR files (record type 2, no parties) do not match.
 */
const SOURCE = "Cisco Unified Communications Manager Call Detail Records Administration Guide, CDR field descriptions";

export const CUCM_ORDER = [
  "cdrRecordType",
  "globalCallID_callManagerId",
  "globalCallID_callId",
  "origLegCallIdentifier",
  "dateTimeOrigination",
  "origNodeId",
  "origSpan",
  "origIpAddr",
  "callingPartyNumber",
  "callingPartyUnicodeLoginUserID",
  "origCause_location",
  "origCause_value",
  "origPrecedenceLevel",
  "origMediaTransportAddress_IP",
  "origMediaTransportAddress_Port",
  "origMediaCap_payloadCapability",
  "origMediaCap_maxFramesPerPacket",
  "origMediaCap_g723BitRate",
  "origVideoCap_Codec",
  "origVideoCap_Bandwidth",
  "origVideoCap_Resolution",
  "origVideoTransportAddress_IP",
  "origVideoTransportAddress_Port",
  "origRSVPAudioStat",
  "origRSVPVideoStat",
  "destLegIdentifier",
  "destNodeId",
  "destSpan",
  "destIpAddr",
  "originalCalledPartyNumber",
  "finalCalledPartyNumber",
  "finalCalledPartyUnicodeLoginUserID",
  "destCause_location",
  "destCause_value",
  "destPrecedenceLevel",
  "destMediaTransportAddress_IP",
  "destMediaTransportAddress_Port",
  "destMediaCap_payloadCapability",
  "destMediaCap_maxFramesPerPacket",
  "destMediaCap_g723BitRate",
  "destVideoCap_Codec",
  "destVideoCap_Bandwidth",
  "destVideoCap_Resolution",
  "destVideoTransportAddress_IP",
  "destVideoTransportAddress_Port",
  "destRSVPAudioStat",
  "destRSVPVideoStat",
  "dateTimeConnect",
  "dateTimeDisconnect",
  "lastRedirectDn",
  "pkid",
  "originalCalledPartyNumberPartition",
  "callingPartyNumberPartition",
  "finalCalledPartyNumberPartition",
  "lastRedirectDnPartition",
  "duration",
  "origDeviceName",
  "destDeviceName",
] as const;

const FIELDS = {
  caller: ["callingPartyNumber"],
  callee: ["originalCalledPartyNumber", "finalCalledPartyNumber"],
  start_time: ["dateTimeOrigination"],
  end_time: ["dateTimeDisconnect"],
  duration_seconds: ["duration"],
} as const;

export const CUCM: LayoutFamily = {
  positional: [
    {
      carrier: "cucm",
      name: "Cisco CUCM CDR (no field names)",
      source: SOURCE,
      columns: CUCM_ORDER,
      width: [90, 400],
      fields: FIELDS,
      checks: [
        { name: "type", at: ["cdrRecordType"], kind: "cucmRecordType", weight: 1 },
        { name: "origination", at: ["dateTimeOrigination", "dateTimeDisconnect"], kind: "epoch", weight: 2 },
        { name: "connect", at: ["dateTimeConnect"], kind: "epochOrZero", weight: 1 },
        { name: "ids", at: ["globalCallID_callManagerId", "globalCallID_callId", "duration"], kind: "integer", weight: 1 },
      ],
      gates: [["type", "origination", "connect"]],
      zone: "UTC",
    },
  ],
  header: [
    {
      carrier: "cucm",
      name: "Cisco CUCM CDR",
      source: SOURCE,
      markers: [
        "cdrRecordType",
        "globalCallID_callManagerId",
        "globalCallID_callId",
        "origLegCallIdentifier",
        "dateTimeOrigination",
        "callingPartyNumber",
        "originalCalledPartyNumber",
        "finalCalledPartyNumber",
        "dateTimeConnect",
        "dateTimeDisconnect",
        "lastRedirectDn",
        "origDeviceName",
        "destDeviceName",
        "origCause_value",
        "destCause_value",
      ],
      minMarkers: 4,
      fields: FIELDS,
      zone: "UTC",
    },
  ],
};
