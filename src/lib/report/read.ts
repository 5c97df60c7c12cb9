/**
 * An export's rows (the header row first) → the attempts played, each mapped to the course: the
 * one reader the command (scripts/report.ts) and the page (scripts/report-page.ts) feed, whatever
 * the file (text read a chunk at a time, or a spreadsheet's rows).
 */
import type { Course } from '../engine/types.js';
import { decisionIndex, playedOf, type Played } from './aggregate.js';
import { attemptReader, ExportError, layoutOf } from './parse.js';

export function playedReader(course: Course) {
	const index = decisionIndex(course);
	const played: Played[] = [];
	let reader: ReturnType<typeof attemptReader> | null = null;
	let rows = 0;
	return {
		/** One row: the first is the header, which says what kind of export this is. */
		row(cells: string[]): void {
			if (!reader) reader = attemptReader(layoutOf(cells), (a) => played.push(playedOf(a, index)));
			else {
				reader.row(cells);
				rows++;
			}
		},
		/** Rows read so far after the header. */
		get rows(): number {
			return rows;
		},
		/** After the last row: the attempts, or an ExportError when there was not even a header. */
		end(): { played: Played[]; rows: number } {
			if (!reader) throw new ExportError('it is empty — download the report again');
			reader.end();
			return { played, rows };
		}
	};
}
