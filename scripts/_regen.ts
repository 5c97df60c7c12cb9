import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadCouncils, formatCouncilError } from '../src/lib/content/councils';
const root = '/work/wt-council-truth';
const ids = (parse(readFileSync(join(root, 'scenarios/principles.yaml'), 'utf8')) as { id: string }[]).map((p) => p.id);
const base = join(root, 'tests/fixtures/councils');
const write = process.argv.includes('--write');
for (const d of readdirSync(base)) {
	const dir = join(base, d);
	const exp = readFileSync(join(dir, 'expected.txt'), 'utf8').split('\n').filter((l) => l.trim());
	const got = loadCouncils(dir, ids).errors.map(formatCouncilError).map((l) => l.replace(/^.*?tests\/fixtures\//, 'tests/fixtures/'));
	const strip = (l: string) => l.replace(/:\d+: /, ': ');
	const same = JSON.stringify(exp.map(strip)) === JSON.stringify(got.map(strip));
	console.log(same ? 'same ' : 'DIFF ', d, same ? '' : '\n  exp ' + exp.join('\n  exp ') + '\n  got ' + got.join('\n  got '));
	if (write) writeFileSync(join(dir, 'expected.txt'), got.join('\n') + (got.length ? '\n' : ''));
}
