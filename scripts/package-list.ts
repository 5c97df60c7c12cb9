/**
 * The packages in dist/ as the mock LMS lists them (/api/packages, npm start): each folder with a
 * readable SCORM imsmanifest.xml, read with xmlbuilder2, and its council's name from
 * scenarios/councils/<id>.yaml.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { create } from 'xmlbuilder2';
import { councilName } from './councils.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** One package folder in dist/, as /api/packages lists it. */
export interface PackageInfo {
	/** Folder name, e.g. "kingsthorpe-parish-council-scorm12". */
	slug: string;
	/** Course title (the manifest's organization title). */
	title: string;
	/** SCORM version from <schemaversion>. */
	version: '1.2' | '2004';
	/** <schemaversion> as written, e.g. "1.2" or "2004 4th Edition". */
	schemaVersion: string;
	/** Council id from the slug (text before -scorm12 / -scorm2004). */
	council: string;
	/** Council name from scenarios/councils/<id>.yaml, or derived from the id. */
	councilName: string;
	/** Text after the version in the slug ("practice", "sel-abc123", "practice-sel-…"), or "". */
	variant: string;
	/** The manifest's version attribute (content version). */
	contentVersion: string;
	/** Launch file of the SCO, relative to the folder (normally index.html). */
	launch: string;
	/** adlcp:masteryscore (1.2) or minNormalizedMeasure × 100 (2004), if the manifest has one. */
	masteryScore: number | null;
	/** True if dist/<slug>.zip exists. */
	zip: boolean;
	/** Manifest modification time (ISO 8601). */
	built: string;
}

/** The first element of that local name below el, in any namespace. */
const first = (el: Element, name: string): Element | undefined =>
	el.getElementsByTagNameNS('*', name)[0];
const textOf = (el: Element | undefined): string | undefined => el?.textContent?.trim();

/** Reads what the mock LMS needs from an imsmanifest.xml (null if it is not a SCORM manifest). */
export function readManifest(
	xml: string
): Omit<PackageInfo, 'slug' | 'council' | 'councilName' | 'variant' | 'zip' | 'built'> | null {
	let manifest: Element;
	try {
		manifest = create(xml).root().node as unknown as Element;
	} catch {
		return null;
	}
	if (manifest.localName !== 'manifest') return null;
	const schemaVersion = textOf(first(manifest, 'schemaversion')) ?? '';
	const version = schemaVersion.startsWith('2004')
		? '2004'
		: schemaVersion === '1.2'
			? '1.2'
			: null;
	if (!version) return null;
	const organizations = first(manifest, 'organizations');
	const orgs = organizations
		? Array.from(organizations.getElementsByTagNameNS('*', 'organization'))
		: [];
	const org =
		orgs.find((o) => o.getAttribute('identifier') === organizations?.getAttribute('default')) ??
		orgs[0];
	// The organization's own <title> (a child, not an item's).
	const title = textOf(Array.from(org?.children ?? []).find((c) => c.localName === 'title')) ?? '';
	const href = first(manifest, 'resource')?.getAttribute('href') ?? 'index.html';
	let masteryScore: number | null = null;
	const measure = (s: string | undefined) =>
		s !== undefined && s !== '' && Number.isFinite(Number(s)) ? Number(s) : null;
	if (version === '1.2') {
		masteryScore = measure(textOf(first(manifest, 'masteryscore')));
	} else if (first(manifest, 'primaryObjective')?.getAttribute('satisfiedByMeasure') === 'true') {
		const m = measure(textOf(first(manifest, 'minNormalizedMeasure')));
		masteryScore = m === null ? null : Math.round(m * 100);
	}
	return {
		title,
		version,
		schemaVersion,
		contentVersion: manifest.getAttribute('version') ?? '',
		launch: decodeURIComponent(href),
		masteryScore
	};
}

const SLUG = /^(.+?)-(scorm12|scorm2004)(?:-(.+))?$/;

/** The package folders in <root>/dist (those with a readable SCORM imsmanifest.xml), sorted by slug. */
export function listPackages(root = ROOT): PackageInfo[] {
	const dist = join(root, 'dist');
	if (!existsSync(dist)) return [];
	const out: PackageInfo[] = [];
	for (const entry of readdirSync(dist, { withFileTypes: true })) {
		if (!entry.isDirectory()) continue;
		const manifestPath = join(dist, entry.name, 'imsmanifest.xml');
		let xml: string;
		try {
			xml = readFileSync(manifestPath, 'utf8');
		} catch {
			continue;
		}
		const info = readManifest(xml);
		if (!info) continue;
		const m = SLUG.exec(entry.name);
		const council = m ? m[1] : entry.name;
		out.push({
			slug: entry.name,
			...info,
			council,
			councilName: councilName(root, council),
			variant: m?.[3] ?? '',
			zip: existsSync(join(dist, `${entry.name}.zip`)),
			built: statSync(manifestPath).mtime.toISOString()
		});
	}
	return out.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}
