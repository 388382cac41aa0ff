// Writes the analytics demo case (issue 21) into a folder: three targets' carrier files, the
// case's cell-site list and truth.json. Usage: npx tsx scripts/make-demo-case.mts [DIR]
import fs from "node:fs";
import path from "node:path";
import { writeDemoCase } from "../tests/support/analytics-demo-case.ts";

const dir = path.resolve(process.argv[2] ?? "demo-case");
const truth = writeDemoCase(dir);
fs.writeFileSync(path.join(dir, "truth.json"), JSON.stringify(truth, null, 2) + "\n");
for (const f of truth.files) console.log(`${f.name}\t${f.layout}\t${f.target}\t${f.records} records`);
console.log(`cell-sites.csv\t${truth.cellSites.length} cells`);
console.log(`truth.json\t${dir}`);
