import { beforeAll, describe, expect, it } from 'vitest';
import { scenarioFrom, exampleSource } from '../../../tests/helpers/course';
import type { Council, Scenario } from '../engine/types';
import { gapShare, GAP_SHARE_WARN } from './report';

let s: Scenario;
beforeAll(async () => {
	s = await scenarioFrom(exampleSource());
});

const council = (gaps: string[]): Council => ({
	id: 'x',
	name: 'X Town Council',
	kind: 'town council',
	nation: 'england',
	protocol: { title: 't', version: 'v', adopted: 'a' },
	roles: {},
	unstated: [],
	clauses: [],
	file: 'x.yaml',
	principles: Object.fromEntries(
		[
			'confidentiality.no-disclosure',
			'respect.courtesy',
			'confidentiality.breach-investigated'
		].map((p) => [p, gaps.includes(p) ? { clauses: [], gap: { note: 'n' } } : { clauses: ['c'] }])
	)
});

describe('gapShare', () => {
	// The example's points at stake (best choice per principle per step): start: no-disclosure 2,
	// courtesy 1; sue-shares-it: breach-investigated 2; after-the-meeting: no-disclosure 1. Total 6.
	it('splits the points at stake by whether the council’s protocol states the principle', () => {
		expect(gapShare(council([]), s)).toMatchObject({ stated: 6, gap: 0, share: 0 });
		expect(gapShare(council(['confidentiality.breach-investigated']), s)).toMatchObject({
			stated: 4,
			gap: 2
		});
		const mostly = gapShare(
			council(['confidentiality.breach-investigated', 'confidentiality.no-disclosure']),
			s
		);
		expect(mostly).toMatchObject({ stated: 1, gap: 5 });
		expect(mostly.share).toBeGreaterThan(GAP_SHARE_WARN);
	});
});
