import type { ZodType } from "zod";
import { commonContactSchema, commonContactsResponseSchema } from "../schemas/analytics";
import { apiTokenDtoSchema, createTokenResponseSchema, tokenListResponseSchema } from "../schemas/api-tokens";
import {
  apiErrorSchema,
  errorDtoSchema,
  errorListResponseSchema,
  jobDetailResponseSchema,
  jobListResponseSchema,
  recordDtoSchema,
  recordListResponseSchema,
  uploadResponseSchema,
} from "../schemas/api";
import { caseDtoSchema, caseListResponseSchema, caseMemberDtoSchema, caseMembersResponseSchema, caseResponseSchema } from "../schemas/case";
import { jobDtoSchema } from "../schemas/job";
import { layoutPlanSchema } from "../schemas/mapping";
import * as envelopes from "../schemas/response-envelopes";
import * as responses from "../schemas/responses";

/**
 * The shared shapes the document names under components.schemas (answers `$ref` them). Any other
 * response schema an operation uses is named after the operation.
 */
export const NAMED_SCHEMAS: readonly [ZodType, string, string?][] = [
  [
    apiErrorSchema,
    "ApiError",
    "Every error answer: a stable code (bad_request, unauthorized, forbidden, not_found, conflict, payload_too_large, rate_limited, internal) and a sentence a person understands.",
  ],
  [jobDtoSchema, "Job", "A job: one uploaded file on its way through detection, mapping, normalization and loading."],
  [layoutPlanSchema, "LayoutPlan", "Everything the engine decided about a file before loading it."],
  [errorDtoSchema, "RowError", "A row that could not be loaded."],
  [recordDtoSchema, "Record", "A stored call or message: the canonical fields plus where it came from."],
  [caseDtoSchema, "Case", "A case (investigation) as the caller sees it."],
  [caseMemberDtoSchema, "CaseMember", "A member of a case and their role in it."],
  [responses.contactDtoSchema, "Contact", "A party a target talked to, counted within one case."],
  [responses.templateDtoSchema, "Template", "A reviewer-confirmed layout: the next file with the same fingerprint loads with this mapping."],
  [responses.userDtoSchema, "User", undefined],
  [responses.sessionUserDtoSchema, "SessionUser", undefined],
  [responses.privacyRuleDtoSchema, "PrivacyRule", undefined],
  [responses.auditEventDtoSchema, "AuditEvent", undefined],
  [apiTokenDtoSchema, "ApiToken", "A personal API token, never its secret."],
  [uploadResponseSchema, "UploadResponse"],
  [jobListResponseSchema, "JobListResponse"],
  [jobDetailResponseSchema, "JobDetailResponse"],
  [envelopes.jobResponseSchema, "JobResponse"],
  [errorListResponseSchema, "RowErrorListResponse"],
  [responses.allErrorsResponseSchema, "AllErrorsResponse"],
  [responses.previewResponseSchema, "PreviewResponse"],
  [recordListResponseSchema, "RecordListResponse"],
  [responses.targetsResponseSchema, "TargetsResponse"],
  [responses.timelineResponseSchema, "TimelineResponse"],
  [responses.contactListResponseSchema, "ContactListResponse"],
  [commonContactSchema, "CommonContact", "A number two or more targets of a case talk to, with each target's share."],
  [commonContactsResponseSchema, "CommonContactsResponse"],
  [caseListResponseSchema, "CaseListResponse"],
  [caseResponseSchema, "CaseResponse"],
  [caseMembersResponseSchema, "CaseMembersResponse"],
  [envelopes.caseMemberResponseSchema, "CaseMemberResponse"],
  [envelopes.templateListResponseSchema, "TemplateListResponse"],
  [envelopes.templateResponseSchema, "TemplateResponse"],
  [envelopes.privacyRuleListResponseSchema, "PrivacyRuleListResponse"],
  [envelopes.privacyRuleResponseSchema, "PrivacyRuleResponse"],
  [envelopes.auditListResponseSchema, "AuditListResponse"],
  [envelopes.userListResponseSchema, "UserListResponse"],
  [envelopes.userResponseSchema, "UserResponse"],
  [envelopes.signInResponseSchema, "SignInResponse"],
  [envelopes.healthResponseSchema, "HealthResponse"],
  [responses.meResponseSchema, "MeResponse"],
  [tokenListResponseSchema, "ApiTokenListResponse"],
  [createTokenResponseSchema, "CreateApiTokenResponse", "The new token: `token` is its secret, shown this once."],
];
