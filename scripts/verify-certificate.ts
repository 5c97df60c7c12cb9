/**
 * npm run verify-certificate -- --council=<id> --name="Jo Bloggs" --date=2026-12-01 --score=94 \
 *   --result=Passed [--mode=assessed] [--content=<content version>]
 *
 * Recomputes a certificate's reference from the facts printed on it. The reference is a public
 * hash, not proof (anyone can compute one for any name and score): a training provider checks a
 * certificate by matching its facts against the learner's record in the LMS. The content version is printed at
 * the foot of the certificate; without --content the current content's version is used.
 */
import { loadLibrary } from '../src/lib/content/course.js';
import { certificateReference } from '../src/lib/display/verify.js';

const args = Object.fromEntries(
	process.argv.slice(2).map((a) => {
		const m = /^--([a-z]+)=(.*)$/.exec(a);
		if (!m) {
			console.error(
				`✗ unknown argument "${a}" — use --council, --name, --date, --score, --result, --mode, --content`
			);
			process.exit(1);
		}
		return [m[1], m[2]];
	})
);
const missing = ['council', 'name', 'date', 'score', 'result'].filter((k) => !args[k]);
if (missing.length) {
	console.error(
		`✗ missing ${missing.map((m) => `--${m}`).join(', ')} (see the top of scripts/verify-certificate.ts)`
	);
	process.exit(1);
}
const content = args.content ?? (await loadLibrary(process.cwd())).contentVersion;
const mode = args.mode ?? 'assessed';
const outcome = mode === 'practice' ? 'Completed (practice, not assessed)' : args.result;
const code = certificateReference([
	content,
	args.council,
	mode,
	args.name,
	args.date,
	Number(args.score),
	outcome
]);
console.log(`Certificate reference: ${code}  (content version ${content})`);
console.log(
	"This is not proof on its own: anyone can compute a reference. Match the certificate against the learner's record in the LMS."
);
