// Preload for the Prisma CLI: long timers left by the WebAssembly schema engine keep the process
// alive ~60 s after its work is done; unref them so the CLI exits when finished.
const orig = global.setTimeout;
global.setTimeout = function (fn, ms, ...rest) {
  const t = orig(fn, ms, ...rest);
  if (typeof ms === "number" && ms >= 5000 && t && typeof t.unref === "function") t.unref();
  return t;
};
