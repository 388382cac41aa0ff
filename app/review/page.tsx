import type { Metadata } from "next";
import { ActiveCaseName } from "@/components/active-case-name";
import { RequireCase } from "@/components/require-case";
import { RequireCaseReviewer } from "@/components/require-case-reviewer";
import { ReviewQueue } from "@/components/review-queue";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Review" };

export default function ReviewPage() {
  return (
    <RequireCase>
      <PageHeader
        title="Waiting for review"
        description={
          <>
            Files of <ActiveCaseName /> whose mapping the engine was not sure about. Nothing of them is loaded until a reviewer confirms.
          </>
        }
      />
      <RequireCaseReviewer>
        <ReviewQueue />
      </RequireCaseReviewer>
    </RequireCase>
  );
}
