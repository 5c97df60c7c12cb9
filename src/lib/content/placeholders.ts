/** Council placeholders in scenario text: {clerk}, {council}, … */
import type { Council, Scenario } from '../engine/types.js';
import type { ContentError } from './errors.js';
import { mapRich } from './rich.js';
import { closest } from './suggest.js';

const PLACEHOLDER = /\{([^{}\n]*)\}/g;

/**
 * Unknown placeholders, unclosed ones, and ones some council cannot fill, with their lines:
 * in the body and in the frontmatter's title and summary (both are filled, see fillScenario).
 */
export function placeholderProblems(
	file: string,
	source: string,
	keys: readonly string[],
	councils: Council[],
	optional: readonly string[] = []
): ContentError[] {
	const errors: ContentError[] = [];
	const lines = source.split('\n');
	let inFrontmatter = lines[0]?.trim() === '---';
	lines.forEach((text, i) => {
		if (i > 0 && inFrontmatter && text.trim() === '---') {
			inFrontmatter = false;
			return;
		}
		if (i === 0 && inFrontmatter) return;
		// In the frontmatter only title and summary are shown to learners and filled.
		if (inFrontmatter && !/^\s*(title|summary)\s*:/.test(text)) return;
		const line = i + 1;
		for (const m of unclosed(text)) {
			errors.push({
				file,
				line,
				message: `placeholder "${m}" is not closed — end it with "}", e.g. {clerk}`
			});
		}
		for (const m of unopened(text)) {
			errors.push({
				file,
				line,
				message: `"${m}" has a "}" with no "{" before it — write the placeholder as {clerk}, or remove the "}"`
			});
		}
		for (const m of text.matchAll(PLACEHOLDER)) {
			const key = m[1].trim();
			if (!keys.includes(key)) {
				const guess = closest(key, keys);
				errors.push({
					file,
					line,
					message: `unknown placeholder "{${m[1]}}"${guess ? ` (did you mean {${guess}}?)` : ''} — use one of: ${keys.map((k) => `{${k}}`).join(', ')}`
				});
				continue;
			}
			for (const c of councils) {
				if (!c.roles[key]?.trim()) {
					errors.push({
						file,
						line,
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

/** Each "{" with no "}" after it before the next "{" or the end of the line, shown with a few words. */
function unopened(text: string): string[] {
	const out: string[] = [];
	for (let i = text.indexOf('}'); i >= 0; i = text.indexOf('}', i + 1)) {
		const before = text.slice(0, i);
		if (before.lastIndexOf('{') <= before.lastIndexOf('}'))
			out.push(before.split(/\s+/).slice(-2).join(' ').slice(-30) + '}');
	}
	return out;
}

function unclosed(text: string): string[] {
	const out: string[] = [];
	for (let i = text.indexOf('{'); i >= 0; i = text.indexOf('{', i + 1)) {
		const rest = text.slice(i + 1);
		const close = rest.indexOf('}');
		const open = rest.indexOf('{');
		if (close < 0 || (open >= 0 && open < close))
			out.push('{' + rest.split(/\s+/).slice(0, 2).join(' ').slice(0, 30));
	}
	return out;
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
						choices: n.choices.map((c) => ({
							...c,
							text: f(c.text),
							feedback: mapRich(c.feedback, f)
						}))
					};
	}
	return { ...s, title: f(s.title), summary: f(s.summary), nodes };
}
