import { describe, expect, it } from "vitest";
import { zoneFromText } from "./zone-from-text";

describe("zoneFromText", () => {
  it.each([
    ["All times shown in UTC", "UTC"],
    ["Time Zone: GMT", "UTC"],
    ["ALL TIMES ARE ET", "America/New_York"],
    ["ALL TIMES ARE EASTERN (America/New_York)", "America/New_York"],
    ["Time zone: Central Time", "America/Chicago"],
    ["Dates/times are UTC", "UTC"],
    ["Pacific", "America/Los_Angeles"],
    ["MST", "America/Denver"],
    ["CST", "America/Chicago"],
    ["EDT", "America/New_York"],
    ["Mountain Standard Time", "America/Denver"],
    ["Arizona", "America/Phoenix"],
    ["MST (Arizona)", "America/Phoenix"],
    ["UTC-05:00", "Etc/GMT+5"],
    ["GMT+1", "Etc/GMT-1"],
    ["-0500", "Etc/GMT+5"],
    ["UTC+05:30", "+05:30"],
    ["America/Chicago", "America/Chicago"],
    ["Etc/UTC", "UTC"],
    ["Zeitzone: MEZ", "Europe/Berlin"],
    ["Alle Zeiten in mitteleuropäischer Zeit", "Europe/Berlin"],
    ["Hora del Pacífico", "America/Los_Angeles"],
    ["Zona horaria: hora del este", "America/New_York"],
    ["heure de Paris", "Europe/Paris"],
    ["Dates et heures en UTC", "UTC"],
    ["Zeitzone: Berlin", "Europe/Berlin"],
    ["Z", "UTC"],
  ])("%s → %s", (text, zone) => {
    expect(zoneFromText(text)).toBe(zone);
  });

  it("prefers the line about time over a letterhead", () => {
    expect(zoneFromText("Pacific Bell Subpoena Unit\nTarget: 4155551234\nTime zone: Eastern")).toBe("America/New_York");
  });

  it.each(["Report Date: 03/01/2024", "Prepared by John Davis", "Target: 7133537623", ""])("%s has no zone", (text) => {
    expect(zoneFromText(text)).toBeNull();
  });
});
