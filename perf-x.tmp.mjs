import { readFileSync } from 'node:fs'; import { gzipSync } from 'node:zlib';
const g = (s) => gzipSync(s, { level: 9 }).length;
for (const f of process.argv.slice(2)) {
const h = readFileSync(f, 'utf8');
const re = /Object\.defineProperty\(exports,"([^"]+)",\{enumerable:!0,get:function\(\)\{return ([\w$]+)\}\}\)(,|;)?/g;
let n = 0;
const t = h.replace(/(?:Object\.defineProperty\(exports,"[^"]+",\{enumerable:!0,get:function\(\)\{return [\w$]+\}\}\)[,;]?)+/g, (run) => {
  const items = [...run.matchAll(/Object\.defineProperty\(exports,"([^"]+)",\{enumerable:!0,get:function\(\)\{return ([\w$]+)\}\}\)/g)].map((m) => (n++, `${/^[A-Za-z_$][\w$]*$/.test(m[1]) ? m[1] : JSON.stringify(m[1])}:()=>${m[2]}`));
  return `__csX(exports,{${items.join(',')}})` + (/[,;]$/.test(run) ? run.slice(-1) : '');
});
console.log(f, n, g(h), g(t), g(h) - g(t));
}
