import type { Metadata } from "next";
import { Suspense } from "react";
import { LinkChartView } from "@/components/link-chart-view";

export const metadata: Metadata = { title: "Link chart" };

export default async function CaseGraphPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense fallback={<p className="muted">Loading the case…</p>}>
      <LinkChartView id={id} />
    </Suspense>
  );
}
