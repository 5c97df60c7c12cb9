import { render, screen } from '@testing-library/svelte';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleCourse } from '../../../tests/helpers/example-course';
import type { Course, Step } from '$lib/engine/types';
import Feedback from './Feedback.svelte';

let course: Course;
let step: Step;
beforeAll(async () => {
	course = await exampleCourse();
	step = course.scenarios[0].nodes.start as Step;
});

describe('Feedback', () => {
	it('explains a poor choice, names the recommended one and quotes the council clause', () => {
		render(Feedback, { course, step, choice: step.choices[0] });
		expect(screen.getByRole('heading', { name: /Not the recommended choice/ })).toBeInTheDocument();
		expect(screen.getByText(/not to pass on, however trusted the person/)).toBeInTheDocument();
		expect(screen.getByText(/Recommended:/).parentElement).toHaveTextContent(
			'Tell Sue you cannot share it'
		);
		expect(
			screen.getByText('Respect, courtesy, integrity and appropriate confidentiality from officers')
		).toBeInTheDocument();
		expect(screen.getByRole('link', { name: '3.1(h)' })).toHaveAttribute(
			'href',
			'#/protocol/conf-1'
		);
		expect(screen.getByText(/Goes against the protocol/)).toBeInTheDocument();
		expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent('What the protocol says');
	});

	it('gives each principle its plain-English summary, with the council’s words one step away', () => {
		const { container } = render(Feedback, { course, step, choice: step.choices[0] });
		const summary = course.principles.find(
			(p) => p.id === 'confidentiality.no-disclosure'
		)!.summary;
		expect(screen.getByText(summary)).toBeInTheDocument();
		const details = container.querySelector<HTMLDetailsElement>('details.clause-details')!;
		expect(details.open).toBe(false);
		expect(details.querySelector('summary')).toHaveTextContent('The protocol’s words (3.1(h))');
		expect(details.querySelector('blockquote')).toHaveTextContent(
			'Respect, courtesy, integrity and appropriate confidentiality from officers'
		);
	});

	it('says plainly when the council protocol has no clause for a principle', () => {
		render(Feedback, { course, step, choice: step.choices[1] });
		expect(screen.getByRole('heading', { name: /The recommended choice/ })).toBeInTheDocument();
		// Backed by a clause: a verdict against the protocol. A gap: good practice, with the council's own note.
		const items = screen.getAllByRole('listitem');
		expect(items[0]).toHaveTextContent(/Keeping confidences: Meets the protocol \(\+2\)/);
		expect(items[1]).toHaveTextContent(
			/Respect and courtesy: Partly follows good practice \(\+1\)/
		);
		expect(items[1]).not.toHaveTextContent(/the protocol(?!’)/i);
		expect(items[1]).toHaveTextContent(
			'This is good practice that Testham Town Council’s protocol does not state.'
		);
		expect(items[1]).toHaveTextContent(
			'This protocol does not ask councillors to be courteous to staff.'
		);
		expect(items[1]).toHaveTextContent('The nearest general clause says:');
		expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent(
			'What the protocol says, and where it is silent'
		);
	});

	it('cites a protocol with no title by the council’s name, never as "not stated"', () => {
		const untitled = {
			...course,
			council: { ...course.council, protocol: { ...course.council.protocol, title: 'not stated' } }
		};
		render(Feedback, { course: untitled, step, choice: step.choices[0] });
		expect(document.querySelector('figcaption')).toHaveTextContent(
			'Testham Town Council’s protocol, 3.1(h)'
		);
		expect(document.body).not.toHaveTextContent(/not stated/);
	});
});
