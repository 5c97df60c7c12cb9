// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScormVersion } from '../content/options.js';
import { checkPackage, PROJECT_ROOT, validateManifestXml } from './check.js';
import { buildManifest, controlFiles, type ManifestInput } from './manifest.js';
import { zipFiles } from './zip.js';

const FIXTURES = join(PROJECT_ROOT, 'tests/fixtures/manifests');

/**
 * A zip holding the manifest and a stub for every file it names (file hrefs, resource hrefs,
 * adlcp:location, xsi:schemaLocation), so that only the manifest's own problems show.
 */
function stubPackage(xml: string): Record<string, Uint8Array | string> {
	const files: Record<string, Uint8Array | string> = { 'imsmanifest.xml': xml };
	const add = (href: string) => {
		if (href && !/^[a-z]+:/i.test(href))
			files[decodeURIComponent(href.replace(/[?#].*$/, ''))] = 'stub';
	};
	for (const m of xml.matchAll(/<file\s+href="([^"]*)"/g)) add(m[1]);
	for (const m of xml.matchAll(/<resource\b[^>]*\shref="([^"]*)"/g)) add(m[1]);
	for (const m of xml.matchAll(/<adlcp:location>([^<]*)</g)) add(m[1].trim());
	const loc = /xsi:schemaLocation="([^"]*)"/.exec(xml)?.[1].trim().split(/\s+/) ?? [];
	for (let i = 1; i < loc.length; i += 2) add(loc[i]);
	return files;
}

describe('checkPackage on sample manifests (tests/fixtures/manifests)', () => {
	it.each<[string, ScormVersion, RegExp | null]>([
		['scorm12-ok-full.xml', '1.2', null],
		[
			'scorm12-bad-masteryscore-range.xml',
			'1.2',
			/masteryscore "150" must be a number from 0 to 100/
		],
		[
			'scorm12-bad-scormtype-value.xml',
			'1.2',
			/'SCO' is not an element of the set \{'asset', 'sco'\}/
		],
		['scorm2004-ok-full.xml', '2004', null],
		[
			'scorm2004-bad-default-org-missing.xml',
			'2004',
			/<organizations default> "org_9" names no organization/
		],
		['scorm2004-bad-imsss-element-misspelt.xml', '2004', /<imsss:sequencng> is not an element/]
	])('%s', async (file, version, expected) => {
		const xml = readFileSync(join(FIXTURES, file), 'utf8');
		const problems = await checkPackage(zipFiles(stubPackage(xml)), version);
		if (expected === null) expect(problems).toEqual([]);
		else expect(problems.join('\n')).toMatch(expected);
	});

	it('tells the XSD findings apart from the rule findings', async () => {
		const bad = readFileSync(join(FIXTURES, 'scorm12-bad-scormtype-value.xml'), 'utf8');
		expect((await validateManifestXml(bad, '1.2'))[0]).toMatch(
			/^imsmanifest\.xml:\d+: .*\(SCORM 1\.2 XSD\)$/
		);
		const rule = readFileSync(join(FIXTURES, 'scorm12-bad-masteryscore-range.xml'), 'utf8');
		expect(await validateManifestXml(rule, '1.2')).toEqual([]);
	});

	it('reports a manifest of the other version', async () => {
		const xml = readFileSync(join(FIXTURES, 'scorm12-ok-full.xml'), 'utf8');
		const problems = await checkPackage(zipFiles(stubPackage(xml)), '2004');
		expect(problems.join('\n')).toMatch(
			/this is a SCORM 1\.2 manifest, but the package is meant to be SCORM 2004/
		);
	});
});

describe('checkPackage on packages built with buildManifest', () => {
	const input = (scorm: ScormVersion, over: Partial<ManifestInput> = {}): ManifestInput => ({
		scorm,
		identifier: `kingsthorpe-parish-council-${scorm === '1.2' ? 'scorm12' : 'scorm2004'}-v0011aabb`,
		code: 'kingsthorpe',
		title: 'Member/Officer protocol: Kingsthorpe & District "Parish" Council',
		launch: 'index.html',
		files: ['index.html', '_app/immutable/app.js', 'media/Logo file.png'],
		contentVersion: '0011aabb',
		passMark: 80,
		mode: 'assessed',
		...over
	});
	const appFiles = {
		'index.html': '<!doctype html><title>x</title>',
		'_app/immutable/app.js': 'x',
		'media/Logo file.png': new Uint8Array([137, 80, 78, 71])
	};
	const pkg = (
		scorm: ScormVersion,
		over: Partial<ManifestInput> = {},
		extra: Record<string, Uint8Array | string> = {}
	) => {
		const files: Record<string, Uint8Array | string> = {
			...appFiles,
			'imsmanifest.xml': buildManifest(input(scorm, over))
		};
		for (const c of controlFiles(scorm, PROJECT_ROOT)) files[c.path] = c.data;
		return zipFiles({ ...files, ...extra });
	};

	for (const scorm of ['1.2', '2004'] as const) {
		describe(`SCORM ${scorm}`, () => {
			it('is fine, assessed and practice', async () => {
				expect(await checkPackage(pkg(scorm), scorm)).toEqual([]);
				expect(await checkPackage(pkg(scorm, { mode: 'practice' }), scorm)).toEqual([]);
			});

			it('finds a file in the zip that the manifest does not list', async () => {
				const problems = await checkPackage(pkg(scorm, {}, { 'notes.txt': 'x' }), scorm);
				expect(problems).toEqual([
					expect.stringMatching(/the zip holds "notes\.txt", which no resource lists/)
				]);
			});

			it('finds a listed file missing from the zip, and a missing launch file', async () => {
				const problems = await checkPackage(
					pkg(scorm, { files: [...input(scorm).files, 'gone.css'] }),
					scorm
				);
				expect(problems).toEqual([
					expect.stringMatching(/lists file "gone\.css" is not in the zip/)
				]);
				const noLaunch = zipFiles({
					'imsmanifest.xml': buildManifest(input(scorm, { files: ['index.html'] }))
				});
				expect((await checkPackage(noLaunch, scorm)).join('\n')).toMatch(
					/launches "index\.html" is not in the zip/
				);
			});

			it('finds a letter-case mismatch', async () => {
				const problems = await checkPackage(
					pkg(scorm, { files: ['index.html', '_app/immutable/app.js', 'media/logo file.png'] }),
					scorm
				);
				expect(problems.join('\n')).toMatch(
					/"media\/logo file\.png" is in the zip as "media\/Logo file\.png"/
				);
			});

			it('finds the schema files missing', async () => {
				const files: Record<string, Uint8Array | string> = {
					...appFiles,
					'imsmanifest.xml': buildManifest(input(scorm))
				};
				expect((await checkPackage(zipFiles(files), scorm)).join('\n')).toMatch(
					/xsi:schemaLocation names "[a-z_0-9]+\.xsd" is not in the zip/
				);
			});
		});
	}

	it('finds ".." and absolute paths in the manifest', async () => {
		const xml = buildManifest(input('1.2')).replace(
			'<file href="_app/immutable/app.js"/>',
			'<file href="../app.js"/><file href="/etc/passwd"/>'
		);
		const files: Record<string, Uint8Array | string> = { ...appFiles, 'imsmanifest.xml': xml };
		for (const c of controlFiles('1.2', PROJECT_ROOT)) files[c.path] = c.data;
		const problems = (await checkPackage(zipFiles(files), '1.2')).join('\n');
		expect(problems).toMatch(/lists file "\.\.\/app\.js", which contains "\.\."/);
		expect(problems).toMatch(/lists file "\/etc\/passwd", which is an absolute path/);
	});

	it('finds a manifest in a folder instead of the root, and a zip that is not a zip', async () => {
		expect(
			await checkPackage(zipFiles({ 'course/imsmanifest.xml': buildManifest(input('1.2')) }), '1.2')
		).toEqual([
			expect.stringMatching(/imsmanifest\.xml is at "course\/imsmanifest\.xml", not at the root/)
		]);
		expect(await checkPackage(new TextEncoder().encode('not a zip'), '1.2')).toEqual([
			expect.stringMatching(/not a readable zip/)
		]);
	});

	it('reports a manifest that is not well-formed once, from the parser', async () => {
		const problems = await checkPackage(
			zipFiles({ 'imsmanifest.xml': '<manifest><organizations></manifest>', 'index.html': 'x' }),
			'1.2'
		);
		expect(problems).toEqual([
			expect.stringMatching(
				/^imsmanifest\.xml:1: not well-formed XML: Opening and ending tag mismatch/
			)
		]);
	});
});
