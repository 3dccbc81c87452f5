// One voice: user-facing sentences live in src/i18n only. This reads every string literal and
// template of src/adapters and src/app with the TypeScript parser and fails on anything that reads
// like a sentence, unless it is a log message, an error for developers, SQL, a machine-read `reason`
// or `error` value (delivery results, stored audit reasons), a refusal's quoted detail (command
// syntax, e-mail), or marked as a protocol value with a `// not user-facing: <why>` comment on the
// line before.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** Three words or more of plain letters between spaces: "Survey not found", « Réessayez dans un instant ». */
export function readsLikeSentence(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /^[«“(]?[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’-]*[.,:;!?»”)]*$/.test(w));
  return words.length >= 3;
}

const SQL = /^\s*(?:SELECT|INSERT|UPDATE|CREATE|DELETE|WITH|ALTER)\b/;
const MACHINE_KEYS = new Set(["reason", "error", "undeliverableReason"]);
const LOG_CALL = /^(?:[\w.]*\.)?(?:logger|log|console)(?:\.child\([^)]*\))?\.(?:info|warn|error|debug|trace|fatal|log)$/;

function isExempt(node: ts.Node, source: ts.SourceFile): boolean {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isCallExpression(n) && LOG_CALL.test(n.expression.getText(source))) return true;
    if (ts.isNewExpression(n) && /Error$/.test(n.expression.getText(source))) return true;
    if (ts.isThrowStatement(n)) return true;
    if (ts.isCallExpression(n) && /^refus(?:ed|al)$/.test(n.expression.getText(source))) return true;
    if (ts.isPropertyAssignment(n) && MACHINE_KEYS.has(n.name.getText(source))) return true;
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) return true;
    if (ts.isStatement(n) || ts.isPropertyAssignment(n)) {
      const before = source.text.slice(0, n.getStart(source));
      const previousLine = before.split("\n").at(-2) ?? "";
      if (/\/\/ not user-facing: \S/.test(previousLine)) return true;
    }
  }
  return false;
}

export function sentencesIn(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    const text = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : ts.isTemplateExpression(node) ? node.getText(source).slice(1, -1) : null;
    if (text !== null && !SQL.test(text) && readsLikeSentence(text.replace(/\$\{[^}]*\}/g, " ")) && !isExempt(node, source)) {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      found.push(`${relative(root, file)}:${line} ${text.slice(0, 80)}`);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("user-facing text lives in src/i18n", () => {
  it("src/adapters and src/app hold no sentence outside logs, errors and marked protocol values", () => {
    const files = [...sourceFiles(join(root, "src/adapters")), ...sourceFiles(join(root, "src/app"))];
    expect(files.flatMap(sentencesIn)).toEqual([]);
  });

  it("the scanner sees a sentence (it can fail)", () => {
    expect(readsLikeSentence("This survey has expired.")).toBe(true);
    expect(readsLikeSentence("Cette enquête a expiré")).toBe(true);
    expect(readsLikeSentence("application/json; charset=utf-8")).toBe(false);
    expect(readsLikeSentence("survey.answer")).toBe(false);
    expect(readsLikeSentence("public, max-age=30")).toBe(false);
  });
});
