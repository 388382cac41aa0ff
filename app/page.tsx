import { ActiveCaseName } from "@/components/active-case-name";
import { CaseLink } from "@/components/case-link";
import { RequireCase } from "@/components/require-case";
import { UploadWorkspace } from "@/components/upload-workspace";
import { PageHeader } from "@/components/page-header";

export default function UploadPage() {
  return (
    <RequireCase>
      <PageHeader
        title="Upload call-detail records"
        description={
          <>
            Into <ActiveCaseName />. Files are detected, mapped, checked and loaded automatically; loading the same records twice into a case adds nothing new.
          </>
        }
        actions={
          <CaseLink href="/jobs" className="btn">
            All jobs of the case
          </CaseLink>
        }
      />
      <UploadWorkspace />
    </RequireCase>
  );
}
