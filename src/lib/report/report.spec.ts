// @vitest-environment node
/**
 * The cohort report against real Moodle 4.5.6 downloads (tests/fixtures/lms-exports/): the
 * figures must be what the learners did, as computed from the CMI data Moodle stored.
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readExport } from '../../../scripts/report';
import type { Course } from '../engine/types';
import { cohortOf } from './aggregate';
import { decisionIndex, playedOf } from './read';
import { attemptReader, ExportError, layoutOf, parseDate, type Attempt } from './parse';
import { cohortCsv, learnersCsv, renderCohort } from './render';
import { sheetRows } from './sheet';

const FIX = 'tests/fixtures/lms-exports';
const course = (id: string) =>
	JSON.parse(readFileSync(join(FIX, `${id}-c4f4d89.course.json`), 'utf8')) as Course;
const WITHAM = course('witham-town-council');
const csv = (file: string) =>
	Papa.parse<Record<string, string>>(
		readFileSync(join(FIX, 'expected-scorm12-witham', file), 'utf8'),
		{ header: true, skipEmptyLines: true }
	).data;

describe('Moodle 4.5.6 Interactions report, SCORM 1.2 (Witham)', async () => {
	const { played, rows } = await readExport(
		join(FIX, 'moodle-4.5.6-scorm12-witham-interactions.txt'),
		WITHAM
	);
	const c = cohortOf(WITHAM, played, 80);

	it('counts the learners and their results as Moodle stored them', () => {
		expect(rows).toBe(7);
		expect(c.notAttempted).toBe(1); // the teacher
		expect(c.learners).toBe(6);
		expect([c.passed, c.failed, c.incomplete]).toEqual([1, 2, 3]);
		// Only Alex (100), Chris (0) and Evan (35) have a stored score; Moodle's 0 for the others is no score.
		expect(c.scored).toBe(3);
		expect(c.averageScore).toBe(45);
		const byLearner = Object.fromEntries(c.learnerRows.map((r) => [r.email.split('@')[0], r]));
		for (const l of csv('learners.csv')) {
			const r = byLearner[l.username];
			expect(r.outcome, l.username).toBe(l.status);
			expect(r.decisions, l.username).toBe(Number(l.interactions));
			expect(r.recommended, l.username).toBe(Number(l.correct));
			expect(
				r.score === null || r.outcome === 'incomplete' ? '' : String(r.score),
				l.username
			).toBe(l.score);
		}
	});

	it('maps every answer to a decision of the course, and agrees with its right answers', () => {
		expect(c.match).toEqual({ answers: 211, unknown: 0, unknownIds: [], rightDiffers: 0 });
	});

	it('counts each choice at each of the 84 decisions as the learners chose', () => {
		const expected = csv('decisions.csv');
		expect(expected).toHaveLength(84);
		const answered = c.decisions.filter((d) => d.answered > 0);
		expect(answered).toHaveLength(84);
		for (const e of expected) {
			const d = c.decisions.find((x) => `${x.scenario}_${x.step}` === e.decision_id)!;
			expect(d, e.decision_id).toBeTruthy();
			expect(d.answered, e.decision_id).toBe(Number(e.learners_answered));
			for (const ch of d.choices)
				expect(ch.count, `${e.decision_id} ${ch.key}`).toBe(Number(e[`chose_${ch.key}`] ?? 0));
			expect(d.choices.find((x) => x.recommended)!.key, e.decision_id).toBe(e.right_answer);
			expect(d.answered - d.wrong, e.decision_id).toBe(Number(e.correct));
		}
	});

	it('counts who finished each scenario and where they ended', () => {
		const cg = c.scenarios.find((s) => s.id === 'chair-grievance')!;
		// Alex, Beth, Chris, Evan and Fay finished it; Dana (officer list) never started it.
		expect([cg.started, cg.finished]).toEqual([5, 5]);
		expect(cg.endings.reduce((n, e) => n + e.count, 0)).toBe(5);
		const dc = c.scenarios.find((s) => s.id === 'delegation-councillor')!;
		// Fay made 2 of its decisions and left.
		expect([dc.started, dc.finished]).toEqual([5, 4]);
	});

	it('puts the weakest principle first, and the most common wrong turns in order', () => {
		const percents = c.principles.map((p) => p.percent);
		expect(percents).toEqual([...percents].sort((a, b) => a - b));
		const shares = c.wrongTurns.map((w) => w.share);
		expect(shares).toEqual([...shares].sort((a, b) => b - a));
		expect(c.wrongTurns[0].share).toBe(1);
	});

	it('tells each learner’s track from the scenarios they played, and filters by it', () => {
		const track = Object.fromEntries(played.map((p) => [p.email.split('@')[0], p.track]));
		// README: Alex, Chris and Evan chose "Show all scenarios", Beth and Fay the councillor
		// list, Dana the officer list; the teacher played nothing.
		expect(track).toEqual({
			learner1: 'all',
			learner2: 'councillor',
			learner3: 'all',
			learner4: 'officer',
			learner5: 'all',
			learner6: 'councillor',
			teacher: ''
		});
		expect(c.tracks).toEqual({ councillor: 2, officer: 1, all: 3, unknown: 0 });
		const officer = cohortOf(WITHAM, played, 80, { track: 'officer' });
		expect(officer.learnerRows.map((r) => r.learner)).toEqual(['Dana Dale']);
		// Dana's 22 decisions, all the worst choice, are the only ones counted.
		expect(officer.decisions.reduce((n, d) => n + d.answered, 0)).toBe(22);
		expect(officer.decisions.every((d) => d.answered === d.wrong)).toBe(true);
		const councillor = cohortOf(WITHAM, played, 80, { track: 'councillor' });
		expect(councillor.learnerRows.map((r) => r.learner).sort()).toEqual(['Beth Baker', 'Fay Ford']);
		expect(councillor.tracks).toEqual(c.tracks);
	});

	it('filters by the date an attempt started', () => {
		expect(parseDate('Thursday, 3 December 2026, 12:23 PM')).toBe('2026-12-03');
		expect(parseDate('3 December 2026, 12:23 PM')).toBe('2026-12-03');
		expect(cohortOf(WITHAM, played, 80, { from: '2026-12-03', to: '2026-12-03' }).learners).toBe(6);
		expect(cohortOf(WITHAM, played, 80, { from: '2026-12-04' }).learners).toBe(0);
	});

	it('writes the page text and the CSV from the same figures, escaping what the file says', () => {
		const html = renderCohort(c, {
			council: 'Witham Town Council',
			courseTitle: WITHAM.title,
			contentVersion: WITHAM.contentVersion,
			passMark: 80,
			source: 'x<script>.txt',
			rows
		});
		expect(html).toContain('x&lt;script&gt;.txt');
		expect(html).not.toContain('<script');
		expect(html).toContain('Alex Able');
		const summary = Papa.parse<string[]>(cohortCsv(c)).data;
		const row = summary.find(
			(r) => r[0] === 'choice' && r[1] === 'chair-grievance' && r[2] === 'start' && r[3] === 'a'
		)!;
		expect(row.slice(5, 8)).toEqual(['no', '3', '5']);
	});

	it('says when the export does not match the course it is read with', () => {
		// The same export read against a course whose right answers moved (as after a content change).
		const moved: Course = JSON.parse(JSON.stringify(WITHAM));
		const s = moved.scenarios.find((x) => x.id === 'chair-grievance')!;
		const start = s.nodes[s.start];
		if (start.kind !== 'step') throw new Error('start is a step');
		start.choices.reverse().forEach((ch, i) => (ch.key = 'abcd'[i]));
		delete moved.scenarios.find((x) => x.id === 'public-criticism')!.nodes.start;
		moved.scenarios = moved.scenarios.filter((x) => x.id !== 'public-criticism');
		const m = cohortOf(
			moved,
			played.map((p) => ({ ...p })),
			80
		);
		const again = cohortOf(moved, [], 80);
		expect(again.match.answers).toBe(0);
		const index = decisionIndex(moved);
		const attempts: Attempt[] = [];
		const reader = attemptReader(
			layoutOf(
				readFileSync(join(FIX, 'moodle-4.5.6-scorm12-witham-interactions.txt'), 'utf8')
					.split('\n')[0]
					.split('\t')
					.map((h) => h.replace(/"/g, ''))
			),
			(a) => attempts.push(a)
		);
		for (const line of readFileSync(
			join(FIX, 'moodle-4.5.6-scorm12-witham-interactions.txt'),
			'utf8'
		)
			.split('\n')
			.slice(1))
			reader.row(line.split('\t').map((x) => x.replace(/"/g, '')));
		const reread = cohortOf(
			moved,
			attempts.map((a) => playedOf(a, index)),
			80
		);
		expect(reread.match.unknown).toBeGreaterThan(0);
		expect(reread.match.unknownIds[0]).toMatch(/^public-criticism_/);
		expect(reread.match.rightDiffers).toBeGreaterThan(0);
		expect(
			renderCohort(reread, {
				council: 'W',
				courseTitle: 't',
				contentVersion: 'v',
				passMark: 80,
				source: 's',
				rows: 7
			})
		).toContain('This export does not match this course');
		expect(m.learners).toBe(6);
	});
});

describe('Moodle 4.5.6 Interactions report downloaded as Excel and as ODS', async () => {
	const text = Papa.parse<string[]>(
		readFileSync(join(FIX, 'moodle-4.5.6-scorm12-witham-interactions.txt'), 'utf8'),
		{ skipEmptyLines: true }
	).data;
	const fromText = await readExport(
		join(FIX, 'moodle-4.5.6-scorm12-witham-interactions.txt'),
		WITHAM
	);

	for (const ext of ['xlsx', 'ods']) {
		const file = join(FIX, `moodle-4.5.6-scorm12-witham-interactions.${ext}`);

		it(`${ext}: has the text download's cells, dates apart`, () => {
			const rows = sheetRows(readFileSync(file));
			expect(rows).toHaveLength(text.length);
			rows.forEach((row, i) => {
				// Dates as days; trailing empty cells (the ODS leaves them out) do not count.
				const dated = (cells: string[]) =>
					cells
						.map((c, j) => (j === 3 || j === 4 ? (parseDate(c) ?? c) : c))
						.join('\t')
						.replace(/\t+$/, '');
				expect(dated(row), `row ${i}`).toBe(dated(text[i]));
			});
			// The spreadsheets write "3 December 2026, 12:23 PM", the text "Thursday, 3 December …".
			expect(rows[1][3]).toBe('3 December 2026, 12:23 PM');
		});

		it(`${ext}: gives the same figures as the text download`, async () => {
			const read = await readExport(file, WITHAM);
			expect(read.rows).toBe(7);
			expect(cohortOf(WITHAM, read.played, 80)).toEqual(cohortOf(WITHAM, fromText.played, 80));
		});
	}
});

describe('other exports', () => {
	it('reads a Moodle SCORM 2004 Interactions report, which holds no decisions, and says so', async () => {
		const { played } = await readExport(
			join(FIX, 'moodle-4.5.6-scorm2004-broxtowe-interactions.txt'),
			course('broxtowe-borough-council')
		);
		const c = cohortOf(course('broxtowe-borough-council'), played, 80);
		expect(c.learners).toBe(3);
		expect([c.passed, c.failed, c.incomplete]).toEqual([1, 1, 1]);
		expect(c.match.answers).toBe(0);
		expect(
			renderCohort(c, {
				council: 'B',
				courseTitle: 't',
				contentVersion: 'v',
				passMark: 80,
				source: 's',
				rows: 4
			})
		).toContain('This export holds no decisions');
	});

	it('reads a long export (one row per interaction) with any column names it knows', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'long-'));
		const file = join(dir, 'long.csv');
		writeFileSync(
			file,
			'Learner,Interaction ID,Learner Response,Result,Group\nJo,chair-grievance_start,c,correct,North\nJo,chair-grievance_her-choice,a,correct,North\nSam,chair-grievance_start,a,wrong,South\n'
		);
		const { played } = await readExport(file, WITHAM);
		const c = cohortOf(WITHAM, played, 80);
		expect(c.learners).toBe(2);
		expect(c.groups).toEqual(['North', 'South']);
		const start = c.decisions.find((d) => d.scenario === 'chair-grievance' && d.step === 'start')!;
		expect(start.choices.map((x) => x.count)).toEqual([1, 0, 1, 0].slice(0, start.choices.length));
		expect(cohortOf(WITHAM, played, 80, { group: 'South' }).learners).toBe(1);
	});

	it('keeps a name whole where it falls across two chunks of the file', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'chunks-'));
		const file = join(dir, 'long.csv');
		// 20,000 rows of a name in two-byte characters: the first 1 MB chunk the file is read in
		// ends between the two bytes of a "Ŵ" (byte 1,048,576 is the 78th of row 9,198).
		const name = `Siân Ó ${'Ŵ'.repeat(40)}`;
		writeFileSync(
			file,
			'Learner,Interaction ID,Learner Response\n' +
				`${name},chair-grievance_start,a\n`.repeat(20_000)
		);
		const { played } = await readExport(file, WITHAM);
		expect(played.map((p) => p.learner)).toEqual([name]);
	});

	it('lists the first 1,000 attempts on the page and every one in the learners’ CSV', async () => {
		const { played } = await readExport(
			join(FIX, 'moodle-4.5.6-scorm12-witham-interactions.txt'),
			WITHAM
		);
		const many = Array.from({ length: 1001 }, (_, i) => ({
			...played.find((p) => p.learner === 'Alex Able')!,
			learner: i === 1000 ? '=HYPERLINK("x")' : `Learner ${i}`
		}));
		const big = cohortOf(WITHAM, many, 80);
		const html = renderCohort(big, {
			council: 'W',
			courseTitle: 't',
			contentVersion: 'v',
			passMark: 80,
			source: 's',
			rows: 1001
		});
		expect(html).toContain('The first 1,000 of 1,001 attempts');
		expect(html.split('<section id="learners"')[1].match(/<tr>/g)).toHaveLength(1001); // the head and 1,000
		const rows = Papa.parse<string[]>(learnersCsv(big), { skipEmptyLines: true }).data;
		expect(rows).toHaveLength(1002);
		expect(rows[1].slice(0, 7)).toEqual([
			'Learner 0',
			'learner1@example.com',
			'1',
			'2026-12-03',
			'',
			'all',
			'passed'
		]);
		// A name that a spreadsheet would run as a formula is written as text.
		expect(rows[1001][0]).toBe(`'=HYPERLINK("x")`);
	});

	it('names the problem with a file it cannot use', async () => {
		const dir0 = mkdtempSync(join(tmpdir(), 'xls-'));
		writeFileSync(join(dir0, 'old.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]));
		await expect(readExport(join(dir0, 'old.xls'), WITHAM)).rejects.toThrow(
			/is an old Excel \(\.xls\) file/
		);
		writeFileSync(join(dir0, 'broken.xlsx'), Buffer.from('PK\x03\x04 not really a zip'));
		await expect(readExport(join(dir0, 'broken.xlsx'), WITHAM)).rejects.toThrow(
			/broken\.xlsx cannot be read: it is not a zip file/
		);
		expect(() => layoutOf(['Name', 'Email address', 'Score'])).toThrow(ExportError);
		expect(() => layoutOf(['Name', 'Response 0', 'Result 0'])).toThrow(
			/tick "Summary of question"/
		);
		const dir = mkdtempSync(join(tmpdir(), 'bad-'));
		writeFileSync(join(dir, 'empty.csv'), '');
		await expect(readExport(join(dir, 'empty.csv'), WITHAM)).rejects.toThrow(/is empty/);
	});
});
