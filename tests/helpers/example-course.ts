/** The example scenario as a course whose protocol has one clause, on confidentiality (component tests). */
import type { Course } from '../../src/lib/engine/types';
import { courseOf, exampleSource, scenarioFrom } from './course';

export const EXAMPLE_CLAUSE = {
	id: 'conf-1',
	ref: '3.1(h)',
	text: 'Respect, courtesy, integrity and appropriate confidentiality from officers',
	principles: ['confidentiality.no-disclosure']
};

/** The protocol states keeping confidences (3.1(h)); courtesy to staff is a gap with the council's note. */
export async function exampleCourse(): Promise<Course> {
	const s = await scenarioFrom(exampleSource());
	return courseOf([s], {
		clauses: [EXAMPLE_CLAUSE],
		backing: {
			'confidentiality.no-disclosure': { clauses: [EXAMPLE_CLAUSE.id] },
			'respect.courtesy': {
				clauses: [],
				gap: {
					nearest: EXAMPLE_CLAUSE.id,
					note: 'This protocol does not ask councillors to be courteous to staff.'
				}
			}
		}
	});
}
