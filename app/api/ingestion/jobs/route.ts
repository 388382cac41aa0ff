import { listJobs } from "@/lib/jobs/job-queries";
import { jobListQuerySchema } from "@/lib/schemas/api";
import { queryOf, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const GET = route(async ({ req, runtime, user }) => listJobs(runtime.db, user, jobListQuerySchema.parse(queryOf(req))));
