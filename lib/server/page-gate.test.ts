import { describe, expect, it } from "vitest";
import { isGatedPage } from "./page-gate";

describe("isGatedPage", () => {
  it("gates app pages, with or without a trailing path", () => {
    for (const p of ["/", "/jobs", "/jobs/abc", "/cases/3", "/review", "/users"]) expect(isGatedPage("GET", p)).toBe(true);
    expect(isGatedPage("HEAD", "/records")).toBe(true);
  });
  it("leaves the API, assets, Socket.IO, public files and public pages alone", () => {
    for (const p of ["/api/health", "/api/records", "/_next/static/chunks/a.js", "/socket.io/", "/favicon.svg", "/sign-in", "/api-docs"]) expect(isGatedPage("GET", p)).toBe(false);
    expect(isGatedPage("POST", "/jobs")).toBe(false);
  });
  it("does not treat a page merely starting like a public one as public", () => {
    expect(isGatedPage("GET", "/sign-in-x")).toBe(true);
  });
});
