import type { MappableField } from "@/lib/schemas/fields";
import type { ColumnMapping, ColumnTransform, LayoutPlan, MappingOverride } from "@/lib/schemas/mapping";
import { transformedIndex } from "@/lib/ingest/review/apply-transforms";

/** What the reviewer is editing: one field per source column and the file-level settings. */
export interface MappingDraft {
  fields: (MappableField | null)[];
  headerLine: number;
  noHeader: boolean;
  timezone: string;
  /**
   * Region for national numbers: undefined keeps the detected one (and where it came from, so a
   * region only the file's numbers suggested is not saved into the template as the layout's);
   * a code or null (not known) is the reviewer's choice.
   */
  region?: string | null | undefined;
  /** The workbook sheet chosen (undefined: the detected one). */
  sheet?: string;
  /** Column splits/merges, in order; `fields` index the table after them (lib/ingest/review/apply-transforms.ts). */
  transforms: ColumnTransform[];
  /** True after a sheet change: the header row is detected again and `fields` wait for the new sheet's suggestions. */
  reseed?: boolean;
  /** Saving a template is the reviewer's choice (issue 18), off until ticked. */
  saveTemplate: boolean;
  templateName: string;
}

export function draftFromPlan(plan: LayoutPlan, width: number, fileName: string): MappingDraft {
  const fields = Array.from({ length: width }, (_, i) => plan.columns.find((c) => c.index === i)?.field ?? null);
  return {
    fields,
    headerLine: plan.headerLine ?? 1,
    noHeader: plan.headerLine == null,
    timezone: plan.timezone ?? "",
    ...(plan.sheet ? { sheet: plan.sheet } : {}),
    transforms: plan.transforms ?? [],
    saveTemplate: false,
    templateName: `${fileName.replace(/\.[^.]+$/, "")} layout`,
  };
}

/** The region the draft reads national numbers in: the reviewer's choice, else the detected one. */
export const draftRegion = (d: MappingDraft, plan: Pick<LayoutPlan, "region">): string | null => (d.region !== undefined ? d.region : (plan.region ?? null));

/** The override the API takes; a template name (which makes the API save one) only when confirming with "save" ticked. */
export function overrideOf(d: MappingDraft, withName: boolean): MappingOverride {
  return {
    columns: d.fields.map((field, index) => ({ index, field })),
    timezone: d.timezone.trim() || null,
    ...(d.reseed ? {} : { headerLine: d.noHeader ? null : d.headerLine }),
    ...(d.region !== undefined ? { region: d.region } : {}),
    ...(d.sheet ? { sheet: d.sheet } : {}),
    transforms: d.transforms,
    ...(withName && d.saveTemplate && d.templateName.trim() ? { templateName: d.templateName.trim() } : {}),
  };
}

/** The fields of a table re-indexed across one structure edit: a column keeps its field where it lands (a split's second part and a merge's second column start unmapped). */
function carryFields(fields: (MappableField | null)[], t: ColumnTransform, width: number): (MappableField | null)[] {
  const out: (MappableField | null)[] = new Array<MappableField | null>(width).fill(null);
  fields.forEach((f, i) => {
    const j = transformedIndex(i, [t]);
    if (j < width && out[j] === null) out[j] = f;
  });
  return out;
}

/** The draft after one more structure edit (split or merge), its fields following their columns. */
export function withTransform(d: MappingDraft, t: ColumnTransform): MappingDraft {
  const width = d.fields.length + (t.op === "split" ? 1 : -1);
  return { ...d, transforms: [...d.transforms, t], fields: carryFields(d.fields, t, width) };
}

/** The draft with its last structure edit undone: the columns come back, a split's fields from its first part. */
export function withoutLastTransform(d: MappingDraft): MappingDraft {
  const t = d.transforms.at(-1);
  if (!t) return d;
  const width = d.fields.length + (t.op === "split" ? -1 : 1);
  const fields = Array.from({ length: width }, (_, i) => {
    const j = transformedIndex(i, [t]);
    // A merged pair's field goes back to its first column only.
    const first = Array.from({ length: width }, (_, k) => k).find((k) => transformedIndex(k, [t]) === j);
    return first === i ? (d.fields[j] ?? null) : null;
  });
  return { ...d, transforms: d.transforms.slice(0, -1), fields };
}

/** Another sheet: its columns are new, so the structure edits go, the header row is detected again and the fields wait for its suggestions. */
export function withSheet(d: MappingDraft, sheet: string): MappingDraft {
  return { ...d, sheet, transforms: [], fields: [], reseed: true };
}

/** The first preview of a new sheet seeds the draft from what the engine suggests there. */
export function reseeded(d: MappingDraft, plan: Pick<LayoutPlan, "headerLine">, suggested: readonly ColumnMapping[], width: number): MappingDraft {
  const fields = Array.from({ length: width }, (_, i) => suggested.find((c) => c.index === i)?.field ?? null);
  return { ...d, fields, headerLine: plan.headerLine ?? 1, noHeader: plan.headerLine == null, reseed: false };
}
