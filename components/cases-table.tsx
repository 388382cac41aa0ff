"use client";

import type { CaseDto } from "@/lib/schemas/case";
import { CaseRow } from "./case-row";

/** Every case the user may see, with what is in it; managers rename and delete from here. */
export function CasesTable({ cases, currentId, onDelete }: { cases: readonly CaseDto[]; currentId: number | null; onDelete: (c: CaseDto) => void }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Case</th>
            <th scope="col">Your role</th>
            <th scope="col" className="num">Files</th>
            <th scope="col" className="num">Records</th>
            <th scope="col" className="num">Members</th>
            <th scope="col">Updated</th>
            <th scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => <CaseRow key={c.id} value={c} current={c.id === currentId} onDelete={() => onDelete(c)} />)}
        </tbody>
      </table>
    </div>
  );
}
