import { CORE_FIELDS, FIELD_LABELS, type MappableField } from "../../schemas/fields";
import { REVIEW_THRESHOLD, type LayoutPlan, type MappingOverride } from "../../schemas/mapping";
import type { MappingProblem } from "../../schemas/mapping-problems";
import { missingCore } from "../classify/missing-core";
import { HEADERLESS_REASON, ZONE_UNKNOWN_REASON } from "../classify/review-reasons";
import { wallToUtcConverter } from "../normalize/zone-offset";
import { addedTransforms, remapColumns } from "./apply-transforms";

/** Fields whose doubt sent the file to review (plan-layout's REVIEWED_FIELDS). */
const FLAGGED_FIELDS: readonly MappableField[] = [...CORE_FIELDS, "counterparty"];

type PlanFacts = Pick<LayoutPlan, "columns" | "reviewReasons" | "timezone"> & Partial<Pick<LayoutPlan, "transforms">>;

/**
 * Everything that stops a reviewer's mapping from loading right (issue 18: a file held for its
 * unknown zone was confirmed with the zone empty and loaded six hours off; two columns mapped to
 * Caller left Callee empty). Pure and browser-safe: the mapping route refuses a mapping with any
 * problem, and the review screen shows the same problems on their fields before Confirm.
 *
 * - every reason the file was held is answered: a zone (or an explicit UTC) when the file did not
 *   say one, the header row when none was found, each flagged column listed in the mapping;
 * - a zone that was known is not cleared (the times would silently load as UTC), and a zone
 *   given is one the loader can use;
 * - each field takes at most one column; the core fields (start, caller and callee, or the other
 *   party with a direction) are there.
 */
export function checkMapping(plan: PlanFacts, override: MappingOverride): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const mapped = override.columns.filter((c) => c.field !== null);

  const zone = override.timezone !== undefined ? override.timezone : plan.timezone;
  const zoneColumn = mapped.some((c) => c.field === "time_zone");
  const zoneUnknown = plan.reviewReasons.includes(ZONE_UNKNOWN_REASON);
  if (zone) {
    if (wallToUtcConverter(zone) === null) {
      problems.push({ code: "zone_invalid", on: "timezone", message: `"${zone}" is not a time zone: use a name like America/Chicago, UTC, or an offset like -05:00.` });
    }
  } else if (!zoneColumn && (zoneUnknown || plan.timezone)) {
    problems.push({
      code: "zone_missing",
      on: "timezone",
      message: zoneUnknown
        ? "The file does not say which time zone its times are in: choose one (UTC if the times are UTC)."
        : `The file's times are in ${plan.timezone}; clearing the zone would load them as UTC. Choose a zone.`,
    });
  }

  if (plan.reviewReasons.includes(HEADERLESS_REASON) && override.headerLine === undefined) {
    problems.push({ code: "header_unanswered", on: "headerLine", message: "No header row was found: say which line holds the headers, or that there is none." });
  }

  // The override's columns index the table after its structure edits (issue 18): the plan's flagged
  // columns are placed there too. Edits that undo the plan's own leave its columns nowhere to check.
  const listed = new Set(override.columns.map((c) => c.index));
  const added = addedTransforms(plan.transforms ?? [], override.transforms);
  for (const c of added === null ? [] : remapColumns(plan.columns, added)) {
    if (c.field !== null && FLAGGED_FIELDS.includes(c.field) && c.confidence < REVIEW_THRESHOLD && !listed.has(c.index)) {
      problems.push({
        code: "column_unanswered",
        on: `column:${c.index}`,
        message: `Column ${c.index + 1}${c.header ? ` "${c.header}"` : ""} was flagged: map it or set it to "not used".`,
      });
    }
  }

  const byField = new Map<MappableField, number[]>();
  for (const c of mapped) byField.set(c.field!, [...(byField.get(c.field!) ?? []), c.index]);
  for (const [field, indexes] of byField) {
    if (indexes.length > 1) {
      const cols = indexes.map((i) => i + 1);
      problems.push({
        code: "duplicate_field",
        on: field,
        message: `${FIELD_LABELS[field]} is mapped from columns ${cols.slice(0, -1).join(", ")} and ${cols.at(-1)}: a field takes one column.`,
      });
    }
  }

  for (const m of missingCore(mapped)) problems.push({ code: "core_missing", on: m.field, message: `${m.message}: map a column to ${FIELD_LABELS[m.field]}.` });
  return problems;
}

/** One sentence for a refusal: the first problems, and how many more. */
export function problemsSentence(problems: MappingProblem[]): string {
  const shown = problems.slice(0, 3).map((p) => p.message.replace(/\.$/, ""));
  const more = problems.length - shown.length;
  return `The mapping cannot be confirmed yet: ${shown.join("; ")}${more > 0 ? `; and ${more} more` : ""}.`;
}
