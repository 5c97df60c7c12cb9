/**
 * The rules of a SCORM manifest that an XSD cannot check (see scripts/xsd/README.md): references
 * resolve, the default organization exists, mastery score 0–100, launched resources have an
 * href, the zip and the manifest's file lists agree, no absolute paths or "..", misspelt SCORM
 * 2004 extensions that the lax wildcards let through, and so on. Build-time only (Node).
 */
import type { ScormVersion } from '../content/options.js';
import {
	attr,
	descendants,
	dirOf,
	kids,
	packagePath,
	pathProblems,
	qname,
	NS,
	text,
	type El
} from './manifest-dom.js';
import { rules12, rules2004Item } from './manifest-item-rules.js';
import { extensionNames, PROJECT_ROOT } from './schemas.js';

/** Values of <metadata><schemaversion> a SCORM 2004 LMS accepts (2nd, 3rd, 4th Edition). */
export const SCHEMAVERSIONS_2004 = ['2004 4th Edition', '2004 3rd Edition', 'CAM 1.3'];

/** A manifest being checked, with what every rule family needs to look things up and report. */
interface Checked {
	manifest: El;
	version: ScormVersion;
	/** The file names in the zip. */
	files: Set<string>;
	/** The namespaces of this version's content packaging and ADL elements. */
	cp: string;
	adlcp: string;
	/** The manifest and every element in it. */
	all: El[];
	resourcesEl: El | undefined;
	resources: El[];
	resById: Map<string, El>;
	/** Reports a problem. */
	p: (msg: string) => void;
	/** What is wrong with a reference that names no `want` (or names something else). */
	refProblem: (what: string, ref: string, want: string) => string;
	/** Reports a path that is not in the zip (or is, in other letter case). */
	exists: (path: string, what: string) => void;
}

/** The rules a schema can't check. `files` = the file names in the zip. */
export function manifestRules(
	manifest: El,
	version: ScormVersion,
	files: Set<string>,
	root = PROJECT_ROOT
): string[] {
	const problems: string[] = [];
	const p = (msg: string) => problems.push(`imsmanifest.xml: ${msg}`);
	if (!rootRule(manifest, version, p)) return problems;
	const m = checked(manifest, version, files, p);
	metadataRules(m);
	const launched = organizationRules(m);
	namespaceRules(m, root);
	const listed = resourceRules(m, launched);
	unlistedFileRules(m, listed);
	return problems;
}

/** The root is this version's <manifest>; false (and why) if it is not, when nothing else is checked. */
function rootRule(manifest: El, version: ScormVersion, p: (msg: string) => void): boolean {
	const cp = version === '1.2' ? NS.cp12 : NS.cp2004;
	if (manifest.localName === 'manifest' && manifest.namespaceURI === cp) return true;
	if (manifest.namespaceURI === (version === '1.2' ? NS.cp2004 : NS.cp12))
		p(
			`this is a SCORM ${version === '1.2' ? '2004' : '1.2'} manifest, but the package is meant to be SCORM ${version} — build it with --scorm=${version}`
		);
	else
		p(
			`the root element is {${manifest.namespaceURI ?? ''}}${manifest.localName}; a SCORM ${version} manifest's root is {${cp}}manifest`
		);
	return false;
}

function checked(
	manifest: El,
	version: ScormVersion,
	files: Set<string>,
	p: (msg: string) => void
): Checked {
	const cp = version === '1.2' ? NS.cp12 : NS.cp2004;
	// Every identifier, by kind
	const all = [manifest, ...descendants(manifest)];
	const kindOf = new Map<string, string>();
	for (const el of all) {
		const id = el.namespaceURI === cp ? attr(el, 'identifier') : null;
		if (id && !kindOf.has(id)) kindOf.set(id, el.localName);
	}
	const resourcesEl = kids(manifest, cp, 'resources')[0];
	const resources = resourcesEl ? kids(resourcesEl, cp, 'resource') : [];
	const refProblem = (what: string, ref: string, want: string) => {
		const k = kindOf.get(ref);
		const a = (w: string) => (/^[aeiou]/.test(w) ? `an ${w}` : `a ${w}`);
		return k
			? `${what} "${ref}" names ${a(k)}, not ${a(want)}`
			: `${what} "${ref}" names no ${want} — fix the reference or add the ${want}`;
	};
	const exists = (path: string, what: string) => {
		if (files.has(path)) return;
		const ci = [...files].find((f) => f.toLowerCase() === path.toLowerCase());
		p(
			ci
				? `${what} "${path}" is in the zip as "${ci}" — letter case must match (LMS servers are case-sensitive)`
				: `${what} "${path}" is not in the zip`
		);
	};
	return {
		manifest,
		version,
		files,
		cp,
		adlcp: version === '1.2' ? NS.adlcp12 : NS.adlcp2004,
		all,
		resourcesEl,
		resources,
		resById: new Map(resources.map((r) => [attr(r, 'identifier') ?? '', r])),
		p,
		refProblem,
		exists
	};
}

/** <metadata><schema>ADL SCORM</schema><schemaversion>…</schemaversion> */
function metadataRules({ manifest, version, cp, p }: Checked): void {
	const metadata = kids(manifest, cp, 'metadata')[0];
	const schema = metadata && text(kids(metadata, cp, 'schema')[0]);
	const schemaversion = metadata && text(kids(metadata, cp, 'schemaversion')[0]);
	if (!metadata || !schemaversion) {
		p(
			`<metadata> must hold <schema>ADL SCORM</schema> and <schemaversion>${version === '1.2' ? '1.2' : '2004 4th Edition'}</schemaversion>`
		);
	} else {
		if (schema !== 'ADL SCORM') p(`<schema> is "${schema ?? ''}"; it must be "ADL SCORM"`);
		if (version === '1.2' && schemaversion !== '1.2')
			p(`<schemaversion> is "${schemaversion}"; a SCORM 1.2 manifest says "1.2"`);
		if (version === '2004' && !SCHEMAVERSIONS_2004.includes(schemaversion)) {
			p(
				`<schemaversion> is "${schemaversion}"; a SCORM 2004 manifest says one of: ${SCHEMAVERSIONS_2004.map((s) => `"${s}"`).join(', ')}`
			);
		}
	}
}

/** <organizations>, their organizations and items; returns the resources that items launch. */
function organizationRules({
	manifest,
	version,
	cp,
	all,
	resById,
	p,
	refProblem
}: Checked): Set<El> {
	const orgsEl = kids(manifest, cp, 'organizations')[0];
	const orgs = orgsEl ? kids(orgsEl, cp, 'organization') : [];
	if (orgsEl && orgs.length === 0)
		p('<organizations> has no <organization> — the LMS has nothing to launch');
	if (orgsEl && orgs.length > 0) {
		const def = attr(orgsEl, 'default');
		if (def === null)
			p('<organizations> has no default attribute — name the organization to launch');
		else if (!orgs.some((o) => attr(o, 'identifier') === def))
			p(refProblem('<organizations default>', def, 'organization'));
	}

	const launched = new Set<El>();
	const itemIds = new Set<string>();
	for (const el of all)
		if (el.namespaceURI === cp && el.localName === 'item' && attr(el, 'identifier'))
			itemIds.add(attr(el, 'identifier')!);

	const checkTitle = (el: El, what: string) => {
		const t = kids(el, cp, 'title')[0];
		if (!t || !text(t)) p(`${what} has no <title> — the LMS shows it to learners`);
		else if (text(t).length > 200)
			p(`${what} title is ${text(t).length} characters; LMSs need only keep 200 — shorten it`);
	};
	for (const org of orgs) {
		const oid = attr(org, 'identifier') ?? '?';
		checkTitle(org, `organization "${oid}"`);
		const items = kids(org, cp, 'item');
		if (items.length === 0)
			p(`organization "${oid}" has no <item> — the LMS has nothing to launch`);
		const walk = (item: El) => {
			const id = attr(item, 'identifier') ?? '?';
			const what = `item "${id}"`;
			checkTitle(item, what);
			const children = kids(item, cp, 'item');
			const ref = attr(item, 'identifierref');
			if (children.length > 0 && ref !== null && version === '2004')
				p(`${what} has child items and also identifierref — only leaf items may launch a resource`);
			if (children.length === 0 && ref === null)
				p(`${what} has no identifierref — a leaf item must launch a resource`);
			if (ref !== null) {
				const res = resById.get(ref);
				if (!res) p(refProblem(`${what} identifierref`, ref, 'resource'));
				else launched.add(res);
			}
			if (version === '1.2') rules12(item, what, itemIds, p);
			else rules2004Item(item, what, p);
			children.forEach(walk);
		};
		items.forEach(walk);
	}
	return launched;
}

/** Extension names (2004: lax wildcards let misspellings through) and the other version's namespaces. */
function namespaceRules({ version, adlcp, all, p }: Checked, root: string): void {
	const other = version === '1.2' ? '2004' : '1.2';
	const otherAdlcp = version === '1.2' ? NS.adlcp2004 : NS.adlcp12;
	const ext = version === '2004' ? extensionNames(root) : undefined;
	for (const el of all) {
		const id = attr(el, 'identifier');
		const where = `<${qname(el)}${id ? ` identifier="${id}"` : ''}>`;
		if (el.namespaceURI === otherAdlcp)
			p(
				`<${qname(el)}> is in the SCORM ${other} namespace ${otherAdlcp} — a SCORM ${version} manifest uses ${adlcp}`
			);
		const known = el.namespaceURI ? ext?.get(el.namespaceURI) : undefined;
		if (ext && known && !known.has(el.localName))
			p(`<${qname(el)}> is not an element of ${el.namespaceURI} — misspelt? LMSs ignore it`);
		for (const a of Array.from(el.attributes)) {
			if (!a.namespaceURI) continue;
			if (a.namespaceURI === otherAdlcp)
				p(
					`attribute ${qname(a)} on ${where} is in the SCORM ${other} namespace ${otherAdlcp} — a SCORM ${version} manifest uses ${adlcp}`
				);
			const knownA = ext?.get(a.namespaceURI);
			if (ext && knownA && !knownA.has(a.localName))
				p(
					`attribute ${qname(a)} on ${where} is not defined in ${a.namespaceURI} — misspelt? LMSs ignore it`
				);
		}
	}
}

/** Resources, their hrefs, files and dependencies; returns the files they list. */
function resourceRules(m: Checked, launched: Set<El>): Set<string> {
	const { manifest, version, cp, adlcp, resourcesEl, resources, resById, p, refProblem, exists } =
		m;
	const listed = new Set<string>();
	const bases: (string | null)[] = [
		manifest.getAttributeNS(NS.xml, 'base'),
		resourcesEl ? resourcesEl.getAttributeNS(NS.xml, 'base') : null
	];
	const scormTypeName = version === '1.2' ? 'scormtype' : 'scormType';
	for (const res of resources) {
		const rid = attr(res, 'identifier') ?? '?';
		const what = `resource "${rid}"`;
		const st = res.getAttributeNS(adlcp, scormTypeName);
		if (st === null) {
			const near = Array.from(res.attributes).find(
				(a) => a.localName.toLowerCase() === 'scormtype'
			);
			p(
				`${what} has no adlcp:${scormTypeName}${near ? ` (it has ${qname(near)}${near.namespaceURI ? ` in ${near.namespaceURI}` : ''}, which SCORM ${version} does not read)` : ''} — add adlcp:${scormTypeName}="sco" or "asset"`
			);
		}
		const rbases = [...bases, res.getAttributeNS(NS.xml, 'base')];
		const href = attr(res, 'href');
		if (launched.has(res)) {
			if (!href || !href.trim())
				p(`${what} is launched by an item but has no href — nothing to launch`);
		}
		if (href && href.trim()) {
			const probs = pathProblems(href);
			for (const pr of probs) p(`${what} href "${href}" ${pr}`);
			if (probs.length === 0) exists(packagePath(rbases, href), `${what} launches`);
		}
		for (const f of kids(res, cp, 'file')) {
			const fh = attr(f, 'href') ?? '';
			const probs = pathProblems(fh);
			for (const pr of probs) p(`${what} lists file "${fh}", which ${pr}`);
			if (!fh) p(`${what} has a <file> with no href`);
			if (probs.length || !fh) continue;
			const path = packagePath(rbases, fh);
			listed.add(path);
			exists(path, `${what} lists file`);
		}
		for (const d of kids(res, cp, 'dependency')) {
			const ref = attr(d, 'identifierref') ?? '';
			if (!resById.has(ref)) p(refProblem(`${what} dependency identifierref`, ref, 'resource'));
		}
	}
	return listed;
}

/**
 * Files the manifest doesn't list: allowed only for the manifest itself, the XML control
 * documents (XSD/DTD beside the manifest or beside a file named by xsi:schemaLocation) and
 * metadata files named by adlcp:location.
 */
function unlistedFileRules(
	{ manifest, files, adlcp, all, p, exists }: Checked,
	listed: Set<string>
): void {
	const controlDirs = new Set<string>(['']);
	const schemaLoc = manifest.getAttributeNS(NS.xsi, 'schemaLocation');
	if (schemaLoc) {
		const parts = schemaLoc.trim().split(/\s+/);
		for (let i = 1; i < parts.length; i += 2) {
			const loc = parts[i];
			if (/^[a-z][a-z0-9+.-]*:/i.test(loc)) continue; // a URL: nothing to ship
			if (pathProblems(loc).length) {
				p(`xsi:schemaLocation names "${loc}", which ${pathProblems(loc)[0]}`);
				continue;
			}
			const path = packagePath([], loc);
			exists(path, 'xsi:schemaLocation names');
			controlDirs.add(dirOf(path));
		}
	}
	const metaFiles = new Set<string>();
	for (const el of all)
		if (el.namespaceURI === adlcp && el.localName === 'location')
			metaFiles.add(packagePath([], text(el)));
	for (const f of metaFiles) exists(f, 'adlcp:location names');
	for (const name of [...files].sort()) {
		if (name === 'imsmanifest.xml' || listed.has(name) || metaFiles.has(name)) continue;
		if (/\.(xsd|dtd)$/i.test(name) && controlDirs.has(dirOf(name))) continue;
		p(
			`the zip holds "${name}", which no resource lists — add a <file href="${name}"/> or leave the file out`
		);
	}
}
