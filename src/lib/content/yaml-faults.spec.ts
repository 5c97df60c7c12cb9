// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from './frontmatter';

const good = [
	'id: the-vote',
	'title: The vote',
	'audience: both',
	'topics: [roles]',
	'summary: A vote goes wrong.',
	'minutes: 5'
];

/** Frontmatter with line `at` (1-based, as in the file after the opening ---) replaced. */
function check(at: number, line: string): string[] {
	const lines = [...good];
	lines[at - 2] = line;
	const out: string[] = [];
	parseFrontmatter(lines.join('\n'), 2, (l, m) => out.push(`${l}: ${m}`));
	return out;
}

describe('frontmatter YAML mistakes are reported at their own line, in plain words', () => {
	it.each([
		[3, 'title: The vote: part one', 'the value contains a colon followed by a space'],
		[3, 'title: "The vote', 'the double quote that opens this value is never closed'],
		[3, "title: 'It's the vote'", 'an apostrophe inside a value in single quotes ends it early'],
		[3, 'title: "The" vote', 'text after the closing quote'],
		[3, '\ttitle: The vote', 'the line starts with a tab'],
		[3, '  title: The vote', 'the line is indented'],
		[3, 'title:The vote', 'no space after the colon'],
		[3, 'title: @home', 'a value cannot start with "@"'],
		[3, 'title: {clerk} decides', 'a value cannot start with "{"'],
		[5, 'topics: [roles', "the list's square brackets do not match"],
		[5, '- roles', 'a "- item" list line'],
		[3, 'The vote', '"The vote" is not a "field: value" line']
	])('line %i: %s', (at, line, words) => {
		const got = check(at, line);
		expect(got.length).toBeGreaterThan(0);
		expect(got[0]).toMatch(new RegExp(`^${at}: `));
		expect(got[0]).toContain(words);
	});

	it('reports a field given twice at the second one', () => {
		expect(check(7, 'id: another')[0]).toMatch(
			/^7: field "id" appears twice \(also on line 1 of the frontmatter\)/
		);
	});

	it('warns that " #" would cut a title short, although YAML accepts it', () => {
		expect(check(3, 'title: Item#3 and more')).toEqual([]);
		expect(check(3, 'title: The vote #3')[0]).toMatch(/^3: " #" starts a comment/);
	});

	it('accepts the usual forms', () => {
		expect(check(3, 'title: "The vote: part one"')).toEqual([]);
		expect(check(3, "title: 'It''s the vote'")).toEqual([]);
		expect(check(3, 'title: The {clerk} decides')).toEqual([]);
	});
});
