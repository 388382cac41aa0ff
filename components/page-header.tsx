import type { ReactNode } from "react";

interface Props {
  title: ReactNode;
  /** One or two sentences under the title (muted). */
  description?: ReactNode;
  /** Buttons or links on the right (below the title on a phone). */
  actions?: ReactNode;
}

/** The heading of a page: its h1, what the page is for, and its main actions. */
export function PageHeader({ title, description, actions }: Props) {
  return (
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        {description !== undefined && <p className="muted">{description}</p>}
      </div>
      {actions}
    </div>
  );
}
