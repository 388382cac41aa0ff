import { describe, expect, it } from "vitest";
import { accountKey, ACCOUNT_RULE, ADDRESS_RULE, addressKey, lockMs, normalizeAddress } from "./sign-in-throttle";

describe("sign-in throttle rules (issue 19)", () => {
  it("no wait below the limit; 1 s at it, doubling per further failure, capped at 15 minutes", () => {
    expect([1, 2, 3, 4].map((n) => lockMs(ACCOUNT_RULE, n))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8].map((n) => lockMs(ACCOUNT_RULE, n))).toEqual([1000, 2000, 4000, 8000]);
    expect(lockMs(ACCOUNT_RULE, 14)).toBe(512_000);
    expect(lockMs(ACCOUNT_RULE, 15)).toBe(900_000);
    expect(lockMs(ACCOUNT_RULE, 10_000)).toBe(900_000);
    expect(lockMs(ADDRESS_RULE, 19)).toBe(0);
    expect(lockMs(ADDRESS_RULE, 20)).toBe(1000);
  });

  it("keys: e-mails in lower case, one spelling per address, unknown addresses share one key", () => {
    expect(accountKey(" Alice@Example.COM ")).toBe("email:alice@example.com");
    expect(addressKey(normalizeAddress("::ffff:127.0.0.1"))).toBe("addr:127.0.0.1");
    expect(normalizeAddress("2001:DB8::1")).toBe("2001:db8::1");
    expect(normalizeAddress(null)).toBe("unknown");
    expect(normalizeAddress("")).toBe("unknown");
    expect(normalizeAddress("x".repeat(500)).length).toBe(100);
  });
});
