import { describe, expect, it } from "vitest";
import { profileColumn } from "./profile-column";
import { isImei, isPhone } from "./value-kinds";

describe("column profiles", () => {
  it("recognizes phone numbers in their usual spellings and rejects others", () => {
    for (const v of ["7133537623", "17133537623", "+491543968272", "011447790080665", "0032135940", "415.274.1546", "(415) 274-1546"]) {
      expect(isPhone(v), v).toBe(true);
    }
    for (const v of ["12345", "0:05", "310287764668549", "2023-01-01", "1698", "Alice"]) expect(isPhone(v), v).toBe(false);
  });

  it("checks IMEIs with Luhn", () => {
    expect(isImei("490154203237518")).toBe(true);
    expect(isImei("490154203237519")).toBe(false);
  });

  it("profiles dates, clocks, durations, codes and row numbers", () => {
    expect(profileColumn(["02/28/2023", "03/01/2023"]).date).toBe(1);
    expect(profileColumn(["08:07:20 AM", "12:59:31 PM"]).clock).toBe(1);
    expect(profileColumn(["2023-10-15T04:36:36-05:00", "2023-10-15T09:53:28-05:00"]).offset).toBe(1);
    expect(profileColumn(["0:00", "40:16", "3:40"]).clockDuration).toBe(1);
    expect(profileColumn(["mSOriginating", "mSTerminatingSMSinMSC"]).callTypeCode).toBe(1);
    expect(profileColumn(["IN", "Outgoing", "inbound"]).directionWord).toBe(1);
    expect(profileColumn(["Voice", "SMS", "Text"]).recordTypeWord).toBe(1);
    expect(profileColumn(["NYCMSC01", "LAXMSC02"]).switchName).toBe(1);
    expect(profileColumn(["12345-2", "36006-2"]).cellId).toBe(1);
    expect(profileColumn(["1", "2", "3", "4"]).sequential).toBe(true);
    expect(profileColumn(["5", "5", "5"]).constant).toBe(true);
    const withBlanks = profileColumn(["7133537623", "", "2062060312", ""]);
    expect(withBlanks.emptyShare).toBe(0.5);
    expect(withBlanks.phone).toBe(1);
  });
});
