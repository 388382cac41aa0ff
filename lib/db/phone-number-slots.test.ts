import { describe, expect, it } from "vitest";
import { PhoneNumberSlots } from "./phone-number-slots";

describe("PhoneNumberSlots", () => {
  it("keys +digits numbers of 8–15 digits and gives each back exactly", () => {
    for (const n of ["+12125550147", "+4420794600", "+861380013800000", "+33612345678", "+10000000", "+999999999999999"]) {
      const key = PhoneNumberSlots.keyOf(n);
      expect(key, n).toBeGreaterThan(0);
      expect(PhoneNumberSlots.numberOf(key)).toBe(n);
    }
  });

  it("leaves every other value to the caller (key 0)", () => {
    for (const n of ["12125550147", "+1212555", "+1234567890123456", "+012125550147", "+1212 555 0147", "+1212555014x", "911", "", "Restricted"]) {
      expect(PhoneNumberSlots.keyOf(n), n).toBe(0);
    }
  });

  it("orders keys as their numbers' text sorts, across lengths", () => {
    // A prefix, trailing zeros, every length from 8 to 15 digits.
    const nums = ["+15550000", "+155500000", "+1555000000", "+155500001", "+4412345678", "+1212555014799", "+12125550147", "+121255501470"].concat(
      Array.from({ length: 500 }, (_, i) => `+${1 + (i % 9)}${String((i * 7919) % 10 ** (7 + (i % 8))).padStart(7 + (i % 8), "0")}`),
    );
    const keys = new Float64Array(nums.map(PhoneNumberSlots.keyOf)).sort();
    expect(nums.every((n) => PhoneNumberSlots.keyOf(n) > 0)).toBe(true);
    expect([...keys].map(PhoneNumberSlots.numberOf)).toEqual([...nums].sort());
  });

  it("finds every slot it stored as it grows, and none it did not", () => {
    const s = new PhoneNumberSlots();
    const nums = Array.from({ length: 20_000 }, (_, i) => `+1${String(2000000000 + i * 7919).slice(0, 10)}`);
    nums.forEach((n, i) => s.add(PhoneNumberSlots.keyOf(n), i));
    expect(s.size).toBe(20_000);
    expect(nums.every((n, i) => s.get(PhoneNumberSlots.keyOf(n)) === i)).toBe(true);
    expect(s.get(PhoneNumberSlots.keyOf("+19999999999"))).toBe(-1);
    expect([...s.sortedKeys()].map(PhoneNumberSlots.numberOf)).toEqual([...nums].sort());
    expect(new Set([...s.entries()].map(([, slot]) => slot)).size).toBe(20_000);
  });
});
