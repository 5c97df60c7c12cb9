import { readFileSync } from 'node:fs'; import { gzipSync } from 'node:zlib';
import { firstScreenFiles } from './src/lib/content/classic-chunks.js';
const d = 'dist/witham-town-council-scorm12/'; const html = readFileSync(d + 'index.html', 'utf8');
const N = firstScreenFiles(html); const g = (s) => gzipSync(s, { level: 9 }).length;
const r = (fs) => fs.map((f) => readFileSync(d + f, 'utf8')).join('\n');
const common = g(html + r(N.common));
console.log('html+common', common, 'scenario files', g(r(N.scenario)), 'home', g(r(N.home)), 'all inline', g(html + r(N.common) + r(N.scenario) + r(N.home)));
