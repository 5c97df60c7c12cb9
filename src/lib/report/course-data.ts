/** The part of a course the cohort report needs: graphs, titles, questions and choice wording (no feedback). */
import type { Course } from '../engine/types.js';

export function reportCourse(course: Course): Course {
	return {
		...course,
		clauses: [],
		backing: {},
		principles: course.principles.map((p) => ({ ...p, summary: '' })),
		scenarios: course.scenarios.map((s) => ({
			...s,
			nodes: Object.fromEntries(
				Object.entries(s.nodes).map(([id, n]) => [
					id,
					n.kind === 'ending'
						? { ...n, narrative: [] }
						: { ...n, narrative: [], choices: n.choices.map((c) => ({ ...c, feedback: [] })) }
				])
			)
		}))
	};
}
