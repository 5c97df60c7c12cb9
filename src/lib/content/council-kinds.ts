/**
 * What a council can be and what its roles mean: the allowed kinds and nations, the role
 * placeholders and their help, and the law on who deals with a Code of Conduct complaint.
 * Pure TypeScript. Documented in docs/councils.md.
 */
/** The placeholder names every council must fill, in the order the guide lists them. */
export const ROLE_KEYS: readonly string[] = Object.freeze([
	'council',
	'clerk',
	'chair',
	'complaints-to',
	'officer-concerns-to',
	'conduct-complaints-to'
]);

/** Roles a council may give when its protocol has one; a scenario that uses one fits only councils that give it. */
export const OPTIONAL_ROLE_KEYS: readonly string[] = Object.freeze(['leader']);

/** Every role placeholder a scenario may use. */
export const ALL_ROLE_KEYS: readonly string[] = Object.freeze([
	...ROLE_KEYS,
	...OPTIONAL_ROLE_KEYS
]);

/** Routes a protocol may leave unnamed: write `not stated` and the build fills safe general wording (see routeFill). */
export const ROUTE_KEYS_MAY_BE_UNSTATED: readonly string[] = Object.freeze([
	'complaints-to',
	'officer-concerns-to'
]);

/** Titles (not phrases): written without "the", and never "not stated". */
export const TITLE_KEYS: readonly string[] = Object.freeze(['clerk', 'chair', 'leader']);

/** The principle each route role is the answer to: a route the protocol does not state must be a gap. */
export const ROUTE_PRINCIPLE: Record<string, string> = {
	'complaints-to': 'complaints.route',
	'officer-concerns-to': 'complaints.officer-route'
};

export type Nation = 'england' | 'wales';
export const NATIONS: readonly Nation[] = Object.freeze(['england', 'wales'] as Nation[]);

const ENGLAND: readonly Nation[] = ['england'];
const WALES: readonly Nation[] = ['wales'];
const BOTH: readonly Nation[] = ['england', 'wales'];
/** Each kind and the nations it exists in, by tier. */
const TIERS: Record<'local' | 'principal', Record<string, readonly Nation[]>> = {
	local: {
		'parish council': ENGLAND,
		'town council': BOTH,
		'community council': BOTH,
		'village council': ENGLAND,
		'neighbourhood council': ENGLAND,
		'parish-level city council': ENGLAND
	},
	principal: {
		'district council': ENGLAND,
		'borough council': ENGLAND,
		'city council': BOTH,
		'county council': BOTH,
		'unitary council': ENGLAND,
		'metropolitan borough council': ENGLAND,
		'london borough council': ENGLAND,
		'county borough council': WALES
	}
};
/**
 * The allowed `kind` values: the local tier (parish, town, community …) has no Monitoring Officer
 * of its own; principal councils (district, borough, county, unitary …) do. `nations` lists where
 * a council of that kind can exist. Documented in docs/councils.md.
 */
export const KINDS: Readonly<
	Record<string, { tier: 'local' | 'principal'; nations: readonly Nation[] }>
> = Object.freeze(
	Object.fromEntries(
		(['local', 'principal'] as const).flatMap((tier) =>
			Object.entries(TIERS[tier]).map(([kind, nations]) => [kind, { tier, nations }])
		)
	)
);

/** "local" (parish, town, community …) or "principal" (district, borough, county, unitary …). */
export function tierOf(kind: string): 'local' | 'principal' {
	return KINDS[kind]?.tier ?? 'local';
}

/** The values a scenario's `fits` may list: "local", "principal", or any allowed kind. */
export const FIT_VALUES: readonly string[] = Object.freeze([
	'local',
	'principal',
	...Object.keys(KINDS)
]);

/** Whether a scenario fits a council: no `fits` fits every council; else the council's kind or tier is listed. */
export function scenarioFits(fits: readonly string[] | undefined, kind: string): boolean {
	return !fits || fits.includes(kind) || fits.includes(tierOf(kind));
}

/**
 * The safe general wording for a route the protocol does not name, from what the law gives every
 * council: a concern about an employee goes to the head of paid staff (the proper officer), or,
 * when it is about that officer, through the council's own procedure; an employee's concern about
 * a councillor goes through the council's own grievance procedure. Written to read well after
 * "raise it with ___" and "take it to ___".
 */
export function routeFill(key: string, roles: Record<string, string>): string {
	const clerk = roles.clerk ?? 'Clerk';
	if (key === 'complaints-to')
		return `the ${clerk} (or, if it is about the ${clerk}, through the council’s own procedure)`;
	return `${roles.council ?? 'the council'}, through its own grievance procedure`;
}

/** The words every statement of "not stated" must be. */
export const NOT_STATED = 'not stated';

/** What each role means, used in "missing role" messages and in docs/councils.md. */
export const ROLE_HELP: Record<string, string> = {
	council:
		"the council's name as it should appear in a sentence, e.g. council: Witham Town Council",
	clerk: 'the title this protocol uses for the head of paid staff, e.g. clerk: Town Clerk',
	chair:
		'the title this protocol uses for the chair of the council, e.g. chair: Chair of the Council',
	'complaints-to':
		'who a councillor raises a concern about an employee with, as words that fit "raise it with ___", e.g. complaints-to: the Town Clerk',
	'officer-concerns-to':
		'where an employee takes a concern about a councillor, as words that fit "take it to ___", e.g. officer-concerns-to: the Town Manager',
	leader:
		'(optional) the title of the councillor who leads the council where the protocol names one, e.g. leader: Leader of the Council; leave it out where there is none',
	'conduct-complaints-to':
		'who deals with a complaint that a councillor has broken the Code of Conduct, as words that fit "complain to ___": for an English parish or town council the Monitoring Officer of its district or unitary council, e.g. conduct-complaints-to: the Monitoring Officer of Braintree District Council; for a principal council its own Monitoring Officer; for a Welsh community council the Public Services Ombudsman for Wales'
};

/** Words that name a kind of staff, not the one head of paid staff ("your Director of Service"). */
export const GENERIC_TITLE =
	/^(?:officers?|staff|employees?|directors?|directors? of services?|managers?|heads? of services?|senior officers?|the officer)$/i;

/**
 * Who deals with a Code of Conduct complaint about a councillor is set by law, so the route must
 * fit the council: in England the Monitoring Officer of the principal council (for a parish or
 * town council, its district or unitary council's; Localism Act 2011, ss. 27–28); in Wales the
 * Public Services Ombudsman for Wales (Local Government Act 2000, Part 3), for every kind of council.
 * Returns what is wrong and how to fix it, or null.
 */
export function conductRouteProblem(
	route: string,
	kind: string,
	nation: Nation,
	councilName: string
): string | null {
	if (nation === 'wales') {
		return /Public Services Ombudsman for Wales/i.test(route)
			? null
			: `must name the Public Services Ombudsman for Wales, who deals with Code of Conduct complaints about councillors in Wales — write conduct-complaints-to: the Public Services Ombudsman for Wales`;
	}
	const mo = /Monitoring Officer of (.+)$/i.exec(route);
	const own = councilName.trim().toLowerCase();
	if (tierOf(kind) === 'local') {
		if (!mo) {
			return `must name the Monitoring Officer of the district or unitary council for the area: a ${kind} has no Monitoring Officer of its own — write e.g. conduct-complaints-to: the Monitoring Officer of Braintree District Council`;
		}
		if (mo[1].trim().toLowerCase() === own) {
			return `names ${councilName}'s own Monitoring Officer, but a ${kind} has none: complaints about its councillors go to the Monitoring Officer of the district or unitary council for the area — write e.g. conduct-complaints-to: the Monitoring Officer of Braintree District Council`;
		}
		return null;
	}
	if (!/Monitoring Officer/i.test(route) || (mo && mo[1].trim().toLowerCase() !== own)) {
		return `must name ${councilName}'s own Monitoring Officer: a principal council in England deals with complaints about its own councillors — write conduct-complaints-to: the Monitoring Officer of ${councilName}`;
	}
	return null;
}
