// @vitest-environment node
/**
 * npm run review-copy end to end (the command's main()): a review copy, a real content change,
 * then the comparison against the earlier copy and against the git revision it was made from.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main, unitsFromReviewCopy } from '../../scripts/review-copy';

const tmp = mkdtempSync(join(tmpdir(), 'review-copy-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const git = (...args: string[]) => execFileSync('git', ['-C', tmp, ...args], { stdio: 'pipe' });

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
	const out: string[] = [];
	const err: string[] = [];
	const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
	const error = vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
	try {
		return { code: await main(argv, tmp), out: out.join('\n'), err: err.join('\n') };
	} finally {
		log.mockRestore();
		error.mockRestore();
	}
}

describe('npm run review-copy', () => {
	it(
		'marks what changed since an earlier review copy and since a git revision',
		{ timeout: 90_000 },
		async () => {
			cpSync('scenarios', join(tmp, 'scenarios'), { recursive: true });
			git('init', '-q');
			git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'add', '.');
			git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-qm', 'signed off');

			const first = join(tmp, 'first.html');
			const made = await run(['--council=halewood-town-council', `--out=${first}`]);
			expect(made.err).toBe('');
			expect(made.code).toBe(0);
			const html = readFileSync(first, 'utf8');
			expect(html).toContain('Halewood Town Council');
			expect(html).not.toContain('Changed since the last sign-off');
			const data = unitsFromReviewCopy(html, first);
			expect(data.council).toBe('halewood-town-council');

			// A real edit: one sentence of a step's narrative in public-criticism.md.
			const file = join(tmp, 'scenarios/public-criticism.md');
			const source = readFileSync(file, 'utf8');
			const unit = data.units.find(
				(u) =>
					u.key.startsWith('public-criticism/') &&
					u.key.split('/').length === 2 &&
					!u.key.endsWith('/about')
			)!;
			const old = unit.sentences.find((s) => source.includes(s) && !s.includes('{'))!;
			expect(old, 'a sentence of the step that stands in the file as written').toBeTruthy();
			writeFileSync(file, source.replace(old, 'A sentence the monitoring officer has not seen.'));

			for (const since of [first, 'HEAD']) {
				const out = join(tmp, `since-${since === 'HEAD' ? 'git' : 'file'}.html`);
				const r = await run([
					'--council=halewood-town-council',
					`--since=${since}`,
					`--out=${out}`
				]);
				expect(r.err).toBe('');
				expect(r.out).toMatch(/0 added, 1 changed, 0 removed; unchanged scenarios: 12/);
				const marked = readFileSync(out, 'utf8');
				expect(marked).toContain('<ins>A sentence the monitoring officer has not seen.</ins>');
				expect(marked).toContain(`<del>${old.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</del>`);
			}
		}
	);

	it('says what is wrong with --since, a council or a flag', { timeout: 30_000 }, async () => {
		const notCopy = join(tmp, 'not-a-copy.html');
		writeFileSync(notCopy, '<html><body>hello</body></html>');
		expect((await run(['--council=witham-town-council', `--since=${notCopy}`])).err).toMatch(
			/not-a-copy\.html is not a review copy made by npm run review-copy/
		);
		expect((await run(['--council=witham-town-council', '--since=no-such-thing'])).err).toMatch(
			/--since="no-such-thing" is neither a review copy file nor a git revision/
		);
		expect((await run(['--council=nowhere'])).err).toMatch(/COUNCIL="nowhere" is not a council/);
		expect((await run([])).err).toMatch(/name the council: --council=<id>/);
		expect((await run(['--council=witham-town-council', '--colour=blue'])).err).toMatch(
			/unknown option "--colour=blue"/
		);
	});
});
