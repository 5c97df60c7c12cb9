import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { exampleSource, scenarioFrom } from '../../../tests/helpers/course';
import type { Step } from '$lib/engine/types';
import ChoiceForm from './ChoiceForm.svelte';

let step: Step;
beforeAll(async () => {
	const s = await scenarioFrom(exampleSource());
	step = s.nodes.start as Step;
});

describe('ChoiceForm', () => {
	it('shows the question as the legend of labelled radios', () => {
		render(ChoiceForm, { step, onchoose: () => {} });
		const group = screen.getByRole('group', { name: /Sue asks if she can see the report/ });
		expect(group).toBeInTheDocument();
		expect(screen.getByRole('radio', { name: /Forward it to Sue/ })).toBeInTheDocument();
		expect(screen.getByRole('radio', { name: /Tell Sue you cannot share it/ })).toBeInTheDocument();
	});

	it('asks the learner to choose, in an error summary, when they continue without choosing', async () => {
		const onchoose = vi.fn();
		render(ChoiceForm, { step, onchoose });
		await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
		expect(onchoose).not.toHaveBeenCalled();
		const alert = screen.getByRole('alert');
		expect(alert).toHaveTextContent('There is a problem');
		expect(screen.getByRole('link', { name: 'Choose what you would do' })).toBeInTheDocument();
		expect(document.activeElement).toBe(alert);
	});

	it('reports the chosen letter', async () => {
		const onchoose = vi.fn();
		render(ChoiceForm, { step, onchoose });
		await userEvent.click(screen.getByRole('radio', { name: /Tell Sue you cannot share it/ }));
		await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
		expect(onchoose).toHaveBeenCalledWith('b');
	});

	it('can be answered with the keyboard alone', async () => {
		const onchoose = vi.fn();
		render(ChoiceForm, { step, onchoose });
		const user = userEvent.setup();
		await user.tab();
		await user.keyboard(' ');
		await user.keyboard('{Enter}');
		expect(onchoose).toHaveBeenCalledWith('a');
	});
});
