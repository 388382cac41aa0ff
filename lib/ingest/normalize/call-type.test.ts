import { describe, expect, it } from "vitest";
import { callTypeInfo } from "./call-type";

describe("callTypeInfo", () => {
  it.each([
    ["MO", "outgoing", "voice"],
    ["MT", "incoming", "voice"],
    ["MOC", "outgoing", "voice"],
    ["mtc", "incoming", "voice"],
    ["SMSMO", "outgoing", "sms"],
    ["SMSMT", "incoming", "sms"],
    ["SMS-MO", "outgoing", "sms"],
    ["SMS-MT", "incoming", "sms"],
    ["mSOriginating", "outgoing", "voice"],
    ["mSTerminating", "incoming", "voice"],
    ["mSOriginatingSMSinMSC", "outgoing", "sms"],
    ["mSTerminatingSMSinMSC", "incoming", "sms"],
    ["SMSc", undefined, "sms"],
    ["callForwarding", undefined, "voice"],
    ["RCS-IMChat", undefined, "sms"],
    ["GPRS", undefined, "data"],
    ["PDP", undefined, "data"],
    ["data", undefined, "data"],
    ["MMS", undefined, "mms"],
    ["IN", "incoming", undefined],
    ["OUT", "outgoing", undefined],
    ["Incoming", "incoming", undefined],
    ["Outgoing", "outgoing", undefined],
    ["inbound", "incoming", undefined],
    ["outbound", "outgoing", undefined],
    ["Received", "incoming", undefined],
    ["Dialed", "outgoing", undefined],
    ["Missed", "incoming", undefined],
    ["Eingehend", "incoming", undefined],
    ["Ausgehend", "outgoing", undefined],
    ["Entrante", "incoming", undefined],
    ["Saliente", "outgoing", undefined],
    ["Entrant", "incoming", undefined],
    ["Sortant", "outgoing", undefined],
    ["Voice", undefined, "voice"],
    ["Call", undefined, "voice"],
    ["SMS", undefined, "sms"],
    ["Text", undefined, "sms"],
    ["Message", undefined, "sms"],
    ["Data", undefined, "data"],
    ["Anruf", undefined, "voice"],
    ["Llamada", undefined, "voice"],
    ["Appel", undefined, "voice"],
    ["Outgoing Call", "outgoing", "voice"],
    ["SMS received", "incoming", "sms"],
    ["Llamada saliente", "outgoing", "voice"],
    ["Appel entrant", "incoming", "voice"],
    ["Picture Message", undefined, "mms"],
  ])("%s → %s %s", (text, direction, recordType) => {
    const info = callTypeInfo(text);
    expect(info.direction).toBe(direction);
    expect(info.record_type).toBe(recordType);
  });

  it("knows nothing about unknown text", () => {
    expect(callTypeInfo("xyz")).toEqual({});
    expect(callTypeInfo("")).toEqual({});
  });
});
