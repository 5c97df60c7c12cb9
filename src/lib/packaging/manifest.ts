/**
 * imsmanifest.xml for one package: SCORM 1.2 or SCORM 2004 4th Edition, always a single SCO
 * (one organization, one item, one resource) that relies on no sequencing and hides no LMS
 * controls (see /docs/packaging.md). Built with xmlbuilder2, so titles with "&", "<" or quotes
 * are escaped properly. Build-time only (Node).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { create } from 'xmlbuilder2';
import type { Mode } from '../engine/types.js';
import { buildSlug, type BuildOptions, type ScormVersion } from '../content/options.js';

export interface ManifestInput {
	scorm: ScormVersion;
	/** <manifest identifier>: an XML NCName, unique per build (see manifestIdentifier). */
	identifier: string;
	/**
	 * Stable course code (an NCName, e.g. the build slug) for the organization, item and resource
	 * identifiers. Keep it the same across content versions: Moodle matches a re-uploaded
	 * package's SCOs to the old ones (and their tracking data) by item identifier.
	 */
	code: string;
	/** Course title. */
	title: string;
	/** Organization title (what most LMSs show as the course); defaults to title. */
	organizationTitle?: string;
	/** The single SCO item's title; defaults to title. */
	scoTitle?: string;
	/** Launch file, relative to the package root. */
	launch: string;
	/** Every file of the package except imsmanifest.xml and the schema files (relative paths, "/"). */
	files: string[];
	/** Content version, written as <manifest version> (at most 20 characters in SCORM 1.2). */
	contentVersion: string;
	/** 0–100. Used in assessed mode only. */
	passMark: number;
	mode: Mode;
}

export const MANIFEST_NS = {
	'1.2': {
		cp: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
		adlcp: 'http://www.adlnet.org/xsd/adlcp_rootv1p2'
	},
	'2004': {
		cp: 'http://www.imsglobal.org/xsd/imscp_v1p1',
		adlcp: 'http://www.adlnet.org/xsd/adlcp_v1p3',
		imsss: 'http://www.imsglobal.org/xsd/imsss'
	}
} as const;

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/**
 * The schema folders (one per version), relative to the project root: the official files the
 * packages carry plus the driver schema the check uses (scripts/xsd/README.md says where each
 * file comes from).
 */
export const SCHEMA_DIRS: Record<ScormVersion, string> = {
	'1.2': 'scripts/xsd/scorm12',
	'2004': 'scripts/xsd/scorm2004'
};

/**
 * The XML control documents a package carries at its root, beside imsmanifest.xml: the files
 * xsi:schemaLocation names and everything they import or include. Left out of SCORM 2004
 * packages, to keep the zip within its 150 KB budget (issue 25):
 * - the ADL sequencing and navigation extensions (adlseq, adlnav), which ADL's own packages
 *   carry: the manifest uses neither namespace (1.9 KB). The check still knows them
 *   (scorm2004_all.xsd).
 * - XMLSchema.dtd and datatypes.dtd (5.8 KB): only the DOCTYPE of the 2001 xml.xsd named them,
 *   to validate that schema document itself. Our xml.xsd has no DOCTYPE, as the W3C's own
 *   current xml.xsd has none, so no parser looks for a DTD (scripts/xsd/README.md).
 */
export const PACKAGE_SCHEMAS: Record<ScormVersion, readonly string[]> = {
	'1.2': ['adlcp_rootv1p2.xsd', 'ims_xml.xsd', 'imscp_rootv1p1p2.xsd', 'imsmd_rootv1p2p1.xsd'],
	'2004': [
		'adlcp_v1p3.xsd',
		'imscp_v1p1.xsd',
		'imsss_v1p0.xsd',
		'imsss_v1p0auxresource.xsd',
		'imsss_v1p0control.xsd',
		'imsss_v1p0delivery.xsd',
		'imsss_v1p0limit.xsd',
		'imsss_v1p0objective.xsd',
		'imsss_v1p0random.xsd',
		'imsss_v1p0rollup.xsd',
		'imsss_v1p0seqrule.xsd',
		'imsss_v1p0util.xsd',
		'xml.xsd'
	]
};

/** namespace → schema file, for xsi:schemaLocation; the files sit beside imsmanifest.xml. */
const SCHEMA_LOCATIONS: Record<ScormVersion, [string, string][]> = {
	'1.2': [
		['http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'imscp_rootv1p1p2.xsd'],
		['http://www.imsglobal.org/xsd/imsmd_rootv1p2p1', 'imsmd_rootv1p2p1.xsd'],
		['http://www.adlnet.org/xsd/adlcp_rootv1p2', 'adlcp_rootv1p2.xsd']
	],
	'2004': [
		['http://www.imsglobal.org/xsd/imscp_v1p1', 'imscp_v1p1.xsd'],
		['http://www.adlnet.org/xsd/adlcp_v1p3', 'adlcp_v1p3.xsd'],
		['http://www.imsglobal.org/xsd/imsss', 'imsss_v1p0.xsd']
	]
};

/**
 * The control documents for a package (PACKAGE_SCHEMAS, from SCHEMA_DIRS), unmodified. They are
 * not listed in the resource (they belong to the manifest, not to the SCO).
 */
export function controlFiles(
	scorm: ScormVersion,
	root: string
): { path: string; data: Uint8Array }[] {
	const dir = join(root, SCHEMA_DIRS[scorm]);
	return PACKAGE_SCHEMAS[scorm].map((f) => ({
		path: f,
		data: new Uint8Array(readFileSync(join(dir, f)))
	}));
}

const NCNAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;

/** Turns any text into an XML NCName (letters, digits, ".", "-", "_"; starts with a letter). */
export function toNCName(s: string): string {
	const t = s
		.normalize('NFKD')
		.replace(/[^A-Za-z0-9._-]+/g, '-')
		.replace(/^-+|-+$/g, '');
	return /^[A-Za-z_]/.test(t) ? t : `id-${t}`;
}

/** The manifest identifier for a build: buildSlug + content version, e.g. "witham-town-council-scorm12-v1a2b3c4d". */
export function manifestIdentifier(options: BuildOptions, contentVersion: string): string {
	return toNCName(`${buildSlug(options)}-v${contentVersion}`);
}

function pathError(p: string): string | undefined {
	if (!p) return 'is empty';
	if (/^[a-z][a-z0-9+.-]*:/i.test(p) || p.startsWith('/')) return 'is absolute';
	if (p.includes('\\')) return 'contains a backslash';
	if (p.split('/').includes('..')) return 'contains ".."';
	if (p === 'imsmanifest.xml') return 'is the manifest itself';
	return undefined;
}

/** A file path as a URI reference (spaces and other unsafe characters percent-encoded). */
function hrefOf(p: string): string {
	return p
		.split('/')
		.map((s) => encodeURIComponent(s).replace(/%40/g, '@'))
		.join('/');
}

function inputErrors(m: ManifestInput): string[] {
	const errors: string[] = [];
	if (m.scorm !== '1.2' && m.scorm !== '2004')
		errors.push(`scorm "${m.scorm}" must be 1.2 or 2004`);
	if (!NCNAME.test(m.identifier))
		errors.push(`identifier "${m.identifier}" must be an XML NCName (see toNCName)`);
	if (!NCNAME.test(m.code)) errors.push(`code "${m.code}" must be an XML NCName (see toNCName)`);
	const titles: [string, string][] = [['title', m.title]];
	if (m.organizationTitle !== undefined && m.organizationTitle !== m.title)
		titles.push(['organizationTitle', m.organizationTitle]);
	if (m.scoTitle !== undefined && m.scoTitle !== m.title) titles.push(['scoTitle', m.scoTitle]);
	for (const [what, t] of titles) {
		if (!t.trim()) errors.push(`${what} is empty`);
		if (t.length > 200)
			errors.push(`${what} is ${t.length} characters; LMSs need only keep 200 — shorten it`);
	}
	if (!Number.isInteger(m.passMark) || m.passMark < 0 || m.passMark > 100)
		errors.push(`passMark ${m.passMark} must be a whole number from 0 to 100`);
	if (m.mode !== 'assessed' && m.mode !== 'practice')
		errors.push(`mode "${m.mode}" must be assessed or practice`);
	if (!m.contentVersion || m.contentVersion.length > 20)
		errors.push(`contentVersion "${m.contentVersion}" must be 1–20 characters`);
	const seen = new Set<string>();
	for (const f of m.files) {
		const e = pathError(f);
		if (e) errors.push(`file "${f}" ${e}`);
		if (seen.has(f)) errors.push(`file "${f}" is listed twice`);
		seen.add(f);
	}
	if (!seen.has(m.launch)) errors.push(`launch file "${m.launch}" is not in the file list`);
	return errors;
}

/** The text of imsmanifest.xml. Throws if the input is not a valid single-SCO package. */
export function buildManifest(input: ManifestInput): string {
	const errors = inputErrors(input);
	if (errors.length) throw new Error(`cannot build imsmanifest.xml:\n  ${errors.join('\n  ')}`);
	const { scorm, code } = input;
	const ids = { org: `${code}-org`, item: `${code}-sco`, res: `${code}-res` };
	const files = [input.launch, ...[...input.files].filter((f) => f !== input.launch).sort()];
	const assessed = input.mode === 'assessed';
	const schemaLocation = SCHEMA_LOCATIONS[scorm].map(([ns, file]) => `${ns} ${file}`).join(' ');

	const doc = create({ version: '1.0', encoding: 'UTF-8' });
	// <resources>: the one SCO, its launch file and every file it needs. The SCO-type attribute
	// is adlcp:scormtype in SCORM 1.2 and adlcp:scormType in 2004.
	const addResource = (m: ReturnType<typeof create>, scormType: string) => {
		const res = m.ele('resources').ele('resource', {
			identifier: ids.res,
			type: 'webcontent',
			[scormType]: 'sco',
			href: hrefOf(input.launch)
		});
		for (const f of files) res.ele('file', { href: hrefOf(f) });
	};
	if (scorm === '1.2') {
		const ns = MANIFEST_NS['1.2'];
		const m = doc.ele(ns.cp, 'manifest', {
			identifier: input.identifier,
			version: input.contentVersion,
			'xmlns:adlcp': ns.adlcp,
			'xmlns:xsi': XSI,
			'xsi:schemaLocation': schemaLocation
		});
		m.ele('metadata').ele('schema').txt('ADL SCORM').up().ele('schemaversion').txt('1.2');
		const item = m
			.ele('organizations', { default: ids.org })
			.ele('organization', { identifier: ids.org })
			.ele('title')
			.txt(input.organizationTitle ?? input.title)
			.up()
			.ele('item', { identifier: ids.item, identifierref: ids.res, isvisible: 'true' });
		item.ele('title').txt(input.scoTitle ?? input.title);
		// The LMS sends it back as cmi.student_data.mastery_score and may decide passed/failed
		// from cmi.core.score.raw with it; practice mode has no pass mark.
		if (assessed) item.ele(ns.adlcp, 'adlcp:masteryscore').txt(String(input.passMark));
		addResource(m, 'adlcp:scormtype');
	} else {
		const ns = MANIFEST_NS['2004'];
		const m = doc.ele(ns.cp, 'manifest', {
			identifier: input.identifier,
			version: input.contentVersion,
			'xmlns:adlcp': ns.adlcp,
			'xmlns:imsss': ns.imsss,
			'xmlns:xsi': XSI,
			'xsi:schemaLocation': schemaLocation
		});
		m.ele('metadata')
			.ele('schema')
			.txt('ADL SCORM')
			.up()
			.ele('schemaversion')
			.txt('2004 4th Edition');
		const org = m
			.ele('organizations', { default: ids.org })
			.ele('organization', { identifier: ids.org });
		org.ele('title').txt(input.organizationTitle ?? input.title);
		const item = org.ele('item', {
			identifier: ids.item,
			identifierref: ids.res,
			isvisible: 'true'
		});
		item.ele('title').txt(input.scoTitle ?? input.title);
		const seq = item.ele(ns.imsss, 'imsss:sequencing');
		if (assessed) {
			// Passed/failed from cmi.score.scaled against the pass mark. No objectiveID: an
			// objective with an id would be pre-loaded into cmi.objectives by the LMS and clash
			// with the course's own objectives (one per principle).
			seq
				.ele(ns.imsss, 'imsss:objectives')
				.ele(ns.imsss, 'imsss:primaryObjective', { satisfiedByMeasure: 'true' })
				.ele(ns.imsss, 'imsss:minNormalizedMeasure')
				.txt(String(input.passMark / 100));
		}
		// The SCO reports completion and success itself; the LMS must not assume them on exit.
		seq.ele(ns.imsss, 'imsss:deliveryControls', {
			completionSetByContent: 'true',
			objectiveSetByContent: 'true'
		});
		// Flow on, so the LMS starts the one SCO without a menu; choice stays on (the default).
		org
			.ele(ns.imsss, 'imsss:sequencing')
			.ele(ns.imsss, 'imsss:controlMode', { choice: 'true', flow: 'true' });
		addResource(m, 'adlcp:scormType');
	}
	return doc.end({ prettyPrint: true, indent: '  ', newline: '\n' }) + '\n';
}
