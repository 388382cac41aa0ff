/** The +, − and Fit buttons over a zoomable drawing (the link chart, the cell map); `testId` prefixes their test ids. */
export function ZoomTools({ className, step, onZoom, onFit, testId }: { className?: string; step: number; onZoom: (factor: number) => void; onFit: () => void; testId: string }) {
  return (
    <div className={className} role="group" aria-label="Zoom">
      <button type="button" className="btn btn-small" onClick={() => onZoom(step)} aria-label="Zoom in" data-testid={`${testId}-zoom-in`}>
        +
      </button>
      <button type="button" className="btn btn-small" onClick={() => onZoom(1 / step)} aria-label="Zoom out">
        −
      </button>
      <button type="button" className="btn btn-small" onClick={onFit} data-testid={`${testId}-fit`}>
        Fit
      </button>
    </div>
  );
}
