import type { SchemaObject } from "@/lib/api-docs/openapi-types";
import { referencedNames, typeLabel } from "@/lib/api-docs/schema-summary";

/** A schema's type in a few words; named shapes link to their entry under "Schemas". */
export function ApiType({ schema }: { schema: SchemaObject | undefined }) {
  const label = typeLabel(schema);
  const names = referencedNames(schema);
  if (!names.length) return <code>{label}</code>;
  const name = names[0]!;
  const [before, after] = [label.slice(0, label.indexOf(name)), label.slice(label.indexOf(name) + name.length)];
  return (
    <code>
      {before}
      <a href={`#schema-${name}`}>{name}</a>
      {after}
    </code>
  );
}
