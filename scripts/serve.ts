/**
 * A tiny static server for trying the packages in the mock LMS (npm start, and the e2e tests).
 *
 *   npx tsx scripts/serve.ts [--port=4173]
 *
 * Bound to 127.0.0.1 only. Routes:
 *   /                         the mock LMS (files from scripts/mock-lms/)
 *   /dist/…                   the built packages: dist/<slug>/index.html, dist/<slug>.zip, …
 *   /vendor/scorm-again/…     scorm-again's browser builds (node_modules/scorm-again/dist/), for the mock LMS
 *   /api/packages             JSON list of the package folders in dist/ (see PackageInfo)
 * Anything else is a 404. Only GET and HEAD. No directory listings, no paths outside those folders
 * (".." and encoded tricks are refused, symbolic links are followed only if they stay inside).
 * No dependencies beyond node:*, so it runs on a fresh clone.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mockLmsScript } from './mock-lms/bundle.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_PORT = 4173;
export const HOST = '127.0.0.1';

export const CONTENT_TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.htm': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.map': 'application/json; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.xsd': 'application/xml; charset=utf-8',
	'.dtd': 'application/xml-dtd; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.md': 'text/markdown; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.gif': 'image/gif',
	'.webp': 'image/webp',
	'.avif': 'image/avif',
	'.ico': 'image/x-icon',
	'.woff': 'font/woff',
	'.woff2': 'font/woff2',
	'.ttf': 'font/ttf',
	'.otf': 'font/otf',
	'.vtt': 'text/vtt; charset=utf-8',
	'.mp3': 'audio/mpeg',
	'.mp4': 'video/mp4',
	'.webm': 'video/webm',
	'.pdf': 'application/pdf',
	'.zip': 'application/zip'
};

export function contentType(file: string): string {
	return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** One package folder in dist/, as /api/packages lists it. */
export interface PackageInfo {
	/** Folder name, e.g. "kingsthorpe-parish-council-scorm12". */
	slug: string;
	/** Course title (the manifest's organization title). */
	title: string;
	/** SCORM version from <schemaversion>. */
	version: '1.2' | '2004';
	/** <schemaversion> as written, e.g. "1.2" or "2004 4th Edition". */
	schemaVersion: string;
	/** Council id from the slug (text before -scorm12 / -scorm2004). */
	council: string;
	/** Council name from scenarios/councils/<id>.yaml, or derived from the id. */
	councilName: string;
	/** Text after the version in the slug ("practice", "sel-abc123", "practice-sel-…"), or "". */
	variant: string;
	/** The manifest's version attribute (content version). */
	contentVersion: string;
	/** Launch file of the SCO, relative to the folder (normally index.html). */
	launch: string;
	/** adlcp:masteryscore (1.2) or minNormalizedMeasure × 100 (2004), if the manifest has one. */
	masteryScore: number | null;
	/** True if dist/<slug>.zip exists. */
	zip: boolean;
	/** Manifest modification time (ISO 8601). */
	built: string;
}

function decodeXml(s: string): string {
	return s
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
		.replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
		.replace(/&amp;/g, '&');
}

const tagText = (xml: string, tag: string): string | undefined => {
	const m = new RegExp(`<(?:[\\w.-]+:)?${tag}\\b[^>]*>([\\s\\S]*?)</(?:[\\w.-]+:)?${tag}>`).exec(
		xml
	);
	return m ? decodeXml(m[1].trim()) : undefined;
};

/** Reads what the mock LMS needs from an imsmanifest.xml (regular expressions: a dev tool, not a validator). */
export function readManifest(
	xml: string
): Omit<PackageInfo, 'slug' | 'council' | 'councilName' | 'variant' | 'zip' | 'built'> | null {
	const schemaVersion = tagText(xml, 'schemaversion') ?? '';
	const version = schemaVersion.startsWith('2004')
		? '2004'
		: schemaVersion === '1.2'
			? '1.2'
			: null;
	if (!version) return null;
	const org = /<organization\b[\s\S]*?<\/organization>/.exec(xml)?.[0] ?? xml;
	const title = tagText(org, 'title') ?? '';
	const manifestTag = /<(?:[\w.-]+:)?manifest\b[^>]*>/.exec(xml)?.[0] ?? '';
	const contentVersion = decodeXml(/\sversion="([^"]*)"/.exec(manifestTag)?.[1] ?? '');
	const resource = /<resource\b[^>]*>/.exec(xml)?.[0] ?? '';
	const launch = decodeURIComponent(
		decodeXml(/\shref="([^"]*)"/.exec(resource)?.[1] ?? 'index.html')
	);
	let masteryScore: number | null = null;
	if (version === '1.2') {
		const m = tagText(xml, 'masteryscore');
		if (m !== undefined && m !== '' && Number.isFinite(Number(m))) masteryScore = Number(m);
	} else if (/satisfiedByMeasure="true"/.test(xml)) {
		const m = tagText(xml, 'minNormalizedMeasure');
		if (m !== undefined && m !== '' && Number.isFinite(Number(m)))
			masteryScore = Math.round(Number(m) * 100);
	}
	return { title, version, schemaVersion, contentVersion, launch, masteryScore };
}

const SLUG = /^(.+?)-(scorm12|scorm2004)(?:-(.+))?$/;

function councilName(root: string, id: string): string {
	try {
		const yaml = readFileSync(join(root, 'scenarios/councils', `${id}.yaml`), 'utf8');
		const m = /^name:\s*(?:"([^"]*)"|'([^']*)'|(.+?))\s*$/m.exec(yaml);
		const name = m && (m[1] ?? m[2] ?? m[3]);
		if (name) return name;
	} catch {
		/* fall back to the id */
	}
	return id
		.split('-')
		.map((w) => w.charAt(0).toUpperCase() + w.slice(1))
		.join(' ');
}

/** The package folders in <root>/dist (those with a readable SCORM imsmanifest.xml), sorted by slug. */
export function listPackages(root = ROOT): PackageInfo[] {
	const dist = join(root, 'dist');
	if (!existsSync(dist)) return [];
	const out: PackageInfo[] = [];
	for (const entry of readdirSync(dist, { withFileTypes: true })) {
		if (!entry.isDirectory()) continue;
		const manifestPath = join(dist, entry.name, 'imsmanifest.xml');
		let xml: string;
		try {
			xml = readFileSync(manifestPath, 'utf8');
		} catch {
			continue;
		}
		const info = readManifest(xml);
		if (!info) continue;
		const m = SLUG.exec(entry.name);
		const council = m ? m[1] : entry.name;
		out.push({
			slug: entry.name,
			...info,
			council,
			councilName: councilName(root, council),
			variant: m?.[3] ?? '',
			zip: existsSync(join(dist, `${entry.name}.zip`)),
			built: statSync(manifestPath).mtime.toISOString()
		});
	}
	return out.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

/**
 * The file for a URL path below a base folder, or null if it is outside the folder, hidden
 * (a segment starting with "."), or not a file. Directories give their index.html.
 */
export function resolveInside(base: string, urlPath: string): string | null {
	let decoded: string;
	try {
		decoded = decodeURIComponent(urlPath);
	} catch {
		return null;
	}
	if (decoded.includes('\0') || decoded.includes('\\')) return null;
	const segments = decoded.split('/').filter((s) => s !== '');
	if (segments.some((s) => s === '..' || s === '.' || s.startsWith('.'))) return null;
	const target = resolve(base, ...segments);
	const inside = (p: string, b: string) => {
		const r = relative(b, p);
		return r === '' || (!r.startsWith('..') && !isAbsolute(r));
	};
	if (!inside(target, base)) return null;
	try {
		let real = realpathSync(target);
		if (!inside(real, realpathSync(base))) return null;
		if (statSync(real).isDirectory()) {
			real = join(real, 'index.html');
			if (!existsSync(real)) return null;
		}
		return statSync(real).isFile() ? real : null;
	} catch {
		return null;
	}
}

const SECURITY_HEADERS = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'no-referrer',
	// Packages change with every npm run package: never serve a stale one.
	'Cache-Control': 'no-store'
};

function send(
	res: ServerResponse,
	req: IncomingMessage,
	status: number,
	type: string,
	body: string | Buffer,
	extra: Record<string, string> = {}
) {
	const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
	res.writeHead(status, {
		...SECURITY_HEADERS,
		'Content-Type': type,
		'Content-Length': String(buf.length),
		...extra
	});
	res.end(req.method === 'HEAD' ? undefined : buf);
}

function notFound(res: ServerResponse, req: IncomingMessage, what: string) {
	send(res, req, 404, 'text/plain; charset=utf-8', `Not found: ${what}\n`);
}

function sendFile(res: ServerResponse, req: IncomingMessage, file: string) {
	let data: Buffer;
	try {
		data = readFileSync(file);
	} catch {
		return notFound(res, req, 'file could not be read');
	}
	send(res, req, 200, contentType(file), data);
}

export interface ServerOptions {
	/** Project root (the folder with dist/, scripts/mock-lms/, node_modules/). */
	root?: string;
	/** Log each request to stdout. */
	log?: boolean;
}

export function handler(root = ROOT, log = false) {
	const mockDir = join(root, 'scripts/mock-lms');
	const distDir = join(root, 'dist');
	const vendorDir = join(root, 'node_modules/scorm-again/dist');
	return (req: IncomingMessage, res: ServerResponse) => {
		if (log) console.log(`${req.method} ${req.url}`);
		if (req.method !== 'GET' && req.method !== 'HEAD') {
			return send(res, req, 405, 'text/plain; charset=utf-8', 'Only GET and HEAD are allowed\n', {
				Allow: 'GET, HEAD'
			});
		}
		let path: string;
		try {
			path = new URL(req.url ?? '/', 'http://localhost').pathname;
		} catch {
			return send(res, req, 400, 'text/plain; charset=utf-8', 'Bad request\n');
		}
		if (path === '/api/packages') {
			return send(
				res,
				req,
				200,
				'application/json; charset=utf-8',
				JSON.stringify(listPackages(root), null, 2)
			);
		}
		if (path === '/dist' || path.startsWith('/dist/')) {
			const rest = path.slice('/dist'.length);
			const file = resolveInside(distDir, rest);
			if (!file) return notFound(res, req, path);
			// /dist/<slug> (a folder, no slash): redirect so the package's relative URLs work.
			if (
				!rest.endsWith('/') &&
				file.endsWith(`${sep}index.html`) &&
				!rest.endsWith('index.html')
			) {
				res.writeHead(301, { ...SECURITY_HEADERS, Location: `${path}/` });
				return res.end();
			}
			return sendFile(res, req, file);
		}
		if (path.startsWith('/vendor/scorm-again/')) {
			const name = path.slice('/vendor/scorm-again/'.length);
			// Only the browser builds at the top of scorm-again/dist (no folders).
			if (!/^[\w.-]+\.(js|map)$/.test(name)) return notFound(res, req, path);
			const file = resolveInside(vendorDir, name);
			return file ? sendFile(res, req, file) : notFound(res, req, path);
		}
		if (path.startsWith('/api/')) return notFound(res, req, path);
		if (path === '/mock-lms.js') return send(res, req, 200, contentType(path), mockLmsScript(root));
		const file = resolveInside(mockDir, path === '/' ? '/index.html' : path);
		return file ? sendFile(res, req, file) : notFound(res, req, path);
	};
}

export interface RunningServer {
	server: Server;
	port: number;
	/** e.g. "http://127.0.0.1:4173/" */
	url: string;
	close(): Promise<void>;
}

/** Starts the server on 127.0.0.1:port (0 = any free port). Rejects if the port is taken. */
export function startServer(
	port = DEFAULT_PORT,
	options: ServerOptions = {}
): Promise<RunningServer> {
	const server = createServer(handler(options.root ?? ROOT, options.log ?? false));
	return new Promise((done, fail) => {
		server.once('error', (e: NodeJS.ErrnoException) => {
			if (e.code === 'EADDRINUSE') {
				fail(
					new Error(
						`port ${port} on ${HOST} is already in use — is Conduct Scenarios already running? Stop it, or use --port=<another number>`
					)
				);
			} else fail(e);
		});
		server.listen(port, HOST, () => {
			const actual = (server.address() as AddressInfo).port;
			done({
				server,
				port: actual,
				url: `http://${HOST}:${actual}/`,
				close: () =>
					new Promise<void>((ok) => {
						server.closeAllConnections?.();
						server.close(() => ok());
					})
			});
		});
	});
}

/** --port=N or --port N; the default otherwise. Throws on a bad value. */
export function parsePort(argv: string[], fallback = DEFAULT_PORT): number {
	let raw: string | undefined;
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--port') raw = argv[++i];
		else if (a.startsWith('--port=')) raw = a.slice('--port='.length);
	}
	if (raw === undefined) return fallback;
	const n = Number(raw);
	if (!/^\d+$/.test(raw) || n < 0 || n > 65535)
		throw new Error(`--port "${raw}" is not a port number (0–65535)`);
	return n;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	const argv = process.argv.slice(2);
	let port: number;
	try {
		port = parsePort(argv);
	} catch (e) {
		console.error(`✗ ${(e as Error).message}`);
		process.exit(1);
	}
	startServer(port, { log: argv.includes('--log') }).then(
		(s) => {
			const n = listPackages().length;
			console.log(
				`Serving the mock LMS at ${s.url} (${n} package${n === 1 ? '' : 's'} in dist/). Ctrl+C stops it.`
			);
			const stop = () => s.close().then(() => process.exit(0));
			process.on('SIGINT', stop);
			process.on('SIGTERM', stop);
		},
		(e) => {
			console.error(`✗ ${(e as Error).message}`);
			process.exit(1);
		}
	);
}
