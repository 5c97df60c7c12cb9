/** The first scenario's id in a built package's index.html (the compact outline starts [["<id>", …). */
export function firstScenarioId(html: string): string | undefined {
	return /\[\[["`]([a-z0-9-]+)["`],/.exec(html)?.[1];
}
