// ESLint 9 flat config: typescript-eslint's recommended rules, React's rules of hooks, and the
// codebase's own boundaries (CODE_STYLE.md). `npm run lint` runs this, then `prettier --check .`;
// formatting is Prettier's job, not ESLint's.
// Type-aware rules (recommendedTypeChecked) are off on purpose: they took 2 min 14 s on two cores
// against 14 s without them.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// `a(), b()` as one statement is a deliberate compact style here (e.g. `(dist = d), (nearest = i)` in
// lib/ingest/extract/pdf/column-model.ts), so no-unused-expressions lets a comma sequence through
// when every part does something; a bare `x;` or `a, b` is still an error.
const DOES_SOMETHING = new Set(["CallExpression", "AssignmentExpression", "UpdateExpression", "AwaitExpression", "NewExpression", "ChainExpression", "YieldExpression"]);
const baseUnusedExpressions = tseslint.plugin.rules["no-unused-expressions"];
const local = {
  rules: {
    "no-unused-expressions": {
      ...baseUnusedExpressions,
      create(context) {
        const report = (descriptor) => {
          const expr = descriptor.node?.expression;
          if (expr?.type === "SequenceExpression" && expr.expressions.every((e) => DOES_SOMETHING.has(e.type))) return;
          context.report(descriptor);
        };
        return baseUnusedExpressions.create(Object.create(context, { report: { value: report } }));
      },
    },
  },
};

// lib/ is plain TypeScript shared by the server, the worker threads and the CLI; only lib/client/
// (browser hooks) and lib/server/ (the HTTP and socket glue) may know about the frameworks.
const FRAMEWORK_IMPORTS = {
  paths: [
    { name: "react", message: "lib/ is framework-free: React belongs in components/ or lib/client/." },
    { name: "react-dom", message: "lib/ is framework-free: React belongs in components/ or lib/client/." },
    { name: "next", message: "lib/ is framework-free: Next.js belongs in app/ or lib/client/." },
    { name: "socket.io", message: "lib/ is framework-free: Socket.IO belongs in lib/server/." },
    { name: "socket.io-client", message: "lib/ is framework-free: the socket client belongs in lib/client/." },
  ],
  patterns: [
    { group: ["next/*"], message: "lib/ is framework-free: Next.js belongs in app/ or lib/client/." },
    { group: ["@tanstack/*"], message: "lib/ is framework-free: react-query belongs in lib/client/." },
  ],
};

export default tseslint.config(
  {
    ignores: [
      "generated/**",
      ".next/**",
      "dist/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "bench-results/**",
      "data/**",
      "public/**",
      "fixtures/**",
      "tests/fixtures/**",
      ".cache/**",
      "next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { local },
    rules: {
      "@typescript-eslint/no-unused-expressions": "off",
      "local/no-unused-expressions": ["error", { allowShortCircuit: true, allowTernary: true }],
      // A leading underscore marks a value dropped on purpose (`const { id: _id, jobId: job, ...rest } = r` in cli/export-command.ts).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      // CDR text is full of NULs and control bytes; the regexes that find and strip them mean it.
      "no-control-regex": "off",
    },
  },
  {
    files: ["**/*.{ts,tsx,mts}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
    },
  },
  {
    // The server, the workers and the UI log through lib/log.ts (pino), never the console.
    files: ["lib/**", "app/**", "components/**", "workers/**", "cli/**", "server.ts"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: { "no-console": "error" },
  },
  {
    files: ["lib/**"],
    ignores: ["lib/client/**", "lib/server/**"],
    rules: { "no-restricted-imports": ["error", FRAMEWORK_IMPORTS] },
  },
  {
    // Plain-JS scripts (scripts/, the xls worker, the timer shim) run under Node.
    files: ["**/*.{mjs,cjs}"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
