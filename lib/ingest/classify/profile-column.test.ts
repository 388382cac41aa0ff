import { describe, expect, it } from "vitest";
import { profileColumn } from "./profile-column";
import { smallCodes, valueFit } from "./value-fit";
import { isBareNationalNumber, isImei, isPartyId, isPhone, isPhoneLike, nationalPhoneDigits } from "./value-kinds";

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

  it("recognizes national numbers of any plan without US rules: groups, a trunk 0, an area code in parentheses", () => {
    const national: [string, string][] = [
      ["(080)33118033", "08033118033"],
      ["(04344)322628", "04344322628"],
      ["93412 66159", "9341266159"],
      ["020 7946 0958", "02079460958"],
      ["06-12 34 56 78", "0612345678"],
      ["030/1234567", "0301234567"],
      ["07700900123", "07700900123"],
      ["(0)20 7946 0958", "02079460958"],
    ];
    for (const [v, digits] of national) {
      expect([v, nationalPhoneDigits(v)]).toEqual([v, digits]);
      expect(isPhoneLike(v), v).toBe(true);
    }
    // Dates, clocks, decimals (a latitude), IP addresses, counts with thousands separators, cell ids: not numbers.
    for (const v of ["01-09-2016", "2023-05-01", "12:30:45", "42.139876", "192.168.100.200", "1 234 567", "12.345.678", "12345-2", "Alice", "+447700900123"]) {
      expect([v, nationalPhoneDigits(v)]).toEqual([v, null]);
    }
  });

  it("reads bare 8–12-digit national numbers as phones only when they keep one length", () => {
    expect(isBareNationalNumber("770000000")).toBe(true);
    for (const v of ["1403719420", "20230501", "7133537623", "0770000000", "1234567"]) expect([v, isBareNationalNumber(v)]).toEqual([v, false]);
    const msisdns = profileColumn(["770000005", "770000008", "770000007", "770000004"]);
    expect([msisdns.phone, msisdns.partyNumber]).toEqual([0, 0.8]);
    const wandering = profileColumn(["77000000", "7700000051", "770000007123", "770000004"]);
    expect(wandering.partyNumber).toBeLessThan(0.6);
    const indian = profileColumn(["(080)33118033", "93412 66159", "78130 00821", "(04344)322628"]);
    expect([indian.phone, indian.phoneLike, indian.partyNumber]).toEqual([0, 1, 1]);
  });

  it("tells opaque party ids from directions, record types, times and zones", () => {
    for (const v of ["A", "E", "A_orange", "u_42", "sip:1001@pbx.example", "1001", "3f2a9c7e"]) expect([v, isPartyId(v)]).toEqual([v, true]);
    for (const v of ["in", "out", "call", "text", "MO", "UTC", "2014-03-02 07:13:30", "2023-10-15T04:36:36-05:00", "12:00:00", "0:05", "", "3"]) {
      expect([v, isPartyId(v)]).toEqual([v, false]);
    }
  });

  it("party fields take numbers of any plan; the other party changes from row to row", () => {
    const varying = profileColumn(["93412 66159", "78130 00821", "(080)33118033", "90365 06212"]);
    expect(valueFit("caller", varying)).toBe(1);
    expect(valueFit("counterparty", varying)).toBe(1);
    const constant = profileColumn(["770000000", "770000000", "770000000", "770000000"]);
    expect(valueFit("counterparty", constant)).toBeLessThan(valueFit("target", constant));
  });

  it("a handful of small codes repeating over many rows is neither a length nor a cell", () => {
    const codes = profileColumn(["1", "2", "2", "1", "1", "2", "1", "2", "2", "1"]);
    expect(smallCodes(codes)).toBe(true);
    expect(valueFit("duration_seconds", codes)).toBeLessThan(0.3);
    expect(valueFit("cell_first", codes)).toBeLessThan(0.3);
    const lengths = profileColumn(["0", "34", "127", "5", "612", "48", "0", "93"]);
    expect(smallCodes(lengths)).toBe(false);
    expect(valueFit("duration_seconds", lengths)).toBe(1);
  });

  it("numbers whose middle value is over a day even in milliseconds are not durations", () => {
    const ids = profileColumn(["770000005", "770000008", "770000007", "770000004", "0"]);
    expect(valueFit("duration_seconds", ids)).toBeLessThanOrEqual(0.1);
    const millis = profileColumn(["34000", "127000", "5000", "612000", "0"]);
    expect(valueFit("duration_seconds", millis)).toBe(1);
  });
});
