declare module 'text-readability' {
	const rs: { fleschReadingEase(text: string): number };
	export default rs;
}
