/**
 * Milliseconds of a canonical "YYYY-MM-DDTHH:MM:SSZ" instant, read by character codes: the
 * post-load passes and the content hash read millions of them and Date.parse is several times
 * slower. No inner helper closure: under tsx (keepNames) each call would allocate and name one.
 */
export function isoInstantMs(s: string): number {
  if (s.length !== 20 || s.charCodeAt(19) !== 90) return Date.parse(s);
  return Date.UTC(digits4(s, 0), digits2(s, 5) - 1, digits2(s, 8), digits2(s, 11), digits2(s, 14), digits2(s, 17));
}

function digits2(s: string, i: number): number {
  return (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;
}

function digits4(s: string, i: number): number {
  return digits2(s, i) * 100 + digits2(s, i + 2);
}
