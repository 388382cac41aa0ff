import type { Metadata } from "next";
import { RequireRole } from "@/components/require-role";
import { ReviewQueue } from "@/components/review-queue";

export const metadata: Metadata = { title: "Review" };

export default function ReviewPage() {
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Waiting for review</h1>
          <p className="muted">Files whose mapping the engine was not sure about. Nothing of them is loaded until a reviewer confirms.</p>
        </div>
      </div>
      <RequireRole role="reviewer">
        <ReviewQueue />
      </RequireRole>
    </>
  );
}
