import type { Metadata } from "next";
import { ActiveCaseName } from "@/components/active-case-name";
import { RequireCase } from "@/components/require-case";
import { RequireCaseReviewer } from "@/components/require-case-reviewer";
import { ReviewQueue } from "@/components/review-queue";

export const metadata: Metadata = { title: "Review" };

export default function ReviewPage() {
  return (
    <RequireCase>
      <div className="page-header">
        <div>
          <h1>Waiting for review</h1>
          <p className="muted">
            Files of <ActiveCaseName /> whose mapping the engine was not sure about. Nothing of them is loaded until a reviewer confirms.
          </p>
        </div>
      </div>
      <RequireCaseReviewer>
        <ReviewQueue />
      </RequireCaseReviewer>
    </RequireCase>
  );
}
