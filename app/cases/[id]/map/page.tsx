import type { Metadata } from "next";
import { Suspense } from "react";
import { CellMapView } from "@/components/cell-map-view";

export const metadata: Metadata = { title: "Cells & map" };

export default async function CaseMapPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense fallback={<p className="muted">Loading the case…</p>}>
      <CellMapView id={id} />
    </Suspense>
  );
}
