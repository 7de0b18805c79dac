import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/** Modules that only the server may load: server code, the database, Node's own modules. */
const SERVER_ONLY = [/^@\/lib\/server(\/|$)/, /(^|\/)lib\/server(\/|$)/, /^server-only$/, /^node:/, /^@\/generated\//, /(^|\/)generated\/prisma/, /^@prisma\//, /^better-sqlite3$/];

/**
 * The project's own layer rule: a client component ("use client") never imports server-only code,
 * not even through a relative path. It gets data as props from a server component, or calls a
 * server action. (Type-only imports are erased and allowed.) Proved by tests/unit/layers.test.ts.
 */
const layers = {
  rules: {
    "no-server-in-client": {
      meta: { type: "problem", messages: { server: "A client component cannot import server-only code ({{source}}): take the data as props from a server component, or call a server action." } },
      create(context) {
        const isClient = context.sourceCode.ast.body.some((node) => node.type === "ExpressionStatement" && node.directive === "use client");
        if (!isClient) return {};
        return {
          ImportDeclaration(node) {
            if (node.importKind === "type") return;
            const source = String(node.source.value);
            if (SERVER_ONLY.some((pattern) => pattern.test(source))) context.report({ node, messageId: "server", data: { source } });
          },
        };
      },
    },
  },
};

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
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    plugins: { layers },
    rules: { "layers/no-server-in-client": "error" },
  },
  {
    // Shared components render what pages hand them (types in lib/views.ts), never load data
    // themselves: no server code, no database, not even its types. Pages and layouts fetch and pass data.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/server/*", "*/lib/server/*", "server-only"], message: "Components do not load data: the page fetches it and passes it as props (types in lib/views.ts)." },
            { group: ["@prisma/*", "@/generated/*", "*/generated/*", "better-sqlite3"], message: "Components know nothing of the database." },
          ],
        },
      ],
    },
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
