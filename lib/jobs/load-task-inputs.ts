import type { Db } from "../db/prisma";
import { fileStructureSchema, mappingOverrideSchema, type FileStructure, type MappingOverride } from "../schemas/mapping";
import { layoutTemplateSchema, type LayoutTemplate } from "../schemas/template";
import type { IngestTask } from "../schemas/worker-protocol";

/** Everything a worker needs besides the file: templates, privacy rules, a reviewer's mapping, the case's region. */
export async function loadTaskInputs(
  db: Db,
  mappingJson: string | null,
  caseId: number | null,
): Promise<Pick<IngestTask, "templates" | "privacyRules" | "override" | "caseRegion">> {
  const [templates, rules, kase] = await Promise.all([
    db.layoutTemplate.findMany(),
    db.privacyRule.findMany(),
    caseId === null ? null : db.case.findUnique({ where: { id: caseId }, select: { region: true } }),
  ]);
  return {
    caseRegion: kase?.region ?? null,
    templates: templates.map(toTemplate),
    privacyRules: rules.map((r) => ({
      pattern: r.pattern,
      kind: r.kind === "prefix" ? ("prefix" as const) : ("number" as const),
      action: r.action === "suppress" ? ("suppress" as const) : ("mask" as const),
    })),
    override: mappingJson ? parseOverride(mappingJson) : null,
  };
}

function parseOverride(json: string): MappingOverride | null {
  const parsed = mappingOverrideSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

export function toTemplate(t: {
  id: string;
  name: string;
  version: number;
  fingerprint: string;
  carrier: string;
  headerLine: number | null;
  timezone: string | null;
  region?: string | null;
  columns: string;
  structure?: string | null;
}): LayoutTemplate {
  const { structure, ...rest } = t;
  return layoutTemplateSchema.parse({ ...rest, columns: JSON.parse(t.columns), structure: parseStructure(structure) });
}

/** A template's sheet and structure edits (issue 18); unreadable JSON counts as none rather than hiding the template. */
function parseStructure(json: string | null | undefined): FileStructure | null {
  if (!json) return null;
  try {
    const parsed = fileStructureSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
