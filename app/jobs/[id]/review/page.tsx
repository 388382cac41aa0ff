import type { Metadata } from "next";
import { MappingReviewView } from "@/components/mapping-review-view";
import { RequireRole } from "@/components/require-role";

export const metadata: Metadata = { title: "Review mapping" };

export default async function ReviewMappingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <RequireRole role="reviewer">
      <MappingReviewView id={id} />
    </RequireRole>
  );
}
