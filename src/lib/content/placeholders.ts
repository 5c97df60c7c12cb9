/** Council placeholders in scenario text: {clerk}, {council}, … */
import type { Council, Scenario } from '../engine/types.js';
import type { ContentError } from './errors.js';
import { mapRich } from './rich.js';

const PLACEHOLDER = /\{([^{}\n]*)\}/g;

/** Unknown placeholders, and ones some council cannot fill, with their lines. */
export function placeholderProblems(file: string, source: string, keys: readonly string[], councils: Council[], optional: readonly string[] = []): ContentError[] {
	const errors: ContentError[] = [];
	const lines = source.split('\n');
	let inFrontmatter = lines[0]?.trim() === '---';
	lines.forEach((text, i) => {
		if (i > 0 && inFrontmatter && text.trim() === '---') {
			inFrontmatter = false;
			return;
		}
		if (inFrontmatter) return;
		for (const m of text.matchAll(PLACEHOLDER)) {
			const key = m[1].trim();
			if (!keys.includes(key)) {
				errors.push({ file, line: i + 1, message: `unknown placeholder "{${m[1]}}" — use one of: ${keys.map((k) => `{${k}}`).join(', ')}` });
				continue;
			}
			for (const c of councils) {
				if (!c.roles[key]?.trim()) {
					errors.push({
						file,
						line: i + 1,
						message: optional.includes(key)
							? `council "${c.id}" (a ${c.kind}) has no "${key}", so it cannot fill "{${key}}" — add "fits:" to the frontmatter to offer this scenario only to councils that have one (e.g. fits: [principal]; see docs/authoring.md), add "${key}:" under roles in ${c.file} if the council has one, or reword this line`
							: `council "${c.id}" cannot fill "{${key}}" — add "${key}:" under roles in ${c.file}, or reword this line`
					});
				}
			}
		}
	});
	return errors;
}

export function fill(text: string, roles: Record<string, string>): string {
	return text.replace(PLACEHOLDER, (whole, key: string) => roles[key.trim()] ?? whole);
}

export function fillScenario(s: Scenario, roles: Record<string, string>): Scenario {
	const f = (t: string) => fill(t, roles);
	const nodes: Scenario['nodes'] = {};
	for (const [id, n] of Object.entries(s.nodes)) {
		nodes[id] =
			n.kind === 'ending'
				? { ...n, title: f(n.title), narrative: mapRich(n.narrative, f) }
				: {
						...n,
						title: f(n.title),
						question: f(n.question),
						narrative: mapRich(n.narrative, f),
						choices: n.choices.map((c) => ({ ...c, text: f(c.text), feedback: mapRich(c.feedback, f) }))
					};
	}
	return { ...s, title: f(s.title), summary: f(s.summary), nodes };
}
