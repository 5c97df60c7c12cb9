/**
 * The SCORM XSDs, offline: loads the schema set for a version from the local files (see
 * scripts/xsd/README.md), validates a manifest's text against it with xmllint-wasm (no network),
 * and reads the element and attribute names the SCORM 2004 extension namespaces declare.
 * Build-time only (Node).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';
import { create } from 'xmlbuilder2';
import type { ScormVersion } from '../content/options.js';
import { SCHEMA_DIRS } from './manifest.js';

/** The project root (this file is src/lib/packaging/schemas.ts). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface SchemaFile {
	fileName: string;
	contents: string;
}

function readSet(dir: string): SchemaFile[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith('.xsd'))
		.sort()
		.map((f) => ({
			fileName: f.split(sep).join('/'),
			contents: readFileSync(join(dir, f), 'utf8')
		}));
}

const setCache = new Map<string, { driver: SchemaFile; preload: SchemaFile[] }>();

/**
 * The schema files for one version, as xmllint-wasm wants them: one driver schema that imports
 * every namespace, and every other file preloaded under its relative path.
 */
export function schemaSet(
	version: ScormVersion,
	root = PROJECT_ROOT
): { driver: SchemaFile; preload: SchemaFile[] } {
	const key = `${version}\0${root}`;
	const hit = setCache.get(key);
	if (hit) return hit;
	const dir = join(root, SCHEMA_DIRS[version]);
	const driverName = version === '1.2' ? 'scorm12_all.xsd' : 'scorm2004_all.xsd';
	if (!existsSync(dir)) throw new Error(`SCORM schemas not found at ${dir}`);
	const files = readSet(dir);
	const driver = files.find((f) => f.fileName === driverName);
	if (!driver) throw new Error(`driver schema ${driverName} missing from ${dir}`);
	const set = { driver, preload: files.filter((f) => f !== driver) };
	setCache.set(key, set);
	return set;
}

/** XSD validation of a manifest's text. Returns problems (empty when valid). */
export async function validateManifestXml(
	xml: string,
	version: ScormVersion,
	root = PROJECT_ROOT
): Promise<string[]> {
	const { driver, preload } = schemaSet(version, root);
	const result = await validateXML({
		xml: [{ fileName: 'imsmanifest.xml', contents: xml }],
		schema: [driver],
		preload,
		// Never fetch anything: every import must resolve from the preloaded files.
		modifyArguments: (args) => ['--nonet', ...args]
	});
	const errors = result.errors.filter((e) => !/Skipping import of schema/.test(e.message));
	if (result.valid) return [];
	const parser = errors.filter((e) => /parser error/.test(e.message));
	if (parser.length) {
		// Not well-formed: xmllint also prints the offending line and a caret; keep the messages only.
		return parser.map(
			(e) =>
				`imsmanifest.xml:${e.loc?.lineNumber ?? '?'}: not well-formed XML: ${e.message.replace(/^.*parser error\s*:\s*/, '').trim()}`
		);
	}
	if (errors.length === 0)
		return [
			`imsmanifest.xml: not valid against the SCORM ${version} schemas (${result.rawOutput.trim() || 'no details'})`
		];
	return errors.map(
		(e) => `imsmanifest.xml:${e.loc?.lineNumber ?? '?'}: ${e.message.trim()} (SCORM ${version} XSD)`
	);
}

// ---------------------------------------------------------------------------------------------
// Names the SCORM 2004 extension namespaces declare (elements and attributes), read from the
// XSDs, to catch misspellings that the CP 1.1.4 lax wildcards let through.

let extNames: Map<string, Set<string>> | undefined;

export function extensionNames(root: string): Map<string, Set<string>> {
	if (extNames) return extNames;
	const map = new Map<string, Set<string>>();
	const { driver, preload } = schemaSet('2004', root);
	// Any namespace: xmlbuilder2 binds the prefix of `xmlns:xs = "…"` (spaces around "=", as in
	// ADL's files) to the default namespace, and a schema holds no other element of these names.
	for (const f of [driver, ...preload]) {
		const schema = create(f.contents).root().node as unknown as Element;
		const tns = schema.getAttribute('targetNamespace');
		if (!tns) continue;
		const names = map.get(tns) ?? new Set<string>();
		for (const tag of ['element', 'attribute'])
			for (const decl of Array.from(schema.getElementsByTagNameNS('*', tag))) {
				const name = decl.getAttribute('name');
				if (name) names.add(name);
			}
		map.set(tns, names);
	}
	extNames = map;
	return map;
}
