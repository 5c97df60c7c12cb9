import { loadLibrary } from '../src/lib/content/course';
import { attributionProblems } from '../src/lib/content/attribution';
import { scenarioFits } from '../src/lib/content/councils';
const lib = await loadLibrary('.');
let n = 0;
for (const s of lib.scenarios) {
	const errs = attributionProblems(s.file, lib.sources[s.file], s, lib.councils.filter((c) => scenarioFits(s.fits, c.kind)));
	for (const e of errs) { n++; console.log(`${e.file}:${e.line}: ${e.message.slice(0, 200)}`); }
}
console.log(n);
