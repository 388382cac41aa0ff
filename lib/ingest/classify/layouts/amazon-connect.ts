import type { LayoutFamily } from "./types";

/**
 * Amazon Connect contact trace records (https://docs.aws.amazon.com/connect/latest/adminguide/ctr-data-model.html;
 * the same names in the API's Contact / ContactSearchSummary): ContactId, Channel (VOICE, CHAT,
 * TASK), InitiationMethod (INBOUND, OUTBOUND, TRANSFER, CALLBACK, API…), InitiationTimestamp,
 * ConnectedToSystemTimestamp, DisconnectTimestamp (UTC, ISO 8601 `Z`), CustomerEndpoint.Address,
 * SystemEndpoint.Address, Agent.AgentInteractionDuration, Queue.Duration… One JSON object per
 * contact, flattened to dotted names.
 * The customer is the caller of an inbound contact and the callee of an outbound one, so the
 * parties are sides placed by InitiationMethod. The start is InitiationTimestamp (arrival /
 * dialling), never the connect time. There is no length of the whole contact: it is Disconnect −
 * Initiation; Agent.AgentInteractionDuration covers only the agent's part and is absent when no
 * agent took the contact, so it is not mapped.
 */
export const AMAZON_CONNECT: LayoutFamily = {
  positional: [],
  header: [
    {
      carrier: "amazon_connect",
      name: "Amazon Connect contact trace records",
      source: "https://docs.aws.amazon.com/connect/latest/adminguide/ctr-data-model.html",
      markers: [
        "AWSAccountId",
        "AWSContactTraceRecordFormatVersion",
        "ContactId",
        "InitialContactId",
        "InitiationMethod",
        "InitiationTimestamp",
        "ConnectedToSystemTimestamp",
        "DisconnectTimestamp",
        "CustomerEndpoint.Address",
        "SystemEndpoint.Address",
        "InstanceARN",
        "Agent.AgentInteractionDuration",
        "Queue.Duration",
      ],
      minMarkers: 3,
      sides: { other: ["CustomerEndpoint.Address"], own: ["SystemEndpoint.Address"], direction: ["InitiationMethod"] },
      fields: {
        start_time: ["InitiationTimestamp"],
        end_time: ["DisconnectTimestamp"],
        direction: ["InitiationMethod"],
        record_type: ["Channel"],
      },
      zone: "UTC",
    },
  ],
};
