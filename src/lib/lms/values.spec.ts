import { describe, expect, it } from 'vitest';
import { percent } from './dialect.js';
import { ident, letter, num, text250 } from './values.js';

describe('values', () => {
	it('num: at most n decimals, no exponent, no trailing zeros', () => {
		expect(num(0)).toBe('0');
		expect(num(100)).toBe('100');
		expect(num(55.555)).toBe('55.56');
		expect(num(0.1 + 0.2)).toBe('0.3');
		expect(num(0.00001, 4)).toBe('0');
		expect(num(0.5555, 4)).toBe('0.5555');
		expect(num(1e-7)).toBe('0');
		expect(num(-0.001)).toBe('0');
		expect(num(NaN)).toBe('0');
		expect(num(100, 0)).toBe('100');
	});
	it('letter and ident', () => {
		expect(letter(' B ')).toBe('b');
		expect(ident('a b\tc')).toBe('a_b_c');
		expect(ident('x'.repeat(300))).toHaveLength(255);
	});
	it('text250: one line, ≤ 250 characters, no leading brace', () => {
		expect(text250('  The  leak\n\nstep 1 ')).toBe('The leak step 1');
		expect(text250('{lang=fr}Bonjour')).toBe('lang=fr}Bonjour');
		const long = text250('é'.repeat(400));
		expect(Array.from(long)).toHaveLength(250);
		expect(long.endsWith('…')).toBe(true);
	});
	it('percent', () => {
		expect(percent('70', 1)).toBe(70);
		expect(percent('0.8', 100)).toBe(80);
		expect(percent('-0.5', 100)).toBe(0);
		expect(percent('', 1)).toBeUndefined();
		expect(percent('abc', 1)).toBeUndefined();
	});
});
