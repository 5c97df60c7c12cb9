import { describe, expect, it } from 'vitest';
import type { Course } from './types';
import {
	gapSentence,
	inProtocol,
	principleTag,
	principlesHeading,
	protocolTitle,
	recommendedLabel,
	unstatedRoutes,
	verdict
} from './verdict';

const backing: Course['backing'] = {
	stated: { clauses: ['c1'] },
	silent: { clauses: [], gap: { note: 'This protocol does not cover it.' } }
};

describe('verdicts', () => {
	it('judge a principle the protocol states against the protocol', () => {
		expect([-2, -1, 0, 1, 2].map((p) => verdict(backing, 'stated', p))).toEqual([
			'Goes against the protocol',
			'Falls short of the protocol',
			'Neutral',
			'Partly meets the protocol',
			'Meets the protocol'
		]);
	});

	it('never judge a gap against the protocol: it is good practice', () => {
		const words = [-2, -1, 0, 1, 2].map((p) => verdict(backing, 'silent', p));
		expect(words).toEqual([
			'Goes against good practice',
			'Falls short of good practice',
			'Neutral',
			'Partly follows good practice',
			'Follows good practice'
		]);
		for (const w of words) expect(w).not.toMatch(/protocol/);
		// A principle with no backing at all (data not loaded, or unknown) is never claimed for the protocol.
		expect(verdict({}, 'stated', 2)).toBe('Follows good practice');
		expect(inProtocol({}, 'stated')).toBe(false);
	});

	it('head the list, label the recommendation and tag results by what the protocol states', () => {
		expect(principlesHeading(backing, ['stated'])).toBe('What the protocol says');
		expect(principlesHeading(backing, ['silent'])).toMatch(/^What good practice says/);
		expect(principlesHeading(backing, ['stated', 'silent'])).toBe(
			'What the protocol says, and where it is silent'
		);
		expect(recommendedLabel(backing, ['stated'])).toBe('The protocol recommends');
		expect(recommendedLabel(backing, ['stated', 'silent'])).toBe('Recommended');
		expect(recommendedLabel(backing, [])).toBe('Recommended');
		expect(principleTag(backing, 'stated')).toBeNull();
		expect(principleTag(backing, 'silent')).toMatch(/good practice/);
	});
});

describe('naming the protocol', () => {
	const council = {
		name: 'Cwm Isaf Community Council',
		protocol: { title: 'not stated', version: 'not stated', adopted: 'not stated' }
	};
	it('uses the title, or the council’s name when the document gives none, with a curly apostrophe', () => {
		expect(protocolTitle(council)).toBe('Cwm Isaf Community Council’s protocol');
		expect(
			protocolTitle({
				...council,
				protocol: { ...council.protocol, title: 'Member/Officer Protocol' }
			})
		).toBe('Member/Officer Protocol');
		expect(gapSentence(council)).toBe(
			'This is good practice that Cwm Isaf Community Council’s protocol does not state.'
		);
		expect(gapSentence(council)).not.toContain("'");
	});

	it('lists the routes a protocol does not name, with the general course used instead', () => {
		const routes = unstatedRoutes({
			roles: { 'complaints-to': 'the Clerk (or …)' },
			unstated: ['complaints-to']
		});
		expect(routes).toEqual([
			{
				label: 'Who a councillor raises a concern about an employee with',
				text: 'Not stated in this protocol. The scenarios use the general course: the Clerk (or …).'
			}
		]);
		expect(unstatedRoutes({ roles: {}, unstated: [] })).toEqual([]);
	});
});
