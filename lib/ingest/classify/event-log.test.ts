import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { planFile } from "../pipeline/plan-file";
import { openTableSource } from "../extract/open-table-source";
import { findEventLogColumn } from "./event-log";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "switchyard-event-log-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};
const sampleOf = async (file: string) => (await openTableSource(file, "text")).sample();

// A router's call monitor (Fritz!Box format): one line per step of a call, joined by connection id.
const CALL_MONITOR = [
  "02.12.26 10:15:01;RING;0;01701234567;030123456;SIP0;",
  "02.12.26 10:15:09;CONNECT;0;4;01701234567;",
  "02.12.26 10:17:44;DISCONNECT;0;155;",
  "02.12.26 11:02:13;CALL;1;4;030123456;08912345678;SIP0;",
  "02.12.26 11:02:20;CONNECT;1;4;08912345678;",
  "02.12.26 11:05:02;DISCONNECT;1;162;",
].join("\n");

describe("event logs are not call-detail records", () => {
  it("finds the event column of a call monitor log and stops the file with a sentence a person understands", async () => {
    const file = write("callmonitor.log.csv", CALL_MONITOR);
    expect(findEventLogColumn(await sampleOf(file))).toEqual({ index: 1, events: ["CALL", "CONNECT", "DISCONNECT", "RING"] });
    await expect(planFile({ filePath: file, fileName: "callmonitor.log.csv", templates: [] })).rejects.toMatchObject({
      code: "event_log",
      message: expect.stringMatching(/call event log, not a call-detail record: column 2 .*RING.*not loaded/),
    });
  });

  it("leaves CDRs alone, even with a status, disposition or call-type column", async () => {
    const twilio = write(
      "twilio.csv",
      [
        "sid,date_created,from,to,start_time,end_time,duration,status,direction",
        "CA1,2026-12-01T10:00:00Z,+14155550100,+14155550101,2026-12-01T10:00:01Z,2026-12-01T10:01:01Z,60,completed,outbound-api",
        "CA2,2026-12-01T11:00:00Z,+14155550100,+14155550102,2026-12-01T11:00:01Z,2026-12-01T11:00:31Z,30,busy,outbound-api",
        "CA3,2026-12-01T12:00:00Z,+14155550103,+14155550100,2026-12-01T12:00:01Z,2026-12-01T12:02:01Z,120,no-answer,inbound",
      ].join("\n"),
    );
    expect(findEventLogColumn(await sampleOf(twilio))).toBeNull();
    const types = write(
      "types.csv",
      [
        "Date,Type,From,To,Seconds",
        "2026-12-01 10:00,CALL,2125550147,3125550111,60",
        "2026-12-01 10:05,SMS,2125550147,3125550111,0",
        "2026-12-01 10:09,CALL,3125550111,2125550147,15",
      ].join("\n"),
    );
    expect(findEventLogColumn(await sampleOf(types))).toBeNull();
    // An Asterisk Master.csv names each call's last dial-plan application (Dial, Hangup…): still a CDR.
    const asterisk = write(
      "Master.csv",
      [
        `"","2125550147","3125550111","from-internal","","SIP/100-0001","SIP/trunk-0002","Dial","SIP/trunk/3125550111","2026-12-01 10:00:00","2026-12-01 10:00:05","2026-12-01 10:01:05",65,60,"ANSWERED","DOCUMENTATION","1.1",""`,
        `"","2125550147","3125550112","from-internal","","SIP/100-0003","","Hangup","","2026-12-01 10:05:00","","2026-12-01 10:05:09",9,0,"NO ANSWER","DOCUMENTATION","1.2",""`,
        `"","3125550111","2125550147","from-trunk","","SIP/trunk-0004","SIP/100-0005","Hangup","","2026-12-01 10:09:00","2026-12-01 10:09:03","2026-12-01 10:12:03",183,180,"ANSWERED","DOCUMENTATION","1.3",""`,
        `"","3125550113","2125550147","from-trunk","","SIP/trunk-0006","SIP/100-0007","Dial","SIP/100","2026-12-01 11:00:00","2026-12-01 11:00:02","2026-12-01 11:00:32",32,30,"ANSWERED","DOCUMENTATION","1.4",""`,
      ].join("\n"),
    );
    expect(findEventLogColumn(await sampleOf(asterisk))).toBeNull();
  });
});
