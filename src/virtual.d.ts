declare module 'virtual:course' {
	import type { Course } from '$lib/engine/types';
	const course: Course;
	export default course;
}

/**
 * The SCORM version a package build speaks ('1.2' or '2004', from the SCORM build option; see
 * vite.config.ts), so the other version's tracker is left out of the bundle; '' in dev and tests.
 */
declare const __SCORM__: '' | '1.2' | '2004';
