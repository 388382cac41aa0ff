"use client";

import { useState } from "react";
import type { CaseDto } from "@/lib/schemas/case";
import { formatCount } from "@/lib/client/format";
import { useDeleteCase } from "@/lib/client/use-cases";
import { ConfirmDialog } from "./confirm-dialog";

/**
 * Deleting a case deletes everything in it for everyone, so the dialog says what goes and asks for
 * the case's name, typed, before the button works.
 */
export function CaseDeleteDialog({ value, onClose, onDeleted }: { value: CaseDto | null; onClose: () => void; onDeleted: (c: CaseDto) => void }) {
  const remove = useDeleteCase();
  const [typed, setTyped] = useState("");
  const close = () => {
    setTyped("");
    remove.reset();
    onClose();
  };
  const matches = !!value && typed.trim() === value.name.trim();
  return (
    <ConfirmDialog
      open={value !== null}
      title={`Delete case “${value?.name ?? ""}”?`}
      confirmLabel="Delete case"
      confirmDisabled={!matches}
      busy={remove.isPending}
      error={remove.error?.message ?? null}
      onConfirm={() =>
        value &&
        remove.mutate(value.id, {
          onSuccess: () => {
            setTyped("");
            onDeleted(value);
          },
        })
      }
      onClose={close}
    >
      {value && (
        <>
          <p>
            Its {formatCount(value.counts.jobs)} {value.counts.jobs === 1 ? "file" : "files"}, {formatCount(value.counts.records)} records, contacts, timelines and rejected rows
            are removed for good, for all {formatCount(value.counts.members)} members.
          </p>
          <label className="field">
            <span>Type the case name to confirm</span>
            <input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} aria-describedby="confirm-title" />
          </label>
        </>
      )}
    </ConfirmDialog>
  );
}
