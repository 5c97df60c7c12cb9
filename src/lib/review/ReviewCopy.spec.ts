import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { courseOf, exampleSource, scenarioFrom } from '../../../tests/helpers/course';
import ReviewCopy from './ReviewCopy.svelte';

describe('the review copy with artefacts', () => {
	it('shows each artefact as the learner sees it, placeholders filled, for the monitoring officer to sign off', async () => {
		const source = exampleSource().replace(
			'> "Look what the council is hiding!" — Sue, in the village Facebook group\n',
			'<Post author="Sue" platform="Village Facebook group" time="Friday, 18:02">\n\nLook what the council is hiding!\n\n<Comment author="Ray">Ask the {clerk}.</Comment>\n\n</Post>\n'
		);
		const course = courseOf([await scenarioFrom(source)]); // fills {clerk} as a build does;
		render(ReviewCopy, {
			course,
			product: 'conduct-scenarios test',
			generated: '2026-12-03',
			options: []
		});
		const post = screen.getByRole('article', { name: 'Post by Sue on Village Facebook group' });
		expect(within(post).getByText('Look what the council is hiding!')).toBeTruthy();
		expect(within(post).getByRole('list', { name: 'Comments' }).textContent).toContain(
			'Ask the Town Clerk.'
		);
	});
});
