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
import { readArgs } from './args.js';

const USAGE =
	'usage: npm run verify-certificate -- --council=<id> --name="Jo Bloggs" --date=2026-12-01 --score=94 --result=Passed [--mode=assessed] [--content=<content version>]';
const FACTS = ['council', 'name', 'date', 'score', 'result', 'mode', 'content'] as const;
const { values, errors, help } = readArgs(
	process.argv.slice(2),
	Object.fromEntries(FACTS.map((f) => [f, { type: 'string' as const }]))
);
if (help) {
	console.log(USAGE);
	process.exit(0);
}
const args = values as Partial<Record<(typeof FACTS)[number], string>>;
const missing = ['council', 'name', 'date', 'score', 'result'].filter(
	(k) => !args[k as (typeof FACTS)[number]]
);
if (missing.length) errors.push(`missing ${missing.map((m) => `--${m}`).join(', ')}`);
if (errors.length) {
	for (const e of errors) console.error(`✗ ${e}`);
	console.error(USAGE);
	process.exit(1);
}
const content = args.content ?? (await loadLibrary(process.cwd())).contentVersion;
const mode = args.mode ?? 'assessed';
const outcome = mode === 'practice' ? 'Completed (practice, not assessed)' : args.result;
const code = certificateReference([
	content,
	args.council!,
	mode,
	args.name!,
	args.date!,
	Number(args.score),
	outcome!
]);
console.log(`Certificate reference: ${code}  (content version ${content})`);
console.log(
	"This is not proof on its own: anyone can compute a reference. Match the certificate against the learner's record in the LMS."
);
