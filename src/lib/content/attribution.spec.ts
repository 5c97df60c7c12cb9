// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { principleIds } from '../../../tests/helpers/course';
import { attributionProblems, ATTRIBUTION } from './attribution';
import { loadCouncils } from './councils';
import { formatError } from './errors';
import { parseScenario } from './scenario';

// Two fixture councils with the same clauses: a parish (Brackenford) and a borough (Fenmoor).
// Neither protocol states confidentiality.breach-investigated (a gap); both state confidentiality.no-disclosure.
const councils = ['valid-new-council', 'conduct-route-principal'].flatMap(
	(d) => loadCouncils(`tests/fixtures/councils/${d}`, [...principleIds]).councils
);
const dir = 'tests/fixtures/attribution';
const cases = readdirSync(dir, { withFileTypes: true })
	.filter((d) => d.isDirectory())
	.map((d) => d.name);

describe('the attribution check', () => {
	it('runs against two councils', () =>
		expect(councils.map((c) => c.id)).toEqual([
			'brackenford-parish-council',
			'fenmoor-borough-council'
		]));

	it.each(cases)('%s gives exactly the messages in its expected.txt', async (name) => {
		const file = `${dir}/${name}/scenario.md`;
		const source = readFileSync(file, 'utf8');
		const { scenario, errors } = await parseScenario(file, source, principleIds);
		expect(errors).toEqual([]);
		const expected = readFileSync(`${dir}/${name}/expected.txt`, 'utf8')
			.split('\n')
			.filter((l) => l.trim());
		const got = attributionProblems(file, source, scenario!, councils).map(formatError);
		expect(got).toEqual(expected);
		for (const line of got) expect(line).toMatch(/:\d+: .* — /);
	});

	it('recognises the usual ways of attributing a rule to the protocol', () => {
		for (const s of [
			'The protocol says staff must not be pressured.',
			'your protocol expects courtesy',
			"the council's protocol is clear",
			'The rules say you must wait.',
			"{council}'s protocol requires it",
			'This is what the protocol rules out.',
			'The Member/Officer protocol expects it.',
			"That breaks the protocol's rule on pressure."
		])
			expect(ATTRIBUTION.test(s), s).toBe(true);
		for (const s of [
			'If you think the rules are wrong, change the rules.',
			'She applied the rules fairly.',
			'Many councils have a protocol on this.'
		])
			expect(ATTRIBUTION.test(s), s).toBe(false);
	});
});
