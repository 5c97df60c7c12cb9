/**
 * The councils in scenarios/councils/, as the scripts see them: their ids (one per *.yaml file,
 * what the standard build makes packages for) and a council's display name.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

/** Council ids: the *.yaml files in scenarios/councils/, sorted. */
export function councilIds(root: string): string[] {
	const dir = join(root, 'scenarios/councils');
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((f) => f.endsWith('.yaml'))
		.map((f) => f.slice(0, -'.yaml'.length))
		.sort();
}

/** A council's name from scenarios/councils/<id>.yaml, or one derived from the id. */
export function councilName(root: string, id: string): string {
	try {
		const doc = parseYaml(readFileSync(join(root, 'scenarios/councils', `${id}.yaml`), 'utf8'));
		if (typeof doc?.name === 'string' && doc.name.trim()) return doc.name.trim();
	} catch {
		/* fall back to the id */
	}
	return id
		.split('-')
		.map((w) => w.charAt(0).toUpperCase() + w.slice(1))
		.join(' ');
}
