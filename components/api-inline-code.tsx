/** Text with `backtick` spans shown as code: the API descriptions use that and nothing else. */
export function ApiInlineCode({ text }: { text: string }) {
  const parts = text.split(/`([^`]+)`/);
  return <>{parts.map((p, i) => (i % 2 ? <code key={i}>{p}</code> : p))}</>;
}
