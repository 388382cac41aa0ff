import type { MappingProblem } from "@/lib/schemas/mapping-problems";
import styles from "./mapping-problems.module.css";

/** The problems of one place on the review screen (a field, the zone, the header row), under it. */
export function FieldProblem({ problems, id }: { problems: MappingProblem[]; id?: string }) {
  if (problems.length === 0) return null;
  return (
    <span id={id} className={styles.fieldProblem} data-testid="field-problem">
      {problems.map((p) => p.message).join(" ")}
    </span>
  );
}

/** Problems shown at `on` ("timezone", "headerLine", a field name, "column:<i>"). */
export const problemsOn = (problems: MappingProblem[], ...on: string[]) => problems.filter((p) => on.includes(p.on));
