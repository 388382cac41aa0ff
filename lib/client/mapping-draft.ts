import type { MappableField } from "@/lib/schemas/fields";
import type { LayoutPlan, MappingOverride } from "@/lib/schemas/mapping";

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
    headerLine: d.noHeader ? null : d.headerLine,
    ...(d.region !== undefined ? { region: d.region } : {}),
    ...(withName && d.saveTemplate && d.templateName.trim() ? { templateName: d.templateName.trim() } : {}),
  };
}
