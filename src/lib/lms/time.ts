/**
 * SCORM time formats. Everything is rounded to hundredths of a second first, so a value never
 * rolls over to "60" seconds or gains a third decimal. Bad input (NaN, negative) counts as zero.
 */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Milliseconds → whole hundredths of a second, never negative. */
function hundredths(ms: number): number {
	return Number.isFinite(ms) && ms > 0 ? Math.round(ms / 10) : 0;
}

function split(ms: number) {
	const c = hundredths(ms);
	return {
		h: Math.floor(c / 360000),
		m: Math.floor(c / 6000) % 60,
		s: Math.floor(c / 100) % 60,
		f: c % 100
	};
}

/** Largest SCORM 1.2 CMITimespan: 9999:59:59.99. */
const MAX_12 = 9999 * 3600000 + 3599990;

/** SCORM 1.2 CMITimespan `HHHH:MM:SS.SS` (hours 2–4 digits; fraction only when non-zero). */
export function timespan12(ms: number): string {
	const { h, m, s, f } = split(Math.min(ms, MAX_12));
	return `${pad(h)}:${pad(m)}:${pad(s)}${f ? '.' + pad(f) : ''}`;
}

/** SCORM 1.2 CMITime: local time of day `HH:MM:SS`. */
export function time12(date: Date): string {
	const d = validDate(date);
	return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** SCORM 2004 timeinterval (ISO 8601 duration): `PT1H2M3.45S`; zero is `PT0S`. */
export function duration2004(ms: number): string {
	const { h, m, s, f } = split(ms);
	let out = 'PT';
	if (h) out += `${h}H`;
	if (m) out += `${m}M`;
	if (s || f || (!h && !m)) out += f ? `${s}.${pad(f).replace(/0$/, '')}S` : `${s}S`;
	return out;
}

/**
 * SCORM 2004 time (second, 10, 0): local time with its UTC offset,
 * `YYYY-MM-DDThh:mm:ss.ss+hh:mm`. (SCORM only allows the offset after a fraction, so the
 * fraction is always written.)
 */
export function timestamp2004(date: Date): string {
	const d = validDate(date);
	const off = -d.getTimezoneOffset();
	const sign = off < 0 ? '-' : '+';
	const abs = Math.abs(off);
	const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
	const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
	const frac = pad(Math.floor(d.getMilliseconds() / 10));
	return `${day}T${time}.${frac}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function validDate(date: Date): Date {
	return date instanceof Date && Number.isFinite(date.getTime()) ? date : new Date();
}
