/** Display helpers; all tolerate null so components stay free of guards. */

const nf = new Intl.NumberFormat("en-US");

export const formatCount = (n: number | null | undefined) => (n == null ? "—" : nf.format(n));

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

export function formatDuration(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds)) return "—";
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${s % 60}s`;
  return `${Math.floor(m / 60)}h ${m % 60}m`;
}

export const formatRate = (rowsPerSecond: number | null | undefined) => (rowsPerSecond == null ? "—" : `${nf.format(Math.round(rowsPerSecond))} rows/s`);

export const formatPercent = (p: number | null | undefined) => (p == null ? "—" : `${Math.round(p)}%`);

export const formatConfidence = (c: number | null | undefined) => (c == null ? "—" : `${Math.round(c * 100)}%`);

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

export function formatRelative(iso: string, now = Date.now()): string {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return iso;
  const diff = Math.round((now - t) / 1000);
  if (diff < 45) return "just now";
  if (diff < 3600) return `${Math.round(diff / 60)} min ago`;
  if (diff < 86_400) return `${Math.round(diff / 3600)} h ago`;
  return new Date(t).toLocaleDateString();
}

const CARRIER_NAMES: Record<string, string> = {
  att: "AT&T",
  verizon: "Verizon",
  tmobile: "T-Mobile",
  sprint: "Sprint",
  unknown: "Unknown",
};
export const formatCarrier = (c: string | null | undefined) => (c ? (CARRIER_NAMES[c] ?? c) : "—");

export function formatDelimiter(d: string | null | undefined): string {
  if (d == null) return "—";
  const names: Record<string, string> = { ",": "comma (,)", "\t": "tab", "|": "pipe (|)", ";": "semicolon (;)", " ": "space" };
  return names[d] ?? JSON.stringify(d);
}
