// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { create } from 'xmlbuilder2';
import { parseBuildOptions } from '../content/options.js';
import { validateManifestXml } from './check.js';
import {
	buildManifest,
	controlFiles,
	manifestIdentifier,
	MANIFEST_NS,
	toNCName,
	type ManifestInput
} from './manifest.js';
import { PROJECT_ROOT } from './check.js';

const base = (over: Partial<ManifestInput> = {}): ManifestInput => ({
	scorm: '1.2',
	identifier: 'witham-town-council-scorm12-v1a2b3c4d',
	code: 'witham-town-council-scorm12',
	title: 'Member/Officer protocol: Witham Town Council',
	launch: 'index.html',
	files: ['index.html'],
	contentVersion: '1a2b3c4d',
	passMark: 80,
	mode: 'assessed',
	...over
});

interface Node {
	nodeType: number;
	namespaceURI: string | null;
	localName: string;
	textContent: string | null;
	childNodes: ArrayLike<Node>;
	getAttribute(n: string): string | null;
	getAttributeNS(ns: string, n: string): string | null;
	hasAttribute(n: string): boolean;
}

function parse(xml: string): Node {
	return create(xml).root().node as unknown as Node;
}

/** All descendant elements with this local name (any namespace). */
function find(el: Node, name: string): Node[] {
	const out: Node[] = [];
	const walk = (e: Node) => {
		for (const c of Array.from(e.childNodes)) {
			if (c.nodeType !== 1) continue;
			if (c.localName === name) out.push(c);
			walk(c);
		}
	};
	walk(el);
	return out;
}

describe('buildManifest — SCORM 1.2', () => {
	it('is valid against the SCORM 1.2 XSDs, assessed and practice', async () => {
		expect(await validateManifestXml(buildManifest(base()), '1.2')).toEqual([]);
		expect(await validateManifestXml(buildManifest(base({ mode: 'practice' })), '1.2')).toEqual([]);
	});

	it('has one organization, one item and one SCO resource launching index.html', () => {
		const m = parse(buildManifest(base({ files: ['index.html', '_app/a.js', 'fonts/x y.woff2'] })));
		expect(m.namespaceURI).toBe(MANIFEST_NS['1.2'].cp);
		expect(m.getAttribute('identifier')).toBe('witham-town-council-scorm12-v1a2b3c4d');
		expect(m.getAttribute('version')).toBe('1a2b3c4d');
		expect(find(m, 'schemaversion')[0].textContent).toBe('1.2');
		expect(find(m, 'organization')).toHaveLength(1);
		const items = find(m, 'item');
		expect(items).toHaveLength(1);
		const resources = find(m, 'resource');
		expect(resources).toHaveLength(1);
		const res = resources[0];
		expect(res.getAttributeNS(MANIFEST_NS['1.2'].adlcp, 'scormtype')).toBe('sco');
		expect(res.getAttribute('href')).toBe('index.html');
		expect(items[0].getAttribute('identifierref')).toBe(res.getAttribute('identifier'));
		expect(find(m, 'organizations')[0].getAttribute('default')).toBe(
			find(m, 'organization')[0].getAttribute('identifier')
		);
		// every file listed, launch file first, hrefs URI-encoded
		expect(find(res, 'file').map((f) => f.getAttribute('href'))).toEqual([
			'index.html',
			'_app/a.js',
			'fonts/x%20y.woff2'
		]);
	});

	it('writes adlcp:masteryscore = pass mark in assessed mode only', () => {
		const ms = (xml: string) => find(parse(xml), 'masteryscore');
		const assessed = ms(buildManifest(base({ passMark: 70 })));
		expect(assessed).toHaveLength(1);
		expect(assessed[0].namespaceURI).toBe(MANIFEST_NS['1.2'].adlcp);
		expect(assessed[0].textContent).toBe('70');
		expect(ms(buildManifest(base({ passMark: 0 })))[0].textContent).toBe('0');
		expect(ms(buildManifest(base({ mode: 'practice' })))).toHaveLength(0);
	});

	it('escapes titles with &, <, > and quotes', async () => {
		const title = 'Smith & Jones "<Chair>" O\'Brien';
		const xml = buildManifest(
			base({ title, organizationTitle: `Org: ${title}`, scoTitle: `SCO: ${title}` })
		);
		expect(await validateManifestXml(xml, '1.2')).toEqual([]);
		const titles = find(parse(xml), 'title').map((t) => t.textContent);
		expect(titles).toEqual([`Org: ${title}`, `SCO: ${title}`]);
	});
});

describe('buildManifest — SCORM 2004 4th Edition', () => {
	const v4 = (over: Partial<ManifestInput> = {}) =>
		base({ scorm: '2004', identifier: 'c-scorm2004-v1', code: 'c-scorm2004', ...over });

	it('is valid against the SCORM 2004 4th Edition XSDs, assessed and practice', async () => {
		expect(await validateManifestXml(buildManifest(v4()), '2004')).toEqual([]);
		expect(await validateManifestXml(buildManifest(v4({ mode: 'practice' })), '2004')).toEqual([]);
	});

	it('says 2004 4th Edition and has a single SCO item', () => {
		const m = parse(buildManifest(v4({ files: ['index.html', 'a.css'] })));
		expect(m.namespaceURI).toBe(MANIFEST_NS['2004'].cp);
		expect(find(m, 'schema')[0].textContent).toBe('ADL SCORM');
		expect(find(m, 'schemaversion')[0].textContent).toBe('2004 4th Edition');
		expect(find(m, 'item')).toHaveLength(1);
		const res = find(m, 'resource');
		expect(res).toHaveLength(1);
		expect(res[0].getAttributeNS(MANIFEST_NS['2004'].adlcp, 'scormType')).toBe('sco');
		expect(find(res[0], 'file').map((f) => f.getAttribute('href'))).toEqual([
			'index.html',
			'a.css'
		]);
	});

	it('assessed: primary objective satisfied by measure, minNormalizedMeasure = pass mark / 100, no objectiveID', () => {
		const m = parse(buildManifest(v4({ passMark: 75 })));
		const po = find(m, 'primaryObjective');
		expect(po).toHaveLength(1);
		expect(po[0].namespaceURI).toBe(MANIFEST_NS['2004'].imsss);
		expect(po[0].getAttribute('satisfiedByMeasure')).toBe('true');
		expect(po[0].hasAttribute('objectiveID')).toBe(false);
		expect(find(po[0], 'minNormalizedMeasure')[0].textContent).toBe('0.75');
		expect(
			find(parse(buildManifest(v4({ passMark: 100 }))), 'minNormalizedMeasure')[0].textContent
		).toBe('1');
		expect(
			find(parse(buildManifest(v4({ passMark: 7 }))), 'minNormalizedMeasure')[0].textContent
		).toBe('0.07');
	});

	it('practice: no objective, no measure', () => {
		const m = parse(buildManifest(v4({ mode: 'practice' })));
		expect(find(m, 'primaryObjective')).toHaveLength(0);
		expect(find(m, 'minNormalizedMeasure')).toHaveLength(0);
	});

	it('lets the content report status, starts without a menu and hides no LMS controls', () => {
		const xml = buildManifest(v4());
		const m = parse(xml);
		const dc = find(m, 'deliveryControls')[0];
		expect(dc.getAttribute('completionSetByContent')).toBe('true');
		expect(dc.getAttribute('objectiveSetByContent')).toBe('true');
		expect(find(m, 'controlMode')[0].getAttribute('flow')).toBe('true');
		expect(xml).not.toMatch(/hideLMSUI|adlnav|sequencingRules|rollupRules|limitConditions/);
	});
});

describe('buildManifest — input checks', () => {
	it.each<[string, Partial<ManifestInput>, RegExp]>([
		['identifier not an NCName', { identifier: '1 course' }, /identifier/],
		['pass mark out of range', { passMark: 101 }, /passMark/],
		['pass mark not whole', { passMark: 80.5 }, /passMark/],
		['launch file not listed', { files: ['main.html'] }, /launch file/],
		['absolute path', { files: ['index.html', '/etc/x'] }, /absolute/],
		['parent path', { files: ['index.html', '../x'] }, /\.\./],
		['empty title', { title: ' ' }, /title is empty/],
		['title too long', { title: 'x'.repeat(201) }, /200/],
		['version too long', { contentVersion: 'x'.repeat(21) }, /contentVersion/]
	])('rejects %s', (_name, over, message) => {
		expect(() => buildManifest(base(over))).toThrow(message);
	});
});

describe('identifiers', () => {
	const ctx = {
		councils: ['witham-town-council'],
		scenarios: ['exempt-papers', 'chair-grievance']
	};

	it('derives the manifest identifier from buildSlug and the content version', () => {
		const { options } = parseBuildOptions(
			{ COUNCIL: 'witham-town-council', SCORM: '2004', COURSE_MODE: 'practice' },
			ctx
		);
		expect(manifestIdentifier(options, '9f8e7d6c')).toBe(
			'witham-town-council-scorm2004-practice-v9f8e7d6c'
		);
		const one = parseBuildOptions(
			{ COUNCIL: 'witham-town-council', SCENARIOS: 'chair-grievance' },
			ctx
		).options;
		expect(manifestIdentifier(one, 'abc')).toMatch(
			/^witham-town-council-scorm12-sel-[0-9a-z]{6}-vabc$/
		);
		expect(manifestIdentifier(one, 'abc')).not.toBe(
			manifestIdentifier({ ...one, scenarios: null }, 'abc')
		);
	});

	it('toNCName makes any text a valid identifier', () => {
		expect(toNCName('witham-town-council')).toBe('witham-town-council');
		expect(toNCName('1 St. Mary’s & Co')).toBe('id-1-St.-Mary-s-Co');
		expect(toNCName('café')).toBe('cafe');
	});
});

describe('controlFiles', () => {
	it('ships the official schema files the manifest names in xsi:schemaLocation', () => {
		for (const scorm of ['1.2', '2004'] as const) {
			const names = controlFiles(scorm, PROJECT_ROOT).map((c) => c.path);
			const m = parse(buildManifest(base({ scorm })));
			const loc = m
				.getAttributeNS('http://www.w3.org/2001/XMLSchema-instance', 'schemaLocation')!
				.split(/\s+/);
			for (let i = 1; i < loc.length; i += 2) expect(names).toContain(loc[i]);
		}
	});

	it('ships every file those schemas import or include, so a package validates offline', () => {
		const XS = 'http://www.w3.org/2001/XMLSchema';
		for (const scorm of ['1.2', '2004'] as const) {
			const files = new Map(
				controlFiles(scorm, PROJECT_ROOT).map((c) => [c.path, new TextDecoder().decode(c.data)])
			);
			for (const [name, text] of files) {
				if (!name.endsWith('.xsd')) continue;
				const schema = create(text).root().node as unknown as Element;
				const refs = ['import', 'include'].flatMap((tag) =>
					Array.from(schema.getElementsByTagNameNS(XS, tag)).map((e) =>
						e.getAttribute('schemaLocation')
					)
				);
				for (const ref of refs) expect(files.has(ref!), `${scorm} ${name} → ${ref}`).toBe(true);
			}
		}
	});
});
