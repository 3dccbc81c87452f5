// One lint gate for source, tests and benchmarks (run by `npm run lint` and CI).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  { ignores: ["dist/", "src/generated/", "node_modules/", "data/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: "Read settings through src/config.ts only.",
        },
      ],
    },
  },
  {
    // Tooling and tests may read the environment they are started with.
    files: ["scripts/**", "test/**", "bench/**", "prisma/**", "src/config.ts", "vitest.config.ts"],
    rules: { "no-restricted-syntax": "off" },
  },
);
