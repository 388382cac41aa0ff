import { useId } from "react";

/** Common zones for US carrier files first; any other IANA name can be typed. */
const COMMON_ZONES = [
  "UTC",
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Phoenix",
  "America/Los_Angeles",
  "America/Anchorage",
  "Pacific/Honolulu",
  "America/Puerto_Rico",
  "Europe/London",
  "Europe/Berlin",
  "Asia/Kolkata",
  "Asia/Tokyo",
  "Australia/Sydney",
];

export function TimezoneInput({
  value,
  onChange,
  label = "Time zone",
  invalid,
  describedBy,
}: {
  value: string;
  onChange: (v: string) => void;
  label?: string;
  invalid?: boolean;
  describedBy?: string | undefined;
}) {
  const listId = useId();
  return (
    <label className="field">
      <span>{label}</span>
      <input
        list={listId}
        value={value}
        placeholder="e.g. America/Chicago"
        onChange={(e) => onChange(e.target.value)}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
      />
      <datalist id={listId}>
        {COMMON_ZONES.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
    </label>
  );
}
