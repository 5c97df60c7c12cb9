import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { principleIds } from '../tests/helpers/course';
import { attributionProblems } from '../src/lib/content/attribution';
import { loadCouncils } from '../src/lib/content/councils';
import { formatError } from '../src/lib/content/errors';
import { parseScenario } from '../src/lib/content/scenario';
const councils = ['valid-new-council', 'conduct-route-principal'].flatMap((d) => loadCouncils(`tests/fixtures/councils/${d}`, [...principleIds]).councils);
for (const name of readdirSync('tests/fixtures/attribution')) {
	const file = `tests/fixtures/attribution/${name}/scenario.md`;
	const source = readFileSync(file, 'utf8');
	const { scenario } = await parseScenario(file, source, principleIds);
	const got = attributionProblems(file, source, scenario!, councils).map(formatError);
	console.log(name, got);
	if (process.argv.includes('--write')) writeFileSync(`tests/fixtures/attribution/${name}/expected.txt`, got.map((l) => l + '\n').join(''));
}
