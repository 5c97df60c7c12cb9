// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { coursePlugin } from './vite-plugin.js';

/** The bundled course module (virtual:course) a build with these variables produces. */
async function courseModule(env: Record<string, string>): Promise<string> {
	const plugin = coursePlugin('.', env);
	const resolved = (plugin.resolveId as (id: string) => string)('virtual:course');
	const load = plugin.load as (this: unknown, id: string) => Promise<string>;
	return load.call({ addWatchFile() {} }, resolved);
}

describe('virtual:course', () => {
	it('bakes the SCORM build variable into the course, so the package looks only for its own API', async () => {
		const v2004 = await courseModule({ COUNCIL: 'witham-town-council', SCORM: '2004' });
		const v12 = await courseModule({ COUNCIL: 'witham-town-council', SCORM: '1.2' });
		expect(v2004).toContain('"scorm":"2004"');
		expect(v12).toContain('"scorm":"1.2"');
	});
});
