// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { strictCheck, type StrictContext } from '../../../scripts/mock-lms/strict';
import { VERSIONS } from '../../../scripts/mock-lms/versions';

function context(version: '1.2' | '2004', types: Record<string, string> = {}) {
	const warnings: { key: string; message: string }[] = [];
	const ctx: StrictContext = {
		version,
		codes: VERSIONS[version].codes,
		interactionType: (n) => types[n],
		warnOnce: (key, message) => {
			if (!warnings.some((w) => w.key === key)) warnings.push({ key, message });
		}
	};
	return { ctx, warnings };
}

describe('mock LMS strict rules, SCORM 1.2', () => {
	it('refuses suspend_data over 4,096 characters with 405, and takes 4,096', () => {
		const { ctx } = context('1.2');
		expect(strictCheck(ctx, 'cmi.suspend_data', 'x'.repeat(4096))).toBeNull();
		const refused = strictCheck(ctx, 'cmi.suspend_data', 'x'.repeat(4097));
		expect(refused?.code).toBe('405');
		expect(refused?.message).toMatch(/4,097 characters: SCORM 1\.2 allows 4,096/);
	});

	it('refuses identifiers with white space, warns once about punctuation in them', () => {
		const { ctx, warnings } = context('1.2');
		expect(strictCheck(ctx, 'cmi.interactions.0.id', 'step one')?.code).toBe('405');
		expect(strictCheck(ctx, 'cmi.objectives.2.id', '')?.code).toBe('405');
		expect(strictCheck(ctx, 'cmi.interactions.0.id', 'gifts.s1')).toBeNull();
		expect(strictCheck(ctx, 'cmi.objectives.1.id', 'a:b')).toBeNull();
		expect(warnings.map((w) => w.key)).toEqual(['id-chars']);
		expect(strictCheck(ctx, 'cmi.interactions.0.id', 'gifts-s1_2')).toBeNull();
	});

	it('checks responses against the interaction type the module gave', () => {
		const { ctx } = context('1.2', { '0': 'choice', '1': 'true-false', '2': 'fill-in' });
		expect(strictCheck(ctx, 'cmi.interactions.0.student_response', 'a,c')).toBeNull();
		expect(strictCheck(ctx, 'cmi.interactions.0.student_response', 'ab')?.code).toBe('405');
		expect(strictCheck(ctx, 'cmi.interactions.0.correct_responses.0.pattern', 'B')?.code).toBe(
			'405'
		);
		expect(strictCheck(ctx, 'cmi.interactions.1.student_response', 't')).toBeNull();
		expect(strictCheck(ctx, 'cmi.interactions.1.student_response', 'true')?.code).toBe('405');
		expect(strictCheck(ctx, 'cmi.interactions.2.student_response', 'any words')).toBeNull();
		// No type given yet: nothing to check against.
		expect(strictCheck(ctx, 'cmi.interactions.3.student_response', 'ab')).toBeNull();
	});

	it('warns once per element kind about values that are not strings, and lets them through', () => {
		const { ctx, warnings } = context('1.2');
		expect(strictCheck(ctx, 'cmi.core.score.raw', 80)).toBeNull();
		strictCheck(ctx, 'cmi.core.score.raw', 90);
		expect(warnings).toHaveLength(1);
		expect(warnings[0].message).toMatch(/cmi\.core\.score\.raw was given a number \(80\)/);
	});
});

describe('mock LMS strict rules, SCORM 2004', () => {
	it('takes long suspend_data (64,000 allowed) but warns that 1.2 would refuse it', () => {
		const { ctx, warnings } = context('2004');
		expect(strictCheck(ctx, 'cmi.suspend_data', 'x'.repeat(5000))).toBeNull();
		expect(warnings[0].key).toBe('suspend-long');
	});

	it('refuses identifiers with white space with 406, takes URIs', () => {
		const { ctx } = context('2004');
		expect(strictCheck(ctx, 'cmi.interactions.0.id', 'a b')?.code).toBe('406');
		expect(strictCheck(ctx, 'cmi.interactions.0.objectives.0.id', 'urn:x:gifts.s1')).toBeNull();
		// No single-character rule for 2004 choice responses.
		expect(strictCheck(ctx, 'cmi.interactions.0.learner_response', 'gifts-a')).toBeNull();
	});
});
