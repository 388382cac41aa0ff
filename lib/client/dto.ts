import type { Role } from "@/lib/auth/roles";
import type { ErrorDto } from "@/lib/schemas/api";
import type { CanonicalRecord, RowError } from "@/lib/schemas/record";
import type { LayoutPlan } from "@/lib/schemas/mapping";
import type { LayoutTemplate } from "@/lib/schemas/template";

/** Response shapes of the admin, review and records routes, as the browser sees them. */
export interface SessionUserDto { id: string; email: string; name: string; role: Role }
export interface MeResponse { user: SessionUserDto | null; setupRequired: boolean }
export interface UserDto extends SessionUserDto { createdAt: string }

export interface TemplateDto extends LayoutTemplate { createdAt: string; updatedAt: string }

export interface PreviewRow { line: number; raw: string; record: CanonicalRecord | null; error: RowError | null }
export interface PreviewResponse { plan: LayoutPlan; headers: string[]; samples: string[][]; rows: PreviewRow[] }

export interface AllErrorsResponse {
  errors: (ErrorDto & { fileName: string })[];
  total: number;
  codes: { code: string; count: number }[];
}

export interface PrivacyRuleDto { id: string; pattern: string; kind: "number" | "prefix"; action: "mask" | "suppress"; note: string | null; createdAt: string }

export interface AuditEventDto { id: number; at: string; userId: string | null; userEmail: string | null; action: string; subjectType: string | null; subjectId: string | null; detail: string | null }

export interface ContactDto { id: number; target: string; number: string; firstSeen: string; lastSeen: string; calls: number; messages: number }

export interface TimelineResponse {
  target: string;
  days: { day: string; calls: number; messages: number }[];
  gaps: { jobId: string; from: string; to: string; seconds: number; ratio: number }[];
}
