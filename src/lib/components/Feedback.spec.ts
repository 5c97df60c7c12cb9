import { render, screen } from '@testing-library/svelte';
import { beforeAll, describe, expect, it } from 'vitest';
import { courseOf, exampleSource, scenarioFrom } from '../../../tests/helpers/course';
import type { Course, Step } from '$lib/engine/types';
import Feedback from './Feedback.svelte';

let course: Course;
let step: Step;
beforeAll(async () => {
	const s = await scenarioFrom(exampleSource());
	course = courseOf([s], {
		clauses: [{ id: 'conf-1', ref: '3.1(h)', text: 'Respect, courtesy, integrity and appropriate confidentiality from officers', principles: ['confidentiality.no-disclosure'] }],
		backing: { 'confidentiality.no-disclosure': { clauses: ['conf-1'] }, 'respect.courtesy': { clauses: [], gap: { note: 'none' } } }
	});
	step = course.scenarios[0].nodes.start as Step;
});

describe('Feedback', () => {
	it('explains a poor choice, names the recommended one and quotes the council clause', () => {
		render(Feedback, { course, step, choice: step.choices[0] });
		expect(screen.getByRole('heading', { name: /Not the recommended choice/ })).toBeInTheDocument();
		expect(screen.getByText(/not to pass on, however trusted the person/)).toBeInTheDocument();
		expect(screen.getByText(/Recommended:/).parentElement).toHaveTextContent('Tell Sue you cannot share it');
		expect(screen.getByText('Respect, courtesy, integrity and appropriate confidentiality from officers')).toBeInTheDocument();
		expect(screen.getByRole('link', { name: '3.1(h)' })).toHaveAttribute('href', '#/protocol/conf-1');
		expect(screen.getByText(/Goes against the protocol/)).toBeInTheDocument();
	});

	it('gives each principle its plain-English summary, with the council’s words one step away', () => {
		const { container } = render(Feedback, { course, step, choice: step.choices[0] });
		const summary = course.principles.find((p) => p.id === 'confidentiality.no-disclosure')!.summary;
		expect(screen.getByText(summary)).toBeInTheDocument();
		const details = container.querySelector<HTMLDetailsElement>('details.clause-details')!;
		expect(details.open).toBe(false);
		expect(details.querySelector('summary')).toHaveTextContent('The protocol’s words (3.1(h))');
		expect(details.querySelector('blockquote')).toHaveTextContent('Respect, courtesy, integrity and appropriate confidentiality from officers');
	});

	it('says plainly when the council protocol has no clause for a principle', () => {
		render(Feedback, { course, step, choice: step.choices[1] });
		expect(screen.getByRole('heading', { name: /The recommended choice/ })).toBeInTheDocument();
		expect(screen.getByText(/Testham Town Council's protocol has no clause on this point\./)).toBeInTheDocument();
	});
});
