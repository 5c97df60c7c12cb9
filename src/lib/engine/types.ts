/**
 * The course model: what the build-time loader produces from scenarios/ and what the
 * engine, the player and the tracker read. Plain data only (it is serialised into the bundle).
 */

export type Audience = 'councillor' | 'officer' | 'both';
export type Outcome = 'good' | 'mixed' | 'poor';
export type Mode = 'assessed' | 'practice';
/** A learner's course: the councillor induction or the officer refresher (see engine/track.ts). */
export type Track = 'councillor' | 'officer';

/** One track's scenarios: core ones count for completion and the pass mark; electives are optional. */
export interface TrackPlan {
	core: string[];
	electives: string[];
}

/** Inline rich text: a string, bold, italic, or a line break. No HTML, ever. */
export type Inline = string | { b: Inline[] } | { i: Inline[] } | { br: 1 };
/** Block rich text: paragraph, bulleted list, numbered list, quotation, artefact. */
/** Headings (h: 1–3) appear only in pages such as the accessibility statement, never in scenarios. */
export type Block =
	| { p: Inline[] }
	| { ul: Inline[][] }
	| { ol: Inline[][] }
	| { q: Block[] }
	| { h: number; c: Inline[] }
	| Artefact;

/** The artefact tags of docs/authoring.md ("Artefacts"), by their model name (the tag, lower case). */
export type ArtefactKind =
	'email' | 'messages' | 'message' | 'post' | 'comment' | 'letter' | 'paper' | 'note';

/**
 * A document the learner would recognise (an email, a text thread, a post …), checked at build
 * time (src/lib/content/artefacts.ts): a: its kind; at: its attributes (plain text, placeholders
 * filled); body: its words; k: the <Message>s of a <Messages>, the <Comment>s of a <Post>.
 */
export interface Artefact {
	a: ArtefactKind;
	at: Record<string, string>;
	body: Block[];
	k?: Artefact[];
}
export type Rich = Block[];

export interface Choice {
	/** Stable single character a–i, unique within its step (SCORM 1.2 choice response). */
	key: string;
	text: string;
	/** Id of the next step or ending. */
	next: string;
	feedback: Rich;
	/** Points per principle id, each an integer from -2 to 2. */
	scores: Record<string, number>;
	line: number;
}

export interface Step {
	kind: 'step';
	id: string;
	title: string;
	narrative: Rich;
	question: string;
	choices: Choice[];
	line: number;
}

export interface Ending {
	kind: 'ending';
	id: string;
	title: string;
	outcome: Outcome;
	narrative: Rich;
	line: number;
}

export type Node = Step | Ending;

export interface Scenario {
	id: string;
	title: string;
	audience: Audience;
	topics: string[];
	summary: string;
	minutes: number;
	/** Kinds of council the scenario fits (frontmatter `fits`); absent = every council. */
	fits?: string[];
	/** Path of the source file relative to the project root, for messages. */
	file: string;
	/** Id of the first step. */
	start: string;
	nodes: Record<string, Node>;
}

export interface Principle {
	id: string;
	name: string;
	summary: string;
}

/** One clause of a council's protocol, text exactly as in the council's source document. */
export interface Clause {
	id: string;
	/** The council's own reference, e.g. "3.2(f)" or, where unnumbered, the heading it sits under. */
	ref: string;
	text: string;
	principles: string[];
}

/**
 * How a principle is backed in one council's protocol:
 * - clauses: the clause ids that state it;
 * - or a gap: the protocol has no clause for it; `nearest` names the closest general clause
 *   (quoted with a note that the protocol does not cover the point directly), or is absent.
 */
export interface PrincipleBacking {
	clauses: string[];
	gap?: { nearest?: string; note: string };
}

export interface Council {
	id: string;
	name: string;
	/** One of the allowed kinds in docs/councils.md, e.g. "town council", "borough council". */
	kind: string;
	nation: 'england' | 'wales';
	protocol: { title: string; version: string; adopted: string };
	/** Values for the role placeholders used in scenario text, e.g. {clerk}. */
	roles: Record<string, string>;
	/** Route roles the protocol does not name ("not stated"): `roles` holds safe general wording for them. */
	unstated: string[];
	clauses: Clause[];
	principles: Record<string, PrincipleBacking>;
	file: string;
	/** The council's logo or crest (docs/councils.md, "Logo"): `file` as shown in messages, `hash` of its bytes. */
	logo?: { file: string; alt: string; type: 'png' | 'webp'; hash: string };
}

/** One council's build of the course: everything the player needs, placeholders filled. */
export interface Course {
	id: string;
	title: string;
	/** Short hash of the content; changes whenever any scenario or protocol text changes. */
	contentVersion: string;
	/**
	 * Per scenario, a short hash (4 hex digits) of what it says and scores: saved progress in a
	 * scenario whose hash has changed starts that scenario again (serialise.ts).
	 */
	scenarioVersions?: Record<string, string>;
	mode: Mode;
	passMark: number;
	refresherMonths: number;
	tracking: { objectives: boolean; interactions: boolean; descriptions: boolean };
	/** The SCORM version this build is packaged as: the module looks only for that API. */
	scorm?: '1.2' | '2004';
	/** Set when the package is built for one audience (--audience); null: the learner chooses. */
	audience: Track | null;
	/** Per track, its core and elective scenario ids (scenarios/tracks.yaml and build options). */
	tracks: Record<Track, TrackPlan>;
	council: Pick<Council, 'id' | 'name' | 'kind' | 'nation' | 'protocol' | 'roles' | 'unstated'> & {
		/** The council's logo: `src` is the image's file name in the package, beside index.html. */
		logo?: { src: string; alt: string };
	};
	principles: Principle[];
	clauses: Clause[];
	backing: Record<string, PrincipleBacking>;
	scenarios: Scenario[];
}
