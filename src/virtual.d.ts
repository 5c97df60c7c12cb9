declare module 'virtual:course' {
	import type { Course } from '$lib/engine/types';
	const course: Course;
	export default course;
}
