import Link from "next/link";
import { UploadWorkspace } from "@/components/upload-workspace";

export default function UploadPage() {
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Upload call-detail records</h1>
          <p className="muted">
            Files are detected, mapped, checked and loaded automatically. Loading the same records twice adds nothing new.
          </p>
        </div>
        <Link href="/jobs" className="btn">
          All jobs
        </Link>
      </div>
      <UploadWorkspace />
    </>
  );
}
