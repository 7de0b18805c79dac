import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  { ignores: ["generated/**", ".next/**", "data/**", "node_modules/**", "test-results/**", "playwright-report/**", "coverage/**", "next-env.d.ts"] },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Playwright fixtures call `use(...)`, which is not React's hook.
    files: ["tests/e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // The rule engine is pure: no database, no framework, no server code, no Node APIs.
    files: ["lib/order/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@prisma/*", "@/generated/*", "*/generated/*"], message: "The rule engine knows nothing of the database." },
            { group: ["next", "next/*", "react", "react/*", "react-dom", "react-dom/*"], message: "The rule engine knows nothing of Next or React." },
            { group: ["@/lib/server/*", "*/server/*", "node:*", "server-only"], message: "The rule engine does no I/O." },
          ],
        },
      ],
    },
  },
  {
    // Domain code takes `now` as a parameter; only lib/clock.ts reads the real time.
    files: ["lib/**/*.ts"],
    ignores: ["lib/clock.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "Use the app clock (lib/clock.ts); domain code receives `now`." },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Use the app clock (lib/clock.ts); domain code receives `now`." },
      ],
    },
  },
];

export default config;
