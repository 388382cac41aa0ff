import { isValidElement, type ReactNode } from "react";

/** What QueryState reads of a react-query result (a `UseQueryResult` fits). */
export interface QueryLike<T> {
  data: T | undefined;
  error: Error | null;
  isPending: boolean;
  refetch?: () => unknown;
}

interface Props<T> {
  query: QueryLike<T>;
  /** What shows while the first answer is on its way (text is set in a muted note). */
  loading?: ReactNode;
  /** When the answer has nothing to show, and what to say then (text is set in the empty note; an element shows as it is). */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  /** Class of the empty note; "empty-note muted" unless told. */
  emptyClassName?: string;
  /** Offer "Try again" on an error: true refetches the query, a function does what it says. */
  retry?: boolean | (() => void);
  /** Inside a card the notes get its padding ("card-body"); false outside one. */
  inset?: boolean;
  /** The error's wording; its message unless told. */
  errorText?: (error: Error) => ReactNode;
  children: (data: T) => ReactNode;
}

/** Text in a paragraph of the given class; an element (a note with a button) as it is. */
export function Note({ children, className }: { children: ReactNode; className: string }) {
  return isValidElement(children) ? children : <p className={className}>{children}</p>;
}

/** An error note, with a retry button when given one. */
export function ErrorNote({ message, onRetry, className }: { message: ReactNode; onRetry?: () => void; className?: string }) {
  return (
    <p className={className ? `${className} alert` : "alert"} role="alert">
      {message}
      {onRetry && (
        <>
          {" "}
          <button type="button" className="btn btn-small" onClick={onRetry}>
            Try again
          </button>
        </>
      )}
    </p>
  );
}

/**
 * A react-query result's states in one place: loading until the first answer, an error (kept
 * above stale data when a refetch fails), an empty note, else the children with the data.
 */
export function QueryState<T>(props: Props<T>) {
  const { query, loading = "Loading…", isEmpty, empty, emptyClassName = "empty-note muted", retry, inset = true, errorText, children } = props;
  const { data, error, isPending } = query;
  const onRetry = retry === true ? () => void query.refetch?.() : retry === false ? undefined : retry;
  const errorNote = error ? <ErrorNote message={errorText ? errorText(error) : error.message} onRetry={onRetry} className={inset ? "card-body" : undefined} /> : null;
  if (data === undefined) {
    if (errorNote) return errorNote;
    if (isPending) return <Note className={inset ? "card-body muted" : "muted"}>{loading}</Note>;
    return null;
  }
  if (isEmpty?.(data)) {
    return (
      <>
        {errorNote}
        <Note className={emptyClassName}>{empty}</Note>
      </>
    );
  }
  return (
    <>
      {errorNote}
      {children(data)}
    </>
  );
}
