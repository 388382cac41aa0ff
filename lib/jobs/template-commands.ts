import crypto from "node:crypto";
import type { LayoutClassification } from "../../generated/prisma-sqlite/client";
import type { Db } from "../db/prisma";
import { layoutPlanSchema, type ColumnTransform, type FileStructure, type MappingOverride } from "../schemas/mapping";

/**
 * Saves a reviewer-confirmed mapping as a template for the file's layout fingerprint. The same
 * layout confirmed again becomes a new version of the same template, not a second template.
 */
export async function saveTemplateFromMapping(db: Db, classification: LayoutClassification, mapping: MappingOverride, userId: string | null) {
  const plan = layoutPlanSchema.parse(JSON.parse(classification.plan));
  if (!plan.fingerprint) return null;
  const columns = mapping.columns.map((c) => ({ index: c.index, header: plan.columns.find((p) => p.index === c.index)?.header ?? "", field: c.field, format: c.format ?? null }));
  const data = {
    carrier: plan.carrier,
    headerLine: mapping.headerLine !== undefined ? mapping.headerLine : plan.headerLine,
    timezone: mapping.timezone ?? plan.timezone,
    // Only a region a reviewer chose belongs to the layout; a detected one is the file's.
    region: mapping.region ?? (plan.regionSource === "reviewer" ? (plan.region ?? null) : null),
    columns: JSON.stringify(columns),
    // The sheet and the splits/merges the columns' indexes rely on (issue 18): the reviewer's, else
    // those the plan was read with; and the header line when the reviewer chose another than
    // detection found (the next file of the layout is then read with it, as this one will be).
    structure: structureJson(
      mapping.sheet ?? plan.sheet,
      mapping.transforms ?? plan.transforms,
      mapping.headerLine !== undefined && mapping.headerLine !== plan.headerLine ? mapping.headerLine : undefined,
    ),
  };
  const existing = await db.layoutTemplate.findFirst({ where: { fingerprint: plan.fingerprint }, orderBy: { version: "desc" } });
  if (existing) {
    return db.layoutTemplate.update({ where: { id: existing.id }, data: { ...data, version: existing.version + 1, name: mapping.templateName ?? existing.name } });
  }
  const name = mapping.templateName ?? `${plan.carrier === "unknown" ? "Custom" : plan.carrier.toUpperCase()} layout (${plan.columns.length} columns)`;
  return db.layoutTemplate.create({ data: { id: crypto.randomUUID(), name, version: 1, fingerprint: plan.fingerprint, createdBy: userId, ...data } });
}

/** The template's structure column: JSON {sheet?, transforms?, headerLine?}, or null when there is none. */
export function structureJson(sheet: string | undefined, transforms: ColumnTransform[] | undefined, headerLine?: number | null): string | null {
  const structure: FileStructure = {
    ...(sheet ? { sheet } : {}),
    ...(transforms && transforms.length > 0 ? { transforms } : {}),
    ...(headerLine !== undefined ? { headerLine } : {}),
  };
  return Object.keys(structure).length > 0 ? JSON.stringify(structure) : null;
}
