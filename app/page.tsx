import { ActiveCaseName } from "@/components/active-case-name";
import { CaseLink } from "@/components/case-link";
import { RequireCase } from "@/components/require-case";
import { UploadWorkspace } from "@/components/upload-workspace";

export default function UploadPage() {
  return (
    <RequireCase>
      <div className="page-header">
        <div>
          <h1>Upload call-detail records</h1>
          <p className="muted">
            Into <ActiveCaseName />. Files are detected, mapped, checked and loaded automatically; loading the same records twice
            into a case adds nothing new.
          </p>
        </div>
        <CaseLink href="/jobs" className="btn">
          All jobs of the case
        </CaseLink>
      </div>
      <UploadWorkspace />
    </RequireCase>
  );
}
