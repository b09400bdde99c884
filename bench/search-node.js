// bench/search-node.js — how long the browser's search takes on a built
// site, timed under node with the site's own layouts/assets/js/search.js:
// parsing the index's parts, folding every text once, and a few queries
// (median of 5 runs each).
//
//   go run ./cmd/tongbao build -s SITE -d OUT && node bench/search-node.js OUT
"use strict";
const fs = require("fs");
const path = require("path");

const out = process.argv[2];
if (!out) {
  console.error("usage: node bench/search-node.js OUTPUT-FOLDER");
  process.exit(2);
}
const s = require(path.join(__dirname, "..", "layouts", "assets", "js", "search.js"));
const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6;

let t = process.hrtime.bigint();
const head = JSON.parse(fs.readFileSync(path.join(out, "search-index.json"), "utf8"));
const parts = head.parts.map((p) => JSON.parse(fs.readFileSync(path.join(out, p), "utf8")));
const index = new s.Index(parts);
let bytes = 0;
for (const d of index.docs) {
  bytes += Buffer.byteLength(d.text || "");
}
console.log(`${index.docs.length} documents, ${(bytes / 1e6).toFixed(1)} MB of text in ${parts.length} parts: parsed in ${ms(t).toFixed(0)} ms`);
t = process.hrtime.bigint();
index.prepare();
console.log(`folded in ${ms(t).toFixed(0)} ms (once, at the first search)`);
for (const q of ["禁毒", "安全生产工作", "营商环境 优化", "2023", "GDP增长", "的"]) {
  const runs = [];
  let n = 0;
  for (let i = 0; i < 5; i++) {
    t = process.hrtime.bigint();
    n = s.search(index, q).results.length;
    runs.push(ms(t));
  }
  runs.sort((a, b) => a - b);
  console.log(`${q}: ${n} results, ${runs[2].toFixed(1)} ms`);
}
