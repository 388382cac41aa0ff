import { answerMs, endMs, fakeUuid, syntheticCalls, type SyntheticCall } from "./call-model";

/**
 * Amazon Connect contact trace records from the documented data model (ctr-data-model): one JSON
 * object per contact, UTC ISO 8601 times; the customer is CustomerEndpoint, the contact centre's
 * number SystemEndpoint.
 */
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
const SYSTEM = "+18005550199";

export function ctr(c: SyntheticCall, method: "INBOUND" | "OUTBOUND" | "TRANSFER" | "CALLBACK"): Record<string, unknown> {
  // The synthetic calls' outside party is the customer, whichever way the call went.
  const customer = c.inbound ? c.caller : c.callee;
  return {
    AWSAccountId: "123456789012",
    AWSContactTraceRecordFormatVersion: "2017-03-10",
    ContactId: fakeUuid(c.i + 700),
    InitialContactId: null,
    PreviousContactId: null,
    NextContactId: null,
    Channel: "VOICE",
    InitiationMethod: method,
    InitiationTimestamp: iso(c.start),
    ConnectedToSystemTimestamp: iso(c.start + 1000),
    DisconnectTimestamp: iso(endMs(c)),
    LastUpdateTimestamp: iso(endMs(c) + 60_000),
    InstanceARN: "arn:aws:connect:us-east-1:123456789012:instance/a1b2c3d4",
    CustomerEndpoint: { Address: customer, Type: "TELEPHONE_NUMBER" },
    SystemEndpoint: { Address: SYSTEM, Type: "TELEPHONE_NUMBER" },
    Agent: c.answered
      ? {
          ARN: "arn:aws:connect:agent/1",
          Username: "agent1",
          ConnectedToAgentTimestamp: iso(answerMs(c)),
          AgentInteractionDuration: c.talkSeconds,
          CustomerHoldDuration: 0,
          NumberOfHolds: 0,
        }
      : null,
    Queue: { Name: "BasicQueue", Duration: c.ringSeconds },
    Attributes: {},
    DisconnectReason: "CUSTOMER_DISCONNECT",
  };
}

export function ctrList(methods: (c: SyntheticCall) => "INBOUND" | "OUTBOUND" | "TRANSFER" | "CALLBACK", n = 10): Record<string, unknown>[] {
  return syntheticCalls(n).map((c) => ctr(c, methods(c)));
}
