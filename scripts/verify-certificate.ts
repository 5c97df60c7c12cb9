/**
 * npm run verify-certificate -- --council=<id> --name="Jo Bloggs" --date=2026-12-01 --score=94 \
 *   --result=Passed [--mode=assessed] [--content=<content version>]
 *
 * Recomputes a certificate's verification code from the facts printed on it, so a training
 * provider can check a certificate against the LMS record. The content version is printed at
 * the foot of the certificate; without --content the current content's version is used.
 */
import { loadLibrary } from '../src/lib/content/course.js';
import { verificationCode } from '../src/lib/engine/verify.js';

const args = Object.fromEntries(
	process.argv.slice(2).map((a) => {
		const m = /^--([a-z]+)=(.*)$/.exec(a);
		if (!m) {
			console.error(`✗ unknown argument "${a}" — use --council, --name, --date, --score, --result, --mode, --content`);
			process.exit(1);
		}
		return [m[1], m[2]];
	})
);
const missing = ['council', 'name', 'date', 'score', 'result'].filter((k) => !args[k]);
if (missing.length) {
	console.error(`✗ missing ${missing.map((m) => `--${m}`).join(', ')} (see the top of scripts/verify-certificate.ts)`);
	process.exit(1);
}
const content = args.content ?? (await loadLibrary(process.cwd())).contentVersion;
const mode = args.mode ?? 'assessed';
const outcome = mode === 'practice' ? 'Completed (practice, not assessed)' : args.result;
const code = verificationCode([content, args.council, mode, args.name, args.date, Number(args.score), outcome]);
console.log(`Verification code: ${code}  (content version ${content})`);
