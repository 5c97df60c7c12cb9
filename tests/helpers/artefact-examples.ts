/**
 * Example artefacts as the content layer gives them to the player (one fictional story: the Mill
 * Lane field), shared by the parsing spec, the component spec and the artefacts browser test.
 */
import type { Artefact } from '../../src/lib/engine/types';

/** A paragraph of plain words, as a body. */
export const para = (s: string) => [{ p: [s] }];

/** The first message of the neighbours' thread. */
export const FIRST_MESSAGE: Artefact = {
	a: 'message',
	at: { from: 'Dev Shah', time: '21:02' },
	body: para('Anyone know what’s happening with the field?')
};

/** The neighbours' thread: the first message, then these. */
export const thread = (...more: Artefact[]): Artefact => ({
	a: 'messages',
	at: { title: 'Mill Lane neighbours' },
	body: [],
	k: [FIRST_MESSAGE, ...more]
});

/** A community group's post with two comments. */
export const POST: Artefact = {
	a: 'post',
	at: {
		author: 'Save Mill Lane Field',
		platform: 'Community Facebook group',
		time: 'Wednesday, 19:40',
		reactions: '87 reactions, 23 comments'
	},
	body: para('A little bird tells us the council has had an offer for the field.'),
	k: [
		{ a: 'comment', at: { author: 'Jo Bright' }, body: para('Who told you?') },
		{ a: 'comment', at: { author: 'Ray Moss', time: '19:52' }, body: para('Disgraceful if true.') }
	]
};
