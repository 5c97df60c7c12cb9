/**
 * Component tests of what a learner sees at the end: the ending screen, the debrief and the
 * certificate, driven through a real player (engine + no-LMS tracker) on a small course.
 */
import { render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLE_CLAUSE, exampleCourse } from '../../../tests/helpers/example-course';
import { options } from '../../../tests/helpers/lms';
import { createLocalTracker } from '$lib/lms/local';
import { createPlayer, safePrefs, type Player } from '$lib/state/player.svelte';
import { PLAYER_KEY } from '$lib/state/context';
import type { Course, Ending } from '$lib/engine/types';
import EndingView from './EndingView.svelte';
import DebriefScenario from './DebriefScenario.svelte';
import Certificate from '../../routes/certificate/+page.svelte';

let course: Course;
let player: Player;
const trackerOptions = options({ passMark: 80, storageKey: 'test' });

beforeEach(async () => {
	localStorage.clear();
	course = await exampleCourse();
	player = createPlayer(
		course,
		createLocalTracker(window, trackerOptions),
		safePrefs(window, 'p:'),
		() => Date.UTC(2026, 11, 1, 10)
	);
});

describe('end of a scenario', () => {
	it('shows the outcome in words, the score and each principle touched', () => {
		player.choose('the-forwarded-email', 'a');
		player.choose('the-forwarded-email', 'b');
		const s = course.scenarios[0];
		render(EndingView, { player, scenario: s, ending: s.nodes.investigated as Ending });
		expect(
			screen.getByRole('heading', { level: 1, name: 'A breach investigated' })
		).toBeInTheDocument();
		expect(screen.getByText('Things went wrong')).toBeInTheDocument();
		expect(document.querySelector('.big-score')).toHaveTextContent('0%');
		expect(
			screen.getByText('2 decisions. 0 of them were the recommended choice.')
		).toBeInTheDocument();
		const row = screen.getByRole('row', { name: /Keeping confidences/ });
		expect(row).toHaveTextContent('Not met');
		expect(row).not.toHaveTextContent('good practice');
	});

	it('marks the principles this council’s protocol does not state as good practice, and says how they are scored', () => {
		player.choose('the-forwarded-email', 'a');
		player.choose('the-forwarded-email', 'b');
		const s = course.scenarios[0];
		render(EndingView, { player, scenario: s, ending: s.nodes.investigated as Ending });
		expect(screen.getByRole('row', { name: /Respect and courtesy/ })).toHaveTextContent(
			'(good practice: not in your council’s protocol)'
		);
		expect(screen.getByText(/They count towards your score like the others/)).toBeInTheDocument();
	});
});

describe('debrief', () => {
	it('puts each choice beside the recommended one and quotes the council', () => {
		player.choose('the-forwarded-email', 'a');
		player.choose('the-forwarded-email', 'b');
		render(DebriefScenario, { player, scenario: course.scenarios[0] });
		expect(screen.getByText('You chose (a)')).toBeInTheDocument();
		// (b) is also scored on courtesy, which this council's protocol does not state.
		expect(screen.getByText('Recommended (b)')).toBeInTheDocument();
		expect(screen.queryByText(/The protocol recommends/)).toBeNull();
		expect(screen.getByText(/Tell Sue you cannot share it/)).toBeInTheDocument();
		expect(screen.getAllByText(EXAMPLE_CLAUSE.text).length).toBeGreaterThan(0);
		// The debrief (and its print) shows the council's words in full, not behind a disclosure.
		expect(document.querySelector('details.clause-details')).toBeNull();
		expect(screen.getByText(/Outcome:/).parentElement).toHaveTextContent('A breach investigated');
	});

	it('has no gap in its headings: each decision is an h3 under the scenario h2 when there is one route', () => {
		player.choose('the-forwarded-email', 'a');
		player.choose('the-forwarded-email', 'b');
		render(DebriefScenario, { player, scenario: course.scenarios[0] });
		const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) =>
			Number(h.tagName[1])
		);
		expect(levels[0]).toBe(2);
		expect(levels.length).toBe(3); // the scenario, and its two decisions
		expect(levels.slice(1)).toEqual([3, 3]);
	});
});

describe('certificate', () => {
	it('waits until every scenario is finished', () => {
		render(Certificate, { context: new Map([[PLAYER_KEY, player]]) });
		expect(
			screen.getByText(/ready when you have finished all 1 required scenarios/)
		).toBeInTheDocument();
	});

	it('shows the facts, and a hostile name as plain text', () => {
		player.setName('<img src=x onerror=alert(1)>');
		player.choose('the-forwarded-email', 'b');
		player.choose('the-forwarded-email', 'a');
		const { container } = render(Certificate, { context: new Map([[PLAYER_KEY, player]]) });
		const cert = container.querySelector('article.certificate')!;
		expect(cert).toHaveTextContent('<img src=x onerror=alert(1)>');
		expect(cert.querySelector('img')).toBeNull();
		expect(cert).toHaveTextContent('Testham Town Council');
		expect(cert).toHaveTextContent(/Date completed\s*1 December 2026/);
		expect(cert).toHaveTextContent(/Refresher due\s*1 December 2027/);
		expect(cert).toHaveTextContent(/Score\s*100% \(pass mark 80%\)/);
		expect(cert).toHaveTextContent(/Result\s*Passed/);
		expect(cert.querySelector('.cert-code')?.textContent).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
		// What it is (a reference to match against the LMS record), not "verification".
		expect(cert).toHaveTextContent('Certificate reference');
		expect(cert).not.toHaveTextContent(/verification/i);
		expect(cert).toHaveTextContent('not proof on its own');
		// The fixture's protocol states a version but no adoption date: only the version is shown.
		expect(cert).toHaveTextContent(/Protocol\s*Test protocol \(version: 1\)\s*Date completed/);
		expect(cert).not.toHaveTextContent('not stated');
		expect(screen.getByText('Save as PDF')).toBeInTheDocument();
	});
});
