import { addMemberBodySchema, caseListResponseSchema, caseMembersResponseSchema, caseResponseSchema, createCaseBodySchema, updateCaseBodySchema } from "../schemas/case";
import { caseMemberResponseSchema } from "../schemas/response-envelopes";
import type { ApiOperation } from "./operation-types";

const CASE_ID = { id: { description: "The case's id.", integer: true } };
const NO_CASE = "There is no such case, or you are not a member (the same answer for both).";

/** Cases (investigations) and their members. */
export const CASE_OPERATIONS: ApiOperation[] = [
  {
    id: "listCases", method: "get", path: "/api/cases", tag: "Cases", auth: "user", role: "analyst",
    summary: "List my cases",
    description: "The cases the caller belongs to (admins: every case), with counts, and the one they last used.",
    success: { status: 200, description: "The cases.", schema: caseListResponseSchema },
  },
  {
    id: "createCase", method: "post", path: "/api/cases", tag: "Cases", auth: "user", role: "analyst",
    summary: "Create a case",
    description: "A new case; its creator is its first member. `region` (ISO 3166-1 alpha-2) is how national numbers of its files are read when neither the file nor a template says.",
    body: createCaseBodySchema,
    success: { status: 201, description: "The new case.", schema: caseResponseSchema },
    errors: { 403: "An API token limited to some cases cannot create cases." },
  },
  {
    id: "getCase", method: "get", path: "/api/cases/{id}", tag: "Cases", auth: "user", role: "analyst",
    summary: "Get a case",
    pathParams: CASE_ID,
    success: { status: 200, description: "The case.", schema: caseResponseSchema },
    errors: { 404: NO_CASE },
  },
  {
    id: "updateCase", method: "patch", path: "/api/cases/{id}", tag: "Cases", auth: "user", role: "analyst",
    summary: "Rename or re-describe a case",
    description: "The case's creator or an admin. `displayTimezone` is the IANA time zone (\"America/Chicago\") the case's patterns of life are shown in; null or \"\" for UTC; a zone this server does not know is a 400.",
    pathParams: CASE_ID,
    body: updateCaseBodySchema,
    success: { status: 200, description: "The updated case.", schema: caseResponseSchema },
    errors: { 400: "A field is invalid (an unknown time zone, an unknown region, an empty name).", 403: "Only the case's creator or an admin may change it.", 404: NO_CASE },
  },
  {
    id: "deleteCase", method: "delete", path: "/api/cases/{id}", tag: "Cases", auth: "user", role: "analyst",
    summary: "Delete a case",
    description: "Deletes the case and everything in it: jobs, records, errors, contacts, gaps and stored uploads. The case's creator or an admin.",
    pathParams: CASE_ID,
    success: { status: 204, description: "Deleted." },
    errors: { 403: "Only the case's creator or an admin may delete it.", 404: NO_CASE, 409: "A file of the case is still loading: cancel it first." },
  },
  {
    id: "selectCase", method: "post", path: "/api/cases/{id}/select", tag: "Cases", auth: "user", role: "analyst",
    summary: "Make a case my current one",
    description: "Remembered as the case switcher's default, and where uploads without a case go.",
    pathParams: CASE_ID,
    success: { status: 204, description: "Remembered." },
    errors: { 404: NO_CASE },
  },
  {
    id: "listCaseMembers", method: "get", path: "/api/cases/{id}/members", tag: "Cases", auth: "user", role: "analyst",
    summary: "List a case's members",
    pathParams: CASE_ID,
    success: { status: 200, description: "The members and their role in the case.", schema: caseMembersResponseSchema },
    errors: { 404: NO_CASE },
  },
  {
    id: "addCaseMember", method: "post", path: "/api/cases/{id}/members", tag: "Cases", auth: "user", role: "analyst",
    summary: "Add a member to a case",
    description: "Adds a user (by e-mail) as analyst or reviewer of the case: the case's creator or an admin. The new member sees the case at once.",
    pathParams: CASE_ID,
    body: addMemberBodySchema,
    success: { status: 201, description: "The new member.", schema: caseMemberResponseSchema },
    errors: { 400: "No user has that e-mail address (an admin adds users first).", 403: "Only the case's creator or an admin may add members.", 404: NO_CASE },
  },
  {
    id: "removeCaseMember", method: "delete", path: "/api/cases/{id}/members/{userId}", tag: "Cases", auth: "user", role: "analyst",
    summary: "Remove a member from a case",
    description: "The case's creator or an admin; the member's open pages lose the case at once.",
    pathParams: { ...CASE_ID, userId: { description: "The member's user id." } },
    success: { status: 204, description: "Removed." },
    errors: { 403: "Only the case's creator or an admin may remove members.", 404: NO_CASE },
  },
];
