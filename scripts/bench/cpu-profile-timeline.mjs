// Busy milliseconds per second for each thread of a --cpu-prof run, on one time axis, to see which
// thread limits a job (the writer, the producers, or nothing) and when each phase ran.
// usage: node scripts/bench/cpu-profile-timeline.mjs DIR [--min 50]
import fs from "node:fs";
import path from "node:path";

const [dir, ...rest] = process.argv.slice(2);
if (!dir) {
  process.stderr.write("usage: node scripts/bench/cpu-profile-timeline.mjs DIR [--min 50]\n");
  process.exit(2);
}
const min = rest[0] === "--min" ? Number(rest[1]) : 50;
// Waiting, not working: idle samples, piscina's wait for a task, and V8's "(program)" bucket.
const NOT_BUSY = new Set(["(idle)", "atomicsWaitLoop", "(program)"]);

const profiles = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".cpuprofile"))
  .sort()
  .map((f) => ({ name: f, profile: JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) }));
const t0 = Math.min(...profiles.map((p) => p.profile.startTime));
for (const { name, profile } of profiles) {
  const idle = new Set(profile.nodes.filter((n) => NOT_BUSY.has(n.callFrame.functionName)).map((n) => n.id));
  const busy = new Map();
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i];
    const second = Math.floor((t - t0) / 1e6);
    busy.set(second, (busy.get(second) ?? 0) + (idle.has(id) ? 0 : profile.timeDeltas[i] / 1000));
  });
  const thread = name.split(".").slice(3, 4)[0];
  const cells = [...busy].filter(([, ms]) => ms >= min).map(([s, ms]) => `${s}:${Math.round(ms)}`);
  console.log(`thread ${thread}  ${cells.join(" ")}`);
}
