import type { JobListParams } from "./api";

/** The one react-query key factory; hierarchical so a prefix invalidates everything under it. */
export const queryKeys = {
  jobs: {
    all: ["jobs"] as const,
    lists: () => [...queryKeys.jobs.all, "list"] as const,
    list: (params: JobListParams) => [...queryKeys.jobs.lists(), params] as const,
    details: () => [...queryKeys.jobs.all, "detail"] as const,
    detail: (id: string) => [...queryKeys.jobs.details(), id] as const,
    errors: (id: string, page: number, pageSize: number) =>
      [...queryKeys.jobs.detail(id), "errors", { page, pageSize }] as const,
  },
};
