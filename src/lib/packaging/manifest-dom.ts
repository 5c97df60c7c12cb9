/**
 * Small DOM helpers over xmlbuilder2's parsed manifest, and the rules for paths inside a
 * package (zip entries and hrefs). Used by the package check (check.ts, manifest-rules.ts).
 */

export interface El {
	nodeType: number;
	namespaceURI: string | null;
	localName: string;
	prefix: string | null;
	textContent: string | null;
	childNodes: ArrayLike<El>;
	attributes: ArrayLike<{
		namespaceURI: string | null;
		localName: string;
		prefix: string | null;
		value: string;
	}>;
	getAttribute(name: string): string | null;
	getAttributeNS(ns: string | null, name: string): string | null;
	hasAttribute(name: string): boolean;
}

export function kids(el: El, ns?: string, name?: string): El[] {
	const out: El[] = [];
	for (const c of Array.from(el.childNodes)) {
		if (c.nodeType !== 1) continue;
		if (ns !== undefined && c.namespaceURI !== ns) continue;
		if (name !== undefined && c.localName !== name) continue;
		out.push(c);
	}
	return out;
}

export function descendants(el: El): El[] {
	const out: El[] = [];
	const walk = (e: El) => {
		for (const c of kids(e)) {
			out.push(c);
			walk(c);
		}
	};
	walk(el);
	return out;
}

export function text(el: El | undefined): string {
	return (el?.textContent ?? '').trim();
}

export function qname(el: { prefix: string | null; localName: string }): string {
	return el.prefix ? `${el.prefix}:${el.localName}` : el.localName;
}

/** Plain attribute (no namespace), or null. */
export function attr(el: El, name: string): string | null {
	return el.hasAttribute(name) ? el.getAttribute(name) : null;
}

// ---------------------------------------------------------------------------------------------
// Paths

/** Problems with a path used inside the package (zip entry or href), or [] if it is fine. */
export function pathProblems(path: string): string[] {
	const out: string[] = [];
	if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('/') || path.startsWith('\\'))
		out.push('is an absolute path or URL');
	if (path.includes('\\')) out.push('contains a backslash (use forward slashes)');
	if (path.split(/[/\\]/).includes('..'))
		out.push('contains ".." (it must stay inside the package)');
	return out;
}

export function decode(href: string): string {
	try {
		return decodeURIComponent(href);
	} catch {
		return href;
	}
}

/** Joins xml:base values and an href into a package path ("./" removed, no query or fragment). */
export function packagePath(bases: (string | null)[], href: string): string {
	const joined =
		bases
			.filter((b): b is string => !!b)
			.map((b) => (b.endsWith('/') ? b : b + '/'))
			.join('') + href;
	return decode(joined.replace(/[?#].*$/, ''))
		.split('/')
		.filter((s, i, a) => s !== '.' && !(s === '' && i < a.length - 1))
		.join('/');
}

export function dirOf(path: string): string {
	const i = path.lastIndexOf('/');
	return i < 0 ? '' : path.slice(0, i + 1);
}

/** The namespaces of SCORM 1.2 and 2004 manifests. */
export const NS = {
	cp12: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
	adlcp12: 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
	cp2004: 'http://www.imsglobal.org/xsd/imscp_v1p1',
	adlcp2004: 'http://www.adlnet.org/xsd/adlcp_v1p3',
	adlseq: 'http://www.adlnet.org/xsd/adlseq_v1p3',
	adlnav: 'http://www.adlnet.org/xsd/adlnav_v1p3',
	imsss: 'http://www.imsglobal.org/xsd/imsss',
	lom: 'http://ltsc.ieee.org/xsd/LOM',
	xml: 'http://www.w3.org/XML/1998/namespace',
	xsi: 'http://www.w3.org/2001/XMLSchema-instance'
} as const;
