/**
 * The launch of a SCORM session, the part that comes with the first screen: Initialize, then
 * what the learner starts from (the LMS's data and this browser's copies, copies.ts) and the
 * exit value, so that the first screen can show the learner's own progress. What the tracker
 * writes after that (scorm.ts) loads later (start.ts). No status is written here.
 */
import { connect, type Connection } from './connection.js';
import { findCopies } from './copies.js';
import type { LaunchDialect, Standing } from './dialect.js';
import type { ScormApi } from './discover.js';
import { createStatus, type StatusHub } from './status.js';
import { createStore, type Saved, type Store } from './storage.js';
import type { LaunchData, ProgressRecord, TrackerOptions } from './types.js';

/** An LMS session that Initialize has opened. */
export interface Opened {
	api: ScormApi;
	win: Window;
	options: TrackerOptions;
	conn: Connection;
	status: StatusHub;
	startedAt: number;
	/** What the launch read (readLaunch), once read. */
	read?: LaunchRead;
}

export interface LaunchRead {
	launch: LaunchData;
	/** The LMS's learner id (or name). */
	learner: string;
	/** The attempt's standing in the LMS at launch. */
	held: Standing;
	/** suspend_data the LMS held at launch. */
	confirmed: string;
	/** This learner's browser copy (or, with no learner id, a copy no one will load). */
	store: Store;
	/** What that copy held at launch. */
	saved: Saved | null;
	/** Progress from a session the LMS never got, for the tracker to send (scorm.ts start). */
	recover: ProgressRecord | null;
	unclaimed: { store: Store; saved: Saved } | null;
}

/** Initialize; null when the LMS refuses (use the local tracker then). */
export function openScorm(
	api: ScormApi,
	win: Window,
	options: TrackerOptions,
	d: LaunchDialect
): Opened | null {
	const status = createStatus();
	const conn = connect(api, d, status);
	if (!conn.open()) return null;
	return { api, win, options, conn, status, startedAt: Date.now() };
}

/** What the learner starts from; read once (later calls give the same). Writes only the exit value. */
export function readLaunch(o: Opened, d: LaunchDialect): LaunchRead {
	if (o.read) return o.read;
	const { conn, win, options } = o;
	const get = conn.get;
	const learnerName = get(d.el.name);
	const learner = get(d.el.learner) || learnerName;
	const resumed = get(d.el.entry) === 'resume';
	const lmsData = get(d.el.suspend);
	const held = d.readStanding(get);
	const masteryScore = d.mastery(get(d.el.mastery));
	const copies = findCopies(win, options.storageKey, learner, lmsData);
	const { saved, recover, finishedCopy } = copies;
	// Status is not written at launch (on a fresh attempt, or over the finished copy shown):
	// only when the learner acts (scorm.ts saveProgress).
	conn.set(d.el.exit, held === 'incomplete' ? 'suspend' : d.exitDone);
	const launch: LaunchData = {
		kind: d.kind,
		learnerName,
		suspendData: recover ? recover.suspendData : lmsData || finishedCopy,
		resumed: resumed || !!recover,
		finished: held !== 'incomplete'
	};
	const location = recover
		? recover.location
		: lmsData
			? get(d.el.location)
			: finishedCopy
				? saved!.progress.location
				: '';
	if (location) launch.location = location;
	if (finishedCopy && !lmsData) launch.fromBrowserCopy = true;
	if (masteryScore !== undefined) launch.masteryScore = masteryScore;
	const unclaimed = copies.unclaimed;
	if (unclaimed)
		launch.unclaimed = {
			suspendData: unclaimed.saved.progress.suspendData,
			savedAt: unclaimed.saved.savedAt ?? ''
		};
	return (o.read = {
		launch,
		learner,
		held,
		confirmed: lmsData,
		// Without a learner id: a copy no one will load.
		store: copies.store ?? createStore(win, `${options.storageKey}:unknown:${o.startedAt}-lms`),
		saved,
		recover,
		unclaimed
	});
}
