import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildCourse, loadLibrary } from './course';
import { imageKind, logoAltProblem, logoBytesProblem, logoFileName } from './council-logo';
import { loadCouncils } from './councils';
import { parseBuildOptions } from './options';

const bytes = (...b: number[]) => new Uint8Array(b);
const text = (s: string) => new TextEncoder().encode(s);
const principleIds = (
	parse(readFileSync('scenarios/principles.yaml', 'utf8')) as { id: string }[]
).map((p) => p.id);

describe('imageKind reads the first bytes, not the name', () => {
	it('knows PNG, WebP, JPEG, GIF and SVG', () => {
		expect(imageKind(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('png');
		expect(imageKind(text('RIFF\x10\x00\x00\x00WEBPVP8L'))).toBe('webp');
		expect(imageKind(text('RIFF\x10\x00\x00\x00WAVEfmt '))).toBeNull();
		expect(imageKind(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('jpeg');
		expect(imageKind(text('GIF89a'))).toBe('gif');
		expect(imageKind(text('\uFEFF  <svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBe('svg');
		expect(imageKind(text('<?xml version="1.0"?>\n<svg viewBox="0 0 1 1"/>'))).toBe('svg');
		expect(imageKind(text('<html><body>not an image</body></html>'))).toBeNull();
	});

	it('accepts a WebP named .webp, and says which type a misnamed image is', () => {
		const webp = text('RIFF\x10\x00\x00\x00WEBPVP8L');
		expect(logoBytesProblem('crest.webp', webp, 'x.yaml')).toEqual({ type: 'webp' });
		expect(logoBytesProblem('crest.PNG', webp, 'x.yaml')).toEqual({
			problem: expect.stringContaining('rename it to crest.webp')
		});
	});
});

describe('alt text', () => {
	it('must say whose logo it is', () => {
		expect(logoAltProblem('Brackenford Parish Council crest', 'crest.png')).toBeNull();
		expect(logoAltProblem('logo', 'crest.png')).toMatch(/does not tell/);
		expect(logoAltProblem('crest.png', 'crest.png')).toMatch(/does not tell/);
		expect(logoAltProblem('x'.repeat(151), 'crest.png')).toMatch(/keep it under 150/);
	});
});

describe('a council with a logo', () => {
	it('carries the image name and alt text into its course; the name changes with the image', async () => {
		const r = loadCouncils('tests/fixtures/councils/logo-valid', principleIds);
		expect(r.errors).toEqual([]);
		const logo = r.councils[0].logo!;
		expect(logo).toMatchObject({
			file: 'tests/fixtures/councils/logo-valid/logos/brackenford-crest.png',
			alt: 'Brackenford Parish Council crest',
			type: 'png'
		});
		expect(logoFileName(logo)).toMatch(/^council-logo-[0-9a-f]{10}\.png$/);
		expect(logoFileName({ ...logo, hash: '0000000000' })).not.toBe(logoFileName(logo));

		const lib = await loadLibrary('.', 'scenarios', 'tests/fixtures/councils/logo-valid');
		expect(lib.errors).toEqual([]);
		const { options } = parseBuildOptions(
			{ COUNCIL: 'brackenford-parish-council' },
			{ councils: ['brackenford-parish-council'], scenarios: lib.scenarios.map((s) => s.id) }
		);
		expect(buildCourse(lib, options).council.logo).toEqual({
			src: logoFileName(logo),
			alt: 'Brackenford Parish Council crest'
		});
	});

	it('a council without one has no logo in its course (nothing changes)', async () => {
		const lib = await loadLibrary('.');
		for (const c of lib.councils) expect(c.logo).toBeUndefined();
		const { options } = parseBuildOptions(
			{ COUNCIL: 'witham-town-council' },
			{ councils: lib.councils.map((c) => c.id), scenarios: lib.scenarios.map((s) => s.id) }
		);
		expect('logo' in buildCourse(lib, options).council).toBe(false);
	});
});
