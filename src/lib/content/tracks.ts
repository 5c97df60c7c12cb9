/**
 * scenarios/tracks.yaml: each audience's core and elective scenarios, checked like a compiler
 * (file:line: what is wrong — how to fix). See docs/authoring.md "Tracks: core and electives".
 *
 *   councillor:
 *     core: [confidentiality-councillor, instructing-staff]
 *     electives: [chair-grievance]
 *   officer:
 *     core: [...]
 *     electives: [...]
 *
 * Every scenario written for an audience (its own or "both") is listed once in that audience's
 * core or electives; a track has at least one core scenario.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isSeq, isScalar, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { inTrack, TRACKS } from '../engine/track.js';
import type { Scenario, Track, TrackPlan } from '../engine/types.js';
import type { ContentError } from './errors.js';
import { didYouMean } from './suggest.js';

export const TRACKS_FILE = 'tracks.yaml';

/** Reads <scenarioDir>/tracks.yaml. No file: null (every scenario of a track is core). */
export function loadTracks(
	root: string,
	scenarioDir: string,
	scenarios: Pick<Scenario, 'id' | 'audience'>[],
	errors: ContentError[]
): Record<Track, TrackPlan> | null {
	const file = `${scenarioDir}/${TRACKS_FILE}`;
	const path = join(root, file);
	if (!existsSync(path)) return null;
	const { plan, errors: errs } = parseTracks(file, readFileSync(path, 'utf8'), scenarios);
	errors.push(...errs);
	return plan;
}

export function parseTracks(
	file: string,
	source: string,
	scenarios: Pick<Scenario, 'id' | 'audience'>[]
): { plan: Record<Track, TrackPlan> | null; errors: ContentError[] } {
	const errors: ContentError[] = [];
	const lc = new LineCounter();
	const doc = parseDocument(source, { lineCounter: lc });
	const lineOf = (n: YamlNode | null | undefined) => (n?.range ? lc.linePos(n.range[0]).line : 1);
	const fail = (node: YamlNode | null | undefined, message: string) =>
		errors.push({ file, line: lineOf(node), message });
	if (doc.errors.length) {
		for (const e of doc.errors)
			errors.push({
				file,
				line: e.linePos?.[0].line ?? 1,
				message: `${e.message.split('\n')[0]} — fix the YAML syntax`
			});
		return { plan: null, errors };
	}
	const ids = scenarios.map((s) => s.id);
	const byId = new Map(scenarios.map((s) => [s.id, s]));
	const plan = {} as Record<Track, TrackPlan>;
	const top = doc.contents;
	if (!isMap(top)) {
		fail(
			top,
			'expected "councillor:" and "officer:", each with "core:" and "electives:" lists — see docs/authoring.md'
		);
		return { plan: null, errors };
	}
	for (const pair of top.items) {
		const key = isScalar(pair.key) ? String(pair.key.value) : '';
		if (!(TRACKS as readonly string[]).includes(key)) {
			fail(pair.key as YamlNode, `unknown audience "${key}" — use councillor or officer`);
		}
	}
	for (const track of TRACKS) {
		const pair = top.items.find((p) => isScalar(p.key) && p.key.value === track);
		const listed = new Map<string, number>();
		plan[track] = { core: [], electives: [] };
		if (!pair) {
			errors.push({
				file,
				line: 1,
				message: `no "${track}:" section — add one with "core:" and "electives:" lists`
			});
			continue;
		}
		const section = pair.value as YamlNode;
		if (!isMap(section)) {
			fail(
				(section ?? pair.key) as YamlNode,
				`"${track}:" must have "core:" and "electives:" lists`
			);
			continue;
		}
		for (const p of section.items) {
			const key = isScalar(p.key) ? String(p.key.value) : '';
			if (key !== 'core' && key !== 'electives')
				fail(p.key as YamlNode, `unknown field "${key}" under "${track}:" — use core or electives`);
		}
		for (const kind of ['core', 'electives'] as const) {
			const p = section.items.find((x) => isScalar(x.key) && x.key.value === kind);
			if (!p) {
				if (kind === 'core')
					fail(
						pair.key as YamlNode,
						`"${track}:" has no "core:" list — name the scenarios every ${track} must finish`
					);
				continue;
			}
			const list = p.value as YamlNode;
			if (list === null || (isScalar(list) && (list.value === null || list.value === ''))) continue;
			if (!isSeq(list)) {
				fail(
					list ?? (p.key as YamlNode),
					`"${track}.${kind}" must be a list of scenario ids, e.g. [${ids[0] ?? 'scenario-id'}]`
				);
				continue;
			}
			for (const item of list.items as YamlNode[]) {
				const id = isScalar(item) ? String(item.value) : '';
				const s = byId.get(id);
				const line = lineOf(item);
				if (!s) {
					errors.push({
						file,
						line,
						message: `"${id}" is not a scenario${didYouMean(id, ids)} — use an id from scenarios/*.md`
					});
				} else if (!inTrack(s, track)) {
					errors.push({
						file,
						line,
						message: `"${id}" is written for ${s.audience}s, not ${track}s — move it to the ${s.audience} track, or change its audience`
					});
				} else if (listed.has(id)) {
					errors.push({
						file,
						line,
						message: `"${id}" is listed twice for ${track}s (first on line ${listed.get(id)}) — list each scenario once, as core or elective`
					});
				} else {
					listed.set(id, line);
					plan[track][kind].push(id);
				}
			}
		}
		// A scenario the file does not list (a new one a trainer is writing) is offered as an
		// elective of its track: never required until it is named under core.
		for (const s of scenarios) {
			if (inTrack(s, track) && !listed.has(s.id)) plan[track].electives.push(s.id);
		}
		if (
			pair &&
			plan[track].core.length === 0 &&
			!errors.some((e) => e.message.includes(`"${track}:" has no "core:"`))
		) {
			fail(
				pair.key as YamlNode,
				`the ${track} track has no core scenario — name at least one under "${track}.core"`
			);
		}
	}
	return { plan: errors.length ? null : plan, errors };
}
