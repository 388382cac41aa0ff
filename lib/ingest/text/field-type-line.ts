/**
 * Cisco CUCM CDR flat files carry a line of field types (`INTEGER,INTEGER,VARCHAR(50),…`) under
 * the field names — or instead of them. It describes the columns; it is not a call. Upper-case
 * SQL/CUCM type words only: a header of ordinary words (Date, Time, Text) never matches.
 */
const FIELD_TYPE = /^(?:INTEGER|BIGINT|SMALLINT|TINYINT|UNIQUEIDENTIFIER|STRING|BOOLEAN|DATETIME|N?VARCHAR\(\d+\)|N?CHAR\(\d+\))$/;

export function isFieldTypeLine(cells: readonly string[]): boolean {
  let filled = 0;
  for (const c of cells) {
    const v = c.trim();
    if (v === "") continue;
    if (!FIELD_TYPE.test(v)) return false;
    filled++;
  }
  return filled >= 3 && filled >= cells.length * 0.8;
}
