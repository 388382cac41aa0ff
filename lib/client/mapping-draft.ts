import type { MappableField } from "@/lib/schemas/fields";
import type { LayoutPlan, MappingOverride } from "@/lib/schemas/mapping";

/** What the reviewer is editing: one field per source column and the file-level settings. */
export interface MappingDraft {
  fields: (MappableField | null)[];
  headerLine: number;
  noHeader: boolean;
  timezone: string;
  templateName: string;
}

export function draftFromPlan(plan: LayoutPlan, width: number, fileName: string): MappingDraft {
  const fields = Array.from({ length: width }, (_, i) => plan.columns.find((c) => c.index === i)?.field ?? null);
  return {
    fields,
    headerLine: plan.headerLine ?? 1,
    noHeader: plan.headerLine == null,
    timezone: plan.timezone ?? "",
    templateName: `${fileName.replace(/\.[^.]+$/, "")} layout`,
  };
}

/** The override the API takes; the template name only matters when confirming. */
export function overrideOf(d: MappingDraft, withName: boolean): MappingOverride {
  return {
    columns: d.fields.map((field, index) => ({ index, field })),
    timezone: d.timezone.trim() || null,
    headerLine: d.noHeader ? null : d.headerLine,
    ...(withName && d.templateName.trim() ? { templateName: d.templateName.trim() } : {}),
  };
}
