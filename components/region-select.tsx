import { useId, type ReactNode } from "react";
import { ALL_REGIONS, COMMON_REGIONS, regionLabel } from "@/lib/schemas/regions";
import styles from "./region-select.module.css";

interface Props {
  /** An ISO 3166-1 alpha-2 code, or "" for none. */
  value: string;
  onChange: (code: string) => void;
  label: string;
  /** The "" option ("Not known", "None"). */
  noneLabel: string;
  name?: string;
  /** A short line beside the select that describes the choice (where a preset came from); it describes the select for screen readers too. */
  note?: ReactNode;
  disabled?: boolean;
}

const common = new Set<string>(COMMON_REGIONS);

/**
 * Picks the region national numbers are read in: the countries files come from most often first,
 * then every region with a numbering plan (lib/schemas/regions.ts, no phone metadata in the bundle).
 */
export function RegionSelect({ value, onChange, label, noneLabel, name, note, disabled }: Props) {
  const id = useId();
  const noteId = `${id}-note`;
  // A code outside the list (a newer numbering plan than the list knows) stays selectable.
  const unlisted = value !== "" && !common.has(value) && !ALL_REGIONS.includes(value);
  return (
    <div className={`field ${styles.field}`}>
      <span>
        <label htmlFor={id}>{label}</label>
      </span>
      <div className={styles.control}>
        <select
          id={id}
          name={name}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={note ? noteId : undefined}
          disabled={disabled}
          data-testid="region-select"
        >
          <option value="">{noneLabel}</option>
          {unlisted && <option value={value}>{value}</option>}
          <optgroup label="Common">
            {COMMON_REGIONS.map((code) => (
              <option key={code} value={code}>
                {regionLabel(code)}
              </option>
            ))}
          </optgroup>
          <optgroup label="All regions">
            {ALL_REGIONS.filter((code) => !common.has(code)).map((code) => (
              <option key={code} value={code}>
                {regionLabel(code)}
              </option>
            ))}
          </optgroup>
        </select>
        {note && (
          <span id={noteId} className={styles.note}>
            {note}
          </span>
        )}
      </div>
    </div>
  );
}
