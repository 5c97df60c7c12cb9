/** "Did you mean …?" for a mistyped id, shared by the scenario and council checkers. */

/** The option nearest in spelling to `word`, if it is close enough to be a likely typo. */
export function closest(word: string, options: readonly string[]): string | undefined {
	let best: string | undefined;
	let bestD = Infinity;
	for (const o of options) {
		const d = editDistance(word.toLowerCase(), o.toLowerCase());
		if (d < bestD) {
			bestD = d;
			best = o;
		}
	}
	const limit = Math.max(2, Math.floor(word.length / 4));
	return best !== undefined && bestD <= limit ? best : undefined;
}

/** ` (did you mean "x"?)`, or '' when nothing is close. */
export function didYouMean(word: string, options: readonly string[]): string {
	const guess = closest(word, options);
	return guess ? ` (did you mean "${guess}"?)` : '';
}

function editDistance(a: string, b: string): number {
	const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		let prev = dp[0];
		dp[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const tmp = dp[j];
			dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
			prev = tmp;
		}
	}
	return dp[b.length];
}
