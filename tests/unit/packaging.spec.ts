// @vitest-environment node
/**
 * The pieces of scripts/package.ts and src/lib/packaging/zip.ts, with a stub course and a fake
 * app build (no vite build here; `npm run package` does the real thing end to end).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseBuildOptions, type BuildOptions } from '../../src/lib/content/options.js';
import { checkPackage, PROJECT_ROOT } from '../../src/lib/packaging/check.js';
import { listFiles, unzipFiles, zipDirectory, zipFiles } from '../../src/lib/packaging/zip.js';

const utf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
import {
	assemblePackage,
	councilIds,
	inFlagWords,
	main,
	manifestFor,
	optionsToEnv,
	planPackages,
	type CourseInfo
} from '../../scripts/package.js';

const tmp = mkdtempSync(join(tmpdir(), 'packaging-spec-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ctx = {
	councils: ['halewood-town-council', 'witham-town-council'],
	scenarios: ['chair-grievance', 'exempt-papers', 'instructing-staff']
};

const course = (o: BuildOptions): CourseInfo => ({
	title: `Member/Officer protocol: Witham & "Town" Council${o.mode === 'practice' ? ' (practice)' : ''}`,
	council: { id: o.council, name: 'Witham Town Council' },
	scenarios: [{ id: 'exempt-papers', title: 'The exempt papers' }],
	contentVersion: 'c0ffee12'
});

/** Names of the zip's entries in stored order (local file headers). */
function entryOrder(zip: Uint8Array): string[] {
	const names: string[] = [];
	const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
	let at = 0;
	while (view.getUint32(at, true) === 0x04034b50) {
		const size = view.getUint32(at + 18, true);
		const nameLen = view.getUint16(at + 26, true);
		const extraLen = view.getUint16(at + 28, true);
		names.push(utf8(zip.subarray(at + 30, at + 30 + nameLen)));
		at += 30 + nameLen + extraLen + size;
	}
	return names;
}

describe('zip', () => {
	it('is deterministic, manifest first, then path order', () => {
		const a = zipFiles({ 'b.js': 'b', 'imsmanifest.xml': '<m/>', 'a/z.css': 'z', 'A.txt': 'A' });
		const b = zipFiles({ 'A.txt': 'A', 'a/z.css': 'z', 'imsmanifest.xml': '<m/>', 'b.js': 'b' });
		expect(a).toEqual(b);
		expect(entryOrder(a)).toEqual(['imsmanifest.xml', 'A.txt', 'a/z.css', 'b.js']);
		expect(utf8(unzipFiles(a)['a/z.css'])).toBe('z');
	});

	it('zips a folder (recursively, skipping OS litter) plus extra files, which win', () => {
		const dir = join(tmp, 'app');
		mkdirSync(join(dir, '_app/immutable'), { recursive: true });
		writeFileSync(join(dir, 'index.html'), 'hi');
		writeFileSync(join(dir, '_app/immutable/x.js'), 'x');
		writeFileSync(join(dir, '.DS_Store'), 'junk');
		writeFileSync(join(dir, 'imsmanifest.xml'), 'old');
		mkdirSync(join(dir, 'empty'));
		expect(listFiles(dir)).toEqual(['_app/immutable/x.js', 'imsmanifest.xml', 'index.html']);
		const files = unzipFiles(zipDirectory(dir, { 'imsmanifest.xml': 'new' }));
		expect(Object.keys(files).sort()).toEqual([
			'_app/immutable/x.js',
			'imsmanifest.xml',
			'index.html'
		]);
		expect(utf8(files['imsmanifest.xml'])).toBe('new');
	});

	it('deflates text, stores what is already compressed, with sizes in each local header (no data descriptors)', () => {
		const text = 'Member/Officer protocol. '.repeat(200);
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);
		const zip = zipFiles({ 'imsmanifest.xml': '<m/>', 'index.html': text, 'logo.png': png });
		const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
		const headers: Record<
			string,
			{ flags: number; method: number; compressed: number; size: number }
		> = {};
		let at = 0;
		while (view.getUint32(at, true) === 0x04034b50) {
			const nameLen = view.getUint16(at + 26, true);
			const name = utf8(zip.subarray(at + 30, at + 30 + nameLen));
			headers[name] = {
				flags: view.getUint16(at + 6, true),
				method: view.getUint16(at + 8, true),
				compressed: view.getUint32(at + 18, true),
				size: view.getUint32(at + 22, true)
			};
			at += 30 + nameLen + view.getUint16(at + 28, true) + headers[name].compressed;
		}
		expect(Object.keys(headers)).toEqual(['imsmanifest.xml', 'index.html', 'logo.png']);
		for (const h of Object.values(headers))
			expect(h.flags & 8, 'bit 3: sizes in a data descriptor').toBe(0);
		expect(headers['index.html']).toMatchObject({ method: 8, size: text.length });
		expect(headers['index.html'].compressed).toBeLessThan(text.length / 10);
		expect(headers['logo.png']).toMatchObject({
			method: 0,
			size: png.length,
			compressed: png.length
		});
		const back = unzipFiles(zip);
		expect(utf8(back['index.html'])).toBe(text);
		expect([...back['logo.png']]).toEqual([...png]);
	});

	it('refuses paths that leave the package', () => {
		expect(() => zipFiles({ '../x': 'x' })).toThrow(/\.\./);
		expect(() => zipFiles({ '/x': 'x' })).toThrow(/relative/);
	});
});

describe('optionsToEnv', () => {
	it.each([
		{},
		{ SCORM: '2004', COURSE_MODE: 'practice' },
		{ PASS_MARK: '65', SCENARIOS: 'exempt-papers,chair-grievance', OBJECTIVES: 'off' },
		{
			INTERACTIONS: 'off',
			COURSE_TITLE: 'Induction: "Members" & Officers',
			REFRESHER_MONTHS: '24'
		},
		{ COUNCIL: 'halewood-town-council', DESCRIPTIONS: 'off' },
		{ AUDIENCE: 'officer', CORE: 'exempt-papers,chair-grievance' }
	])('round-trips through parseBuildOptions: %o', (env) => {
		const { options, errors } = parseBuildOptions({ COUNCIL: 'witham-town-council', ...env }, ctx);
		expect(errors).toEqual([]);
		const again = parseBuildOptions(optionsToEnv(options), ctx);
		expect(again.errors).toEqual([]);
		expect(again.options).toEqual(options);
	});
});

describe('planPackages', () => {
	it('with no flags: every council × SCORM 1.2 and 2004', () => {
		const { plans, errors } = planPackages([], ctx);
		expect(errors).toEqual([]);
		expect(plans.map((o) => `${o.council}/${o.scorm}/${o.mode}`)).toEqual([
			'halewood-town-council/1.2/assessed',
			'halewood-town-council/2004/assessed',
			'witham-town-council/1.2/assessed',
			'witham-town-council/2004/assessed'
		]);
	});

	it('with flags: just that one', () => {
		// As typed after `npm run package --`.
		const argv =
			'--council=witham-town-council --scorm=2004 --mode=practice --scenarios=exempt-papers --objectives=off';
		const { plans, errors } = planPackages(argv.split(' '), ctx);
		expect(errors).toEqual([]);
		expect(plans).toHaveLength(1);
		expect(plans[0]).toMatchObject({
			council: 'witham-town-council',
			scorm: '2004',
			mode: 'practice',
			scenarios: ['exempt-papers'],
			objectives: false
		});
	});

	it('reports every unknown or invalid flag', () => {
		const { errors } = planPackages(
			['--colour=red', '--scorm=2005', '--pass-mark=101', '--scenarios=nope'],
			ctx
		);
		expect(errors.join('\n')).toMatch(/unknown option "--colour=red"/);
		expect(errors.join('\n')).toMatch(/SCORM="2005" is not allowed/);
		expect(errors.join('\n')).toMatch(/PASS_MARK="101" is not allowed/);
		expect(errors.join('\n')).toMatch(/SCENARIOS names "nope"/);
	});
});

describe('assemblePackage', () => {
	const app = join(tmp, 'build');
	mkdirSync(join(app, '_app'), { recursive: true });
	writeFileSync(join(app, 'index.html'), '<!doctype html><title>Course</title>');
	writeFileSync(join(app, '_app/version.json'), '{}');

	for (const env of [
		{ SCORM: '1.2' },
		{ SCORM: '2004' },
		{ SCORM: '2004', COURSE_MODE: 'practice' },
		{ SCORM: '1.2', SCENARIOS: 'exempt-papers' }
	]) {
		it(`makes a package folder and a zip that pass checkPackage: ${JSON.stringify(env)}`, async () => {
			const { options } = parseBuildOptions({ COUNCIL: 'witham-town-council', ...env }, ctx);
			const out = join(tmp, 'dist', JSON.stringify(env).replace(/\W+/g, '-'));
			const zip = assemblePackage(app, out, options, course(options), PROJECT_ROOT);
			expect(await checkPackage(zip, options.scorm)).toEqual([]);
			expect(existsSync(join(out, 'imsmanifest.xml'))).toBe(true);
			expect(existsSync(join(out, 'index.html'))).toBe(true);
			expect(Object.keys(unzipFiles(zip)).sort()).toEqual(listFiles(out));
			const manifest = readFileSync(join(out, 'imsmanifest.xml'), 'utf8');
			expect(manifest).toContain('Member/Officer protocol: Witham &amp; "Town" Council');
			expect(manifest).toContain('version="c0ffee12"');
			expect(manifest).toContain('<file href="_app/version.json"/>');
		});
	}

	it('refuses an app build without index.html', () => {
		const empty = join(tmp, 'empty-build');
		mkdirSync(empty, { recursive: true });
		const { options } = parseBuildOptions({ COUNCIL: 'witham-town-council' }, ctx);
		expect(() =>
			assemblePackage(empty, join(tmp, 'x'), options, course(options), PROJECT_ROOT)
		).toThrow(/no index\.html/);
	});

	it('manifestFor uses buildSlug + content version as the identifier', () => {
		const { options } = parseBuildOptions({ COUNCIL: 'witham-town-council', SCORM: '2004' }, ctx);
		expect(manifestFor(options, course(options), ['index.html'])).toContain(
			'identifier="witham-town-council-scorm2004-vc0ffee12"'
		);
	});
});

describe('inFlagWords', () => {
	it('rewrites option variable names as the flags the user typed', () => {
		expect(
			inFlagWords(
				'PASS_MARK is set but COURSE_MODE=practice has no pass mark — remove PASS_MARK or use COURSE_MODE=assessed'
			)
		).toBe(
			'--pass-mark is set but --mode=practice has no pass mark — remove --pass-mark or use --mode=assessed'
		);
	});
});

describe('main', () => {
	it('lists councils from scenarios/councils/*.yaml', () => {
		const root = join(tmp, 'root');
		mkdirSync(join(root, 'scenarios/councils'), { recursive: true });
		for (const f of ['b-council.yaml', 'a-council.yaml', 'a-council.source.txt'])
			writeFileSync(join(root, 'scenarios/councils', f), '');
		expect(councilIds(root)).toEqual(['a-council', 'b-council']);
	});

	it('exits 1 on bad flags, printing each error, before building anything', async () => {
		const root = join(tmp, 'root');
		const errors: string[] = [];
		const spy = vi.spyOn(console, 'error').mockImplementation((m: string) => void errors.push(m));
		const log = vi.spyOn(console, 'log').mockImplementation(() => {});
		const load = vi.fn(async (_r: string, o: BuildOptions) => ({ course: course(o), errors: [] }));
		try {
			expect(await main(['--nope', '--scorm'], root, load)).toBe(1);
			expect(errors.join('\n')).toMatch(/unknown option "--nope"/);
			expect(load).not.toHaveBeenCalled();
			errors.length = 0;
			expect(await main(['--council=z-council'], root, load)).toBe(1);
			expect(errors.join('\n')).toMatch(/--council="z-council" is not a council/);
		} finally {
			spy.mockRestore();
			log.mockRestore();
		}
	});
});
