/**
 * Checks a finished SCORM package (the zip bytes) the way a strict LMS would, offline:
 *
 * 1. imsmanifest.xml against the official XSDs (xmllint-wasm; every import resolved from the
 *    local files in scripts/xsd/; no network).
 * 2. The rules an XSD cannot check (see scripts/xsd/README.md): references resolve, the
 *    default organization exists, mastery score 0–100, launched resources have an href, the
 *    zip and the manifest's file lists agree, no absolute paths or "..", the launch file exists,
 *    misspelt SCORM 2004 extensions that the lax wildcards let through, and so on.
 *
 * Returns plain-English problems, empty when the package is fine. Build-time only (Node).
 */
import { create } from 'xmlbuilder2';
import type { ScormVersion } from '../content/options.js';
import { pathProblems, type El } from './manifest-dom.js';
import { manifestRules } from './manifest-rules.js';
import { PROJECT_ROOT, validateManifestXml } from './schemas.js';
import { unzipFiles } from './zip.js';

export { NS } from './manifest-dom.js';
export { SCHEMAVERSIONS_2004 } from './manifest-rules.js';
export { PROJECT_ROOT, schemaSet, validateManifestXml } from './schemas.js';

/**
 * Checks a SCORM package. `version` is the SCORM version the package is meant to speak; a
 * manifest of the other version is reported as a problem.
 */
export async function checkPackage(
	zip: Uint8Array,
	version: ScormVersion,
	root = PROJECT_ROOT
): Promise<string[]> {
	let entries: Record<string, Uint8Array>;
	try {
		entries = unzipFiles(zip);
	} catch (e) {
		return [`the package is not a readable zip file (${(e as Error).message})`];
	}
	const problems: string[] = [];
	const names = Object.keys(entries).filter((n) => !n.endsWith('/'));
	const nameSet = new Set(names);
	const lower = new Map<string, string[]>();
	for (const n of names) {
		for (const p of pathProblems(n)) problems.push(`zip entry "${n}" ${p}`);
		const k = n.toLowerCase();
		lower.set(k, [...(lower.get(k) ?? []), n]);
	}
	for (const same of lower.values()) {
		if (same.length > 1)
			problems.push(
				`zip entries ${same.map((s) => `"${s}"`).join(' and ')} differ only in letter case — they clash on Windows and macOS`
			);
	}

	const manifestBytes = entries['imsmanifest.xml'];
	if (!manifestBytes) {
		const nested = names.find((n) => n.endsWith('/imsmanifest.xml'));
		problems.push(
			nested
				? `imsmanifest.xml is at "${nested}", not at the root of the zip — zip the contents of the package folder, not the folder`
				: 'the zip has no imsmanifest.xml at its root — every SCORM package needs one'
		);
		return problems;
	}
	const xml = new TextDecoder().decode(manifestBytes);
	const xsdProblems = await validateManifestXml(xml, version, root);
	problems.push(...xsdProblems);
	if (xsdProblems.some((p) => /: not well-formed XML: /.test(p))) {
		return problems; // not well-formed: the rule checks would only add noise
	}
	let doc: El;
	try {
		doc = create(xml).root().node as unknown as El;
	} catch (e) {
		problems.push(`imsmanifest.xml could not be parsed (${(e as Error).message})`);
		return problems;
	}
	problems.push(...manifestRules(doc, version, nameSet, root));
	return [...new Set(problems)];
}
