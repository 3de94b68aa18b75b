import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/"] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: globals.browser },
    rules: {
      // Article text is untrusted: it must never be parsed as HTML.
      "no-restricted-properties": [
        "error",
        { property: "innerHTML", message: "Use text nodes (lib/dom.ts)." },
        { property: "outerHTML", message: "Use text nodes (lib/dom.ts)." },
        { property: "insertAdjacentHTML", message: "Use text nodes (lib/dom.ts)." },
      ],
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@tauri-apps/*"], message: "Only src/lib/api talks to the backend." }] },
      ],
    },
  },
  {
    files: ["src/lib/api/**"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // The benchmark's runner runs in Node.
    files: ["bench/**/*.mjs"],
    languageOptions: { globals: globals.node },
  },
);
