import { ApiInlineCode } from "./api-inline-code";
import styles from "./api-reference.module.css";

const CURL_UPLOAD = 'curl -H "Authorization: Bearer $SWITCHYARD_TOKEN" -F caseId=1 -F files=@calls.csv http://localhost:3000/api/ingestion/upload';
const CURL_JOBS = 'curl -H "Authorization: Bearer $SWITCHYARD_TOKEN" "http://localhost:3000/api/ingestion/jobs?caseId=1"';

/** How to authenticate, with a working upload example. */
export function ApiIntro({ version, description }: { version: string; description: string }) {
  const lead = description.split("\n\n")[0] ?? "";
  return (
    <section className={`card ${styles.intro}`} aria-labelledby="api-auth">
      <div className="card-body stack">
        <p className={styles.lead}>
          <ApiInlineCode text={lead} /> Version {version}. The machine-readable description is at{" "}
          <a href="/api/openapi.json">
            <code>/api/openapi.json</code>
          </a>{" "}
          (OpenAPI 3.1).
        </p>
        <div>
          <h2 id="api-auth">Authentication</h2>
          <ul className={styles.points}>
            <li>
              <strong>In the browser</strong>, signing in sets the <code>sy_session</code> cookie (HttpOnly, 12 hours); the pages call the API with it. Writes from another site are
              refused.
            </li>
            <li>
              <strong>From scripts</strong>, send a personal API token: <code>Authorization: Bearer sy_…</code>. Create one on the <a href="/settings">settings page</a>; its secret
              is shown once. A token acts as you, with your role and cases, narrowed: a <code>read</code> token may only GET, a <code>write</code> token may also upload and change
              things, and a token may be limited to some cases. It expires (90 days by default) and can be revoked at any time.
            </li>
            <li>Token management and user administration need a browser session: a token cannot create tokens.</li>
            <li>
              <code>/api/metrics</code> and the details of <code>/api/health</code> take <code>Authorization: Bearer &lt;METRICS_TOKEN&gt;</code> (set on the server) or an admin
              session.
            </li>
          </ul>
        </div>
        <div>
          <h3 className={styles.h3}>Upload a file with a token</h3>
          <pre className={styles.code}>
            <code>{CURL_UPLOAD}</code>
          </pre>
          <p className="muted">
            The answer (202) lists one job per file; follow a job with <code>GET /api/ingestion/jobs/{"{id}"}</code>, or list a case&apos;s jobs:
          </p>
          <pre className={styles.code}>
            <code>{CURL_JOBS}</code>
          </pre>
        </div>
        <div>
          <h3 className={styles.h3}>Errors</h3>
          <p>
            Every error answer is JSON: <code>{'{"error":{"code":"not_found","message":"There is no such case."}}'}</code>, with the status its code implies (400 bad_request, 401
            unauthorized, 403 forbidden, 404 not_found, 409 conflict, 413 payload_too_large, 429 rate_limited, 500 internal). A case or job you are not a member of answers exactly
            like one that does not exist.
          </p>
        </div>
      </div>
    </section>
  );
}
