import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Artefact, Rich } from '$lib/engine/types';
import RichText from './RichText.svelte';
import { POST } from '../../../tests/helpers/artefact-examples';

const show = (x: Artefact) => render(RichText, { content: [{ p: ['Before.'] }, x] as Rich });
const text = (s: string) => [{ p: [s] }];

describe('artefacts as the learner meets them', () => {
	it('an email is an article named "Email from …, subject …", with its details and its words', () => {
		show({
			a: 'email',
			at: {
				from: 'Sam Patel, Town Clerk',
				to: 'All councillors',
				subject: 'Thursday’s papers',
				date: 'Monday, 9:14'
			},
			body: [{ p: ['Item 7 is ', { b: ['closed'] }, '.'] }]
		});
		const email = screen.getByRole('article', {
			name: 'Email from Sam Patel, Town Clerk to All councillors, subject Thursday’s papers'
		});
		const terms = within(email)
			.getAllByRole('term')
			.map((t) => t.textContent);
		const values = within(email)
			.getAllByRole('definition')
			.map((t) => t.textContent);
		expect(terms).toEqual(['From', 'To', 'Date', 'Subject']);
		expect(values).toEqual([
			'Sam Patel, Town Clerk',
			'All councillors',
			'Monday, 9:14',
			'Thursday’s papers'
		]);
		expect(within(email).getByText('closed').tagName).toBe('STRONG');
		// Natural reading order: the details, then the words.
		expect(email.textContent!.indexOf('Subject')).toBeLessThan(
			email.textContent!.indexOf('Item 7')
		);
	});

	it('a message thread is named with its title and count, one list item per message, the learner’s own marked', () => {
		show({
			a: 'messages',
			at: { title: 'Mill Lane neighbours' },
			body: [],
			k: [
				{ a: 'message', at: { from: 'Dev Shah', time: '21:02' }, body: text('Anyone know?') },
				{ a: 'message', at: { from: 'You', time: '21:05' }, body: text('Not until Thursday.') },
				{ a: 'message', at: { from: 'Jo' }, body: text('Ok') }
			]
		});
		const thread = screen.getByRole('article', {
			name: 'Message thread, Mill Lane neighbours, 3 messages'
		});
		const items = within(thread).getAllByRole('listitem');
		expect(items.map((li) => li.textContent!.replace(/\s+/g, ' ').trim())).toEqual([
			'Dev Shah · 21:02 Anyone know?',
			'You · 21:05 Not until Thursday.',
			'Jo Ok'
		]);
		expect(items.map((li) => li.classList.contains('art-mine'))).toEqual([false, true, false]);
	});

	it('a post is named "Post by … on …", shows its reactions and a named list of comments', () => {
		show(POST);
		const post = screen.getByRole('article', {
			name: 'Post by Save Mill Lane Field on Community Facebook group'
		});
		expect(within(post).getByText('87 reactions, 23 comments')).toBeTruthy();
		const comments = within(post).getByRole('list', { name: 'Comments' });
		expect(
			within(comments)
				.getAllByRole('listitem')
				.map((li) => li.textContent!.replace(/\s+/g, ' ').trim())
		).toEqual(['Jo Bright Who told you?', 'Ray Moss · 19:52 Disgraceful if true.']);
	});

	it('a letter is named "Letter from … to …" and shows its date and subject', () => {
		show({
			a: 'letter',
			at: { from: 'A resident', to: 'The Clerk', date: '1 May', subject: 'The field' },
			body: text('Dear Clerk,')
		});
		const letter = screen.getByRole('article', { name: 'Letter from A resident to The Clerk' });
		expect(
			within(letter)
				.getAllByRole('definition')
				.map((d) => d.textContent)
		).toEqual(['A resident', 'The Clerk', '1 May', 'The field']);
		expect(within(letter).getByText('Dear Clerk,')).toBeTruthy();
	});

	it('a paper is named with its title and marking, and shows the marking first', () => {
		show({
			a: 'paper',
			at: {
				title: 'Mill Lane field: offer',
				classification: 'Confidential: not for publication',
				ref: 'Item 7'
			},
			body: [{ ul: [['The offer'], ['The risks']] }]
		});
		const paper = screen.getByRole('article', {
			name: 'Paper: Mill Lane field: offer, marked Confidential: not for publication'
		});
		expect(paper.firstElementChild!.textContent).toBe('Confidential: not for publication');
		expect(within(paper).getByRole('term').textContent).toBe('Reference');
		expect(within(paper).getAllByRole('listitem')).toHaveLength(2);
	});

	it('a note is named "Note from …" and signed', () => {
		show({ a: 'note', at: { from: 'Dev' }, body: text('Call me.') });
		const note = screen.getByRole('article', { name: 'Note from Dev' });
		expect(note.textContent!.replace(/\s+/g, ' ').trim()).toBe('Call me. Dev');
		render(RichText, { content: [{ a: 'note', at: {}, body: text('Unsigned.') }] });
		expect(screen.getByRole('article', { name: 'Note' }).textContent!.trim()).toBe('Unsigned.');
	});

	it('shows attribute text as text, never as HTML', () => {
		show({ a: 'note', at: { from: '<img src=x onerror=alert(1)>' }, body: text('<b>hi</b>') });
		const note = screen.getByRole('article');
		expect(note.querySelector('img, b')).toBeNull();
		expect(note.textContent).toContain('<b>hi</b>');
	});
});
