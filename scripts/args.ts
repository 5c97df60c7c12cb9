/**
 * Command-line arguments for the scripts: node:util parseArgs, with every problem reported at
 * once in plain words (an unknown option with a did-you-mean and the list of allowed ones, a
 * value missing or given where none is taken, a stray argument).
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { OPTION_SPECS } from '../src/lib/content/options.js';
import { didYouMean } from '../src/lib/content/suggest.js';

export type Values = Record<string, string | boolean | undefined>;

/** The build options (OPTION_SPECS) as parseArgs options: --council=…, --scorm=…, … */
export const BUILD_FLAGS: ParseArgsOptionsConfig = Object.fromEntries(
	OPTION_SPECS.map((s) => [s.flag, { type: 'string' }])
);

/** The build option variables (COUNCIL=…) for the build flags given. */
export function buildEnv(values: Values): Record<string, string> {
	const env: Record<string, string> = {};
	for (const s of OPTION_SPECS) {
		const v = values[s.flag];
		if (typeof v === 'string') env[s.env] = v;
	}
	return env;
}

/**
 * Parses argv against options (plus --help / -h). Unknown options, missing values and stray
 * positional arguments (unless allowed) are errors, all of them listed.
 */
export function readArgs(
	argv: string[],
	options: ParseArgsOptionsConfig,
	{ positionals: allowPositionals = false } = {}
): { values: Values; positionals: string[]; errors: string[]; help: boolean } {
	const all: ParseArgsOptionsConfig = { help: { type: 'boolean', short: 'h' }, ...options };
	const { values, positionals, tokens } = parseArgs({
		args: argv,
		options: all,
		strict: false,
		allowPositionals: true,
		tokens: true
	});
	const names = Object.keys(options).map((n) => `--${n}`);
	const allowed = `allowed: ${names.join(', ')}`;
	const errors: string[] = [];
	for (const t of tokens) {
		if (t.kind === 'positional') {
			if (!allowPositionals)
				errors.push(`unexpected argument "${t.value}" — options start with --`);
		} else if (t.kind === 'option') {
			const raw = argv[t.index];
			const spec = all[t.name];
			if (!spec) {
				errors.push(`unknown option "${raw}"${didYouMean(t.rawName, names)} — ${allowed}`);
			} else if (
				spec.type === 'string' &&
				(t.value === undefined || (!t.inlineValue && t.value.startsWith('--')))
			) {
				errors.push(`${t.rawName} needs a value: ${t.rawName}=…`);
			} else if (spec.type === 'boolean' && t.inlineValue) {
				errors.push(`${t.rawName} takes no value (found "${raw}")`);
			}
		}
	}
	return { values: values as Values, positionals, errors, help: values.help === true };
}
