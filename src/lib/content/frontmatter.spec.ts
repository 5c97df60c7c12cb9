// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from './frontmatter';

const FIELDS: Record<string, string> = {
	id: 'exempt-papers',
	title: 'The exempt papers',
	audience: 'officer',
	topics: '[confidentiality]',
	summary: 'A councillor asks.',
	minutes: '6'
};

/** The frontmatter with these fields changed (null leaves one out; new ones go at the end), read from file line 2. */
function read(change: Record<string, string | null> = {}) {
	const text = Object.entries({ ...FIELDS, ...change })
		.filter(([, value]) => value !== null)
		.map(([key, value]) => `${key}:${value ? ` ${value}` : ''}`)
		.join('\n');
	const problems: string[] = [];
	const meta = parseFrontmatter(text, 2, (line, message) => problems.push(`${line}: ${message}`));
	return { meta, problems };
}

describe('parseFrontmatter', () => {
	it('reads the fields, trimmed, with fits in lower case', () => {
		expect(read({ title: '"  The exempt papers "', fits: '[Parish Council, principal]' })).toEqual({
			meta: {
				id: 'exempt-papers',
				title: 'The exempt papers',
				audience: 'officer',
				topics: ['confidentiality'],
				summary: 'A councillor asks.',
				minutes: 6,
				fits: ['parish council', 'principal']
			},
			problems: []
		});
	});

	const TOPICS_LIST =
		'confidentiality, relationships, delegation, roles, political-groups, complaints, chairs, public-criticism, professional-advice, correspondence, pressure';
	it.each<[string, Record<string, string | null>, string]>([
		[
			'a field left out',
			{ audience: null },
			'2: frontmatter field "audience" is missing or empty — add "audience: …"'
		],
		[
			'a field left empty',
			{ topics: '' },
			'5: frontmatter field "topics" is missing or empty — add "topics: …"'
		],
		['a list for text', { id: '[a, b]' }, '2: "id" must be text, not a list'],
		['a number for text', { title: '12' }, '3: "title" must be text, not number'],
		[
			'an id in the wrong form',
			{ id: 'Exempt_Papers' },
			'2: id "Exempt_Papers" must be lower case letters, digits and hyphens, e.g. "exempt-papers"'
		],
		[
			'an id too long',
			{ id: 'a'.repeat(81) },
			'2: id is 81 characters; at most 80 — the id names the scenario in saved progress, file names and LMS reports (see "Limits" in docs/authoring.md)'
		],
		[
			'the id kept for protocols',
			{ id: 'protocol' },
			`2: id "protocol" is kept for the council's protocol file — choose another id`
		],
		[
			'an unknown audience',
			{ audience: 'officers' },
			'4: audience "officers" is not allowed — use councillor, officer or both'
		],
		[
			'topics not a list',
			{ topics: 'confidentiality' },
			'5: "topics" must be a list, e.g. "topics: [confidentiality]"'
		],
		['no topics', { topics: '[]' }, '5: "topics" is empty — name at least one topic'],
		[
			'an unknown topic, at the field',
			{ topics: '\n  - confidentiality\n  - gossip' },
			`5: unknown topic "gossip" — use: ${TOPICS_LIST}`
		],
		[
			'minutes not whole',
			{ minutes: '1.5' },
			'7: "minutes" must be a whole number from 1 to 60, not "1.5"'
		],
		[
			'minutes as text',
			{ minutes: '"6"' },
			'7: "minutes" must be a whole number from 1 to 60, not "6"'
		],
		[
			'fits not a list',
			{ fits: 'principal' },
			'8: "fits" must be a list of kinds of council, e.g. "fits: [principal]" or "fits: [parish council, town council]" — or leave it out to fit every council'
		],
		[
			'fits naming no kind of council',
			{ fits: '[parish council, County]' },
			'8: "fits" names "county", which is not a kind of council — use local, principal or any of: parish council, town council, community council, village council, neighbourhood council, parish-level city council, district council, borough council, city council, county council, unitary council, metropolitan borough council, london borough council, county borough council'
		]
	])('%s: says where, what and how to fix it', (_, change, problem) => {
		expect(read(change)).toEqual({ meta: null, problems: [problem] });
	});

	it('reports an unknown field, first, and still reads the rest', () => {
		expect(read({ topic: '[roles]' }).problems).toEqual([
			'8: unknown frontmatter field "topic" — allowed: id, title, audience, topics, summary, minutes, fits'
		]);
		expect(read({ topic: '[roles]' }).meta?.id).toBe('exempt-papers');
		expect(read({ topics: null, topic: '[roles]' }).problems).toEqual([
			'7: unknown frontmatter field "topic" — allowed: id, title, audience, topics, summary, minutes, fits',
			'2: frontmatter field "topics" is missing or empty — add "topics: …"'
		]);
	});

	it('checks every field, not only up to the first problem', () => {
		expect(read({ id: '61', summary: '', audience: 'officers' }).problems).toEqual([
			'2: "id" must be text, not number',
			'4: audience "officers" is not allowed — use councillor, officer or both',
			'6: frontmatter field "summary" is missing or empty — add "summary: …"'
		]);
	});
});
