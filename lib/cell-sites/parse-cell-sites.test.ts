import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseDegrees } from "./coordinates";
import { CellSiteListError, parseCellSiteList } from "./parse-cell-sites";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("cell-site lists", () => {
  it("reads a CSV with title lines, synonyms, a sector column and labels; bad rows are reported with their line", async () => {
    const csv = [
      "Carrier X cell site list",
      "Generated 2024-05-01",
      "",
      "Cell ID,Sector,Lat,Long,Az,Beam Width,Site Name,Address",
      "55303,1,41.8781,-87.6298,30,65,Loop North,1 Main St",
      "55303,2,41.8781,-87.6298,150,,Loop North,1 Main St",
      "55304,,41.9 N,87.7 W,,,,",
      "55305,1,abc,-87.6,0,,,",
      ",,41.9,-87.7,,,,",
      "55303,1,41.0,-87.0,0,,,",
      "55306,1,41.9,-87.7,400,,,",
      "",
    ].join("\r\n");
    const list = await parseCellSiteList(bytes(csv));
    expect(list.headerLine).toBe(4);
    expect(list.rows).toBe(7);
    expect(list.sites.length + list.rejected.length).toBe(list.rows);
    expect(list.sites.map((s) => s.cell)).toEqual(["55303-1", "55303-2", "55304"]);
    expect(list.sites[0]).toEqual({
      line: 5,
      cell: "55303-1",
      site: "55303",
      sector: "1",
      latitude: 41.8781,
      longitude: -87.6298,
      azimuth: 30,
      beamwidth: 65,
      label: "Loop North, 1 Main St",
    });
    expect(list.sites[1]!.beamwidth).toBeNull();
    expect(list.sites[2]).toMatchObject({ cell: "55304", site: "55304", sector: null, latitude: 41.9, longitude: -87.7, azimuth: null, label: null });
    expect(list.rejected).toEqual([
      { line: 8, reason: 'latitude "abc" is not a number of degrees' },
      { line: 9, reason: "no cell or site id" },
      { line: 10, reason: "cell 55303-1 was already given on line 5" },
      { line: 11, reason: "azimuth 400 is outside 0…360" },
    ]);
  });

  it("reads tab- and semicolon-separated lists, combined keys and decimal commas", async () => {
    const tsv = await parseCellSiteList(bytes("LAC-CI\tLatitude\tLongitude\tAzimuth\n15159/3\t32.7767\t-96.797\t240\n"));
    expect(tsv.sites.map((s) => [s.cell, s.azimuth])).toEqual([["15159-3", 240]]);
    const semi = await parseCellSiteList(bytes("eNodeB;Cell;Latitude;Longitude\n52975;3;40,7128;-74,006\n"));
    expect(semi.sites[0]).toMatchObject({ cell: "52975-3", latitude: 40.7128, longitude: -74.006 });
  });

  it("reads an xlsx workbook (its first sheet with a header), with Excel row numbers as lines", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notes").addRow(["nothing here"]);
    const ws = wb.addWorksheet("Sites");
    ws.addRow(["AT&T cell sites"]);
    ws.addRow(["Site ID", "Sector", "Latitude", "Longitude", "Azimuth"]);
    ws.addRow([15159, 3, 32.7767, -96.797, 240]);
    ws.addRow([15160, 1, "n/a", -96.8, 0]);
    const list = await parseCellSiteList(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(list.sheet).toBe("Sites");
    expect(list.headerLine).toBe(2);
    expect(list.sites).toEqual([expect.objectContaining({ line: 3, cell: "15159-3", latitude: 32.7767, longitude: -96.797, azimuth: 240 })]);
    expect(list.rejected).toEqual([{ line: 4, reason: 'latitude "n/a" is not a number of degrees' }]);
  });

  it("fails with a sentence when there is no header, no rows, or no usable row", async () => {
    await expect(parseCellSiteList(bytes("a,b,c\n1,2,3\n"))).rejects.toThrow(/No cell-site header was found in the first 30 rows/);
    await expect(parseCellSiteList(bytes("Cell ID,Lat,Lon\n"))).rejects.toThrow("The cell-site list has a header but no rows under it.");
    await expect(parseCellSiteList(bytes("Cell ID,Lat,Lon\n1,x,y\n2,0,0\n"))).rejects.toThrow(
      'None of the 2 rows of the cell-site list could be used (line 2: latitude "x" is not a number of degrees).',
    );
    await expect(parseCellSiteList(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).rejects.toBeInstanceOf(CellSiteListError);
  });

  it("reads degrees with hemisphere letters and refuses what is not a place", () => {
    expect(parseDegrees("41.5N", "latitude")).toEqual({ value: 41.5 });
    expect(parseDegrees("S 33.9", "latitude")).toEqual({ value: -33.9 });
    expect(parseDegrees("151.2° E", "longitude")).toEqual({ value: 151.2 });
    expect(parseDegrees("87.6 W", "longitude")).toEqual({ value: -87.6 });
    expect(parseDegrees("41.5 E", "latitude")).toEqual({ error: 'latitude "41.5 E" has the wrong hemisphere letter' });
    expect(parseDegrees("91", "latitude")).toEqual({ error: "latitude 91 is outside −90…90" });
    expect(parseDegrees("-181", "longitude")).toEqual({ error: "longitude -181 is outside −180…180" });
  });
});
