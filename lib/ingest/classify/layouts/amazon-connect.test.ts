import { describe, expect, it } from "vitest";
import { planLayout } from "../plan-layout";
import { ctrList } from "../testing/amazon-connect-ctr";
import { fieldHeaders, jsonSample } from "../testing/product-sample";

describe("built-in layout: Amazon Connect contact trace records", () => {
  it("maps inbound contacts: the customer called the system number; InitiationTimestamp is the start; UTC, no review", async () => {
    const plan = planLayout(await jsonSample(ctrList(() => "INBOUND")), []);
    expect(plan.carrier).toBe("amazon_connect");
    expect(fieldHeaders(plan.columns)).toEqual({
      caller: "CustomerEndpoint.Address",
      callee: "SystemEndpoint.Address",
      start_time: "InitiationTimestamp",
      end_time: "DisconnectTimestamp",
      direction: "InitiationMethod",
      record_type: "Channel",
    });
    // No length of the whole contact: end − start (Agent.AgentInteractionDuration is only the agent's part).
    expect(plan.columns.some((c) => c.field === "duration_seconds")).toBe(false);
    expect(plan.timezoneSource).toBe("offsets in values");
    expect(plan.confidence).toBeGreaterThanOrEqual(0.7);
    expect(plan.needsReview).toBe(false);
  });

  it("maps outbound contacts the other way round: the system number called the customer", async () => {
    const plan = planLayout(await jsonSample(ctrList(() => "OUTBOUND")), []);
    expect(fieldHeaders(plan.columns)).toMatchObject({ caller: "SystemEndpoint.Address", callee: "CustomerEndpoint.Address" });
  });

  it("with both directions, the customer is the other party and the system number the subscriber, placed per row by InitiationMethod", async () => {
    const plan = planLayout(await jsonSample(ctrList((c) => (c.inbound ? "INBOUND" : "OUTBOUND"))), []);
    expect(plan.carrier).toBe("amazon_connect");
    expect(fieldHeaders(plan.columns)).toMatchObject({
      counterparty: "CustomerEndpoint.Address",
      target: "SystemEndpoint.Address",
      direction: "InitiationMethod",
      start_time: "InitiationTimestamp",
    });
  });
});
