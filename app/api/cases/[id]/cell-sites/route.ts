import { clearCellSites, listCellSites, uploadCellSiteList } from "@/lib/data/cell-sites";
import { cellSiteListQuerySchema } from "@/lib/schemas/cells";
import { receiveOneFile } from "@/lib/server/receive-one-file";
import { idParams, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/**
 * The cap on an uploaded cell-site list. The list is read into memory and parsed on the server's
 * main thread (the worker pool runs ingest jobs only): papaparse reads 20 MB of CSV in well under a
 * second and the rows are checked in slices that yield to the event loop, so other requests wait
 * at most that long. A regional carrier list is a few MB; a national one should be split by region.
 */
const MAX_CELL_LIST_BYTES = 20 * 1024 * 1024;

const caseSubject = (id: number | undefined) => ({ type: "case", id: String(id ?? "") });

/** The case's cell-site list (by cell) and its size. */
export const GET = route({ params: idParams, caseAccess: "case", query: cellSiteListQuerySchema }, async ({ runtime, access, query }) =>
  listCellSites(runtime.db, access!.caseId, query.limit),
);

/** Uploads a carrier's cell-site list (CSV, TSV or XLSX, one `file` part) into the case's list: same cells are replaced. Any member of the case. */
export const POST = route(
  {
    params: idParams,
    caseAccess: "case",
    audit: ({ access }, result) => {
      const r = result as { fileName: string; loaded: number; rejectedCount: number; count: number };
      return {
        action: "case.cell_sites.upload",
        subject: caseSubject(access?.caseId),
        detail: { fileName: r.fileName, loaded: r.loaded, rejected: r.rejectedCount, count: r.count },
      };
    },
  },
  async ({ req, runtime, access }) => {
    const { fileName, bytes } = await receiveOneFile(req, MAX_CELL_LIST_BYTES);
    return uploadCellSiteList(runtime.db, access!.caseId, bytes, fileName);
  },
);

/** Empties the case's cell-site list. */
export const DELETE = route(
  {
    params: idParams,
    caseAccess: "case",
    audit: ({ access }, result) => ({ action: "case.cell_sites.clear", subject: caseSubject(access?.caseId), detail: result }),
  },
  async ({ runtime, access }) => clearCellSites(runtime.db, access!.caseId),
);
