// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Artefact, Block, Step } from '../engine/types';
import { principleIds } from '../../../tests/helpers/course';
import { fillScenario } from './placeholders';
import { plainText } from './rich';
import { parseScenario } from './scenario';
import { richParagraphs } from '../review/units';
import { formatError } from './errors';
import { thread } from '../../../tests/helpers/artefact-examples';

/** A one-step scenario whose story is `story`. */
function scenario(story: string): string {
	return `---
id: artefacts
title: Artefacts
audience: councillor
topics: [confidentiality]
summary: Artefacts in a story.
minutes: 2
---

## Step start: The papers

${story}

Question: What do you do?

### Choice a: Keep them to yourself
Next: done
Scores: confidentiality.no-disclosure +2

Right.

### Choice b: Share them
Next: done
Scores: confidentiality.no-disclosure -2

Wrong.

## Ending done: Done

Outcome: good

Done.
`;
}

async function story(text: string): Promise<{ narrative: Block[]; errors: string[] }> {
	const { scenario: s, errors } = await parseScenario('a.md', scenario(text), principleIds);
	return {
		narrative: s ? (s.nodes.start as Step).narrative : [],
		errors: errors.map(formatError)
	};
}

// The examples of the contract (docs/authoring.md, "Artefacts"), as written there.
const EMAIL = `<Email from="Sam Patel, {clerk}" to="All councillors" subject="Thursday's meeting: papers" date="Monday, 9:14">

Dear councillors,

Please find the papers for Thursday attached. Item 7 will be taken in **closed session**.

</Email>`;
const THREAD = `<Messages title="Mill Lane neighbours">
<Message from="Dev Shah" time="21:02">Anyone know what's happening with the field?</Message>
<Message from="You" time="21:05">I can't say more until *Thursday*.</Message>
</Messages>`;
const POST = `<Post author="Save Mill Lane Field" platform="Community Facebook group" time="Wednesday, 19:40" reactions="87 reactions, 23 comments">

A little bird tells us the council has had an offer for the field. Come to Thursday's meeting!

<Comment author="Jo Bright">Who told you?</Comment>
<Comment author="Ray Moss" time="19:52">Disgraceful if true.</Comment>

</Post>`;

describe('artefact tags', () => {
	it('reads an <Email> written with blank lines around its body (tags and body as separate nodes)', async () => {
		const { narrative, errors } = await story(`Monday morning.\n\n${EMAIL}`);
		expect(errors).toEqual([]);
		expect(narrative).toEqual([
			{ p: ['Monday morning.'] },
			{
				a: 'email',
				at: {
					from: 'Sam Patel, {clerk}',
					to: 'All councillors',
					subject: 'Thursday’s meeting: papers',
					date: 'Monday, 9:14'
				},
				body: [
					{ p: ['Dear councillors,'] },
					{
						p: [
							'Please find the papers for Thursday attached. Item 7 will be taken in ',
							{ b: ['closed session'] },
							'.'
						]
					}
				]
			}
		]);
	});

	it('reads a <Messages> thread written without blank lines (one HTML node), with Markdown in a message', async () => {
		const { narrative, errors } = await story(THREAD);
		expect(errors).toEqual([]);
		expect(narrative).toEqual([
			thread({
				a: 'message',
				at: { from: 'You', time: '21:05' },
				body: [{ p: ['I can’t say more until ', { i: ['Thursday'] }, '.'] }]
			})
		]);
	});

	it('reads a <Post> with its body and its <Comment>s as children', async () => {
		const { narrative, errors } = await story(POST);
		expect(errors).toEqual([]);
		const post = narrative[0] as Artefact;
		expect(post.a).toBe('post');
		expect(post.at.reactions).toBe('87 reactions, 23 comments');
		expect(post.body).toEqual([
			{
				p: [
					'A little bird tells us the council has had an offer for the field. Come to Thursday’s meeting!'
				]
			}
		]);
		expect(post.k!.map((c) => [c.a, c.at, plainText(c.body)])).toEqual([
			['comment', { author: 'Jo Bright' }, 'Who told you?'],
			['comment', { author: 'Ray Moss', time: '19:52' }, 'Disgraceful if true.']
		]);
	});

	it('reads a body written straight under the tag, without blank lines, and several artefacts in one step', async () => {
		const { narrative, errors } = await story(
			`<Note from="Dev">\nCall me about **the field**.\n</Note>\n\n<Letter from="A resident" to="The {clerk}">\n\nDear {clerk},\n\n- one\n- two\n\n</Letter>\n\n<Paper title="Mill Lane field" classification="Confidential: not for publication" ref="Item 7">\n\nThe offer.\n\n</Paper>`
		);
		expect(errors).toEqual([]);
		expect(narrative.map((b) => (b as Artefact).a)).toEqual(['note', 'letter', 'paper']);
		expect((narrative[0] as Artefact).body).toEqual([
			{ p: ['Call me about ', { b: ['the field'] }, '.'] }
		]);
		expect((narrative[1] as Artefact).body[1]).toEqual({ ul: [['one'], ['two']] });
	});

	it('fills council placeholders in attributes and bodies, with the rest of the text', async () => {
		const { scenario: s } = await parseScenario('a.md', scenario(EMAIL), principleIds);
		const filled = fillScenario(s!, { clerk: 'Town Clerk' });
		const email = (filled.nodes.start as Step).narrative[0] as Artefact;
		expect(email.at.from).toBe('Sam Patel, Town Clerk');
		expect(plainText(email.body)).not.toContain('{');
	});

	it('gives word counts and the review copy the artefact’s label, attributes and words', async () => {
		const { narrative } = await story(`${THREAD}\n\n${POST}`);
		expect(plainText(narrative)).toContain('Message thread, Mill Lane neighbours, 2 messages.');
		expect(plainText(narrative)).toContain('Anyone know what’s happening with the field?');
		const paras = richParagraphs(narrative);
		expect(paras).toContain('Post by Save Mill Lane Field on Community Facebook group');
		expect(paras).toContain('Reactions: 87 reactions, 23 comments');
		expect(paras).toContain('Who told you?');
		expect(paras).toContain('Time: 19:52');
	});

	it('reports each problem once with its line, and nothing from the artefact reaches the model as HTML', async () => {
		const { narrative, errors } = await story(
			`<Email from="Sam" subjet="Hi" onclick="x()">\n\nHello\n\n</Email>\n\n<Messages>\n<Message from="Dev">One</Message>\nstray text\n</Messages>`
		);
		expect(errors).toEqual([
			'a.md:12: unknown attribute "subjet" in <Email> (did you mean "subject"?) — <Email> takes from="…", subject="…", to="…", cc="…", date="…"',
			'a.md:12: event handler "onclick" in <Email> is not allowed — remove it (artefacts take plain text attributes only)',
			'a.md:20: only <Message> lines go inside <Messages> — put this text in a <Message from="…">…</Message>, or move it out of the thread'
		]);
		expect(JSON.stringify(narrative)).not.toMatch(/onclick|subjet|</);
	});

	it('says an unclosed tag is unclosed before the question, not at the end of the file', async () => {
		const { errors } = await story(`<Email from="Sam" subject="Hi">\n\nHello`);
		expect(errors).toEqual([
			'a.md:12: <Email> is not closed before line 16 — add </Email> on its own line'
		]);
	});

	it('reports a closing tag with no opening one', async () => {
		const { errors } = await story(`Hello.\n\n</Note>`);
		expect(errors).toEqual(['a.md:14: </Note> closes nothing — there is no <Note> open here']);
	});
});
