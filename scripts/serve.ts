/**
 * The static server for trying the packages in the mock LMS (npm start, the e2e tests, the bench).
 *
 *   npx tsx scripts/serve.ts [--port=4173] [--log] [--gzip]
 *
 * Bound to 127.0.0.1 only. Files are served by sirv (the server `vite preview` uses); this file
 * adds only what the package list and the mock LMS need. Routes:
 *   /                         the mock LMS (files from scripts/mock-lms/)
 *   /dist/…                   the built packages: dist/<slug>/index.html, dist/<slug>.zip, …
 *   /vendor/scorm-again/…     scorm-again's browser builds (node_modules/scorm-again/dist/), for the mock LMS
 *   /api/packages             JSON list of the package folders in dist/ (see PackageInfo)
 * Anything else is a 404. Only GET and HEAD. No directory listings, no hidden files, nothing
 * outside those folders (sirv refuses paths that leave its folder). Nothing is cached
 * (Cache-Control: no-store): packages change with every npm run package. With gzip, text is
 * sent gzip-compressed to a browser that accepts it, as an LMS web server would.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';
import sirv from 'sirv';
import { readArgs } from './args.js';
import { mockLmsScript } from './mock-lms/bundle.js';
import { listPackages } from './package-list.js';
import { isEntry } from './run-main.js';

export { listPackages, readManifest, type PackageInfo } from './package-list.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_PORT = 4173;
export const HOST = '127.0.0.1';

const SECURITY_HEADERS = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'no-referrer',
	// Packages change with every npm run package: never serve a stale one.
	'Cache-Control': 'no-store'
};

function send(
	res: ServerResponse,
	status: number,
	type: string,
	body: string,
	extra: Record<string, string> = {}
) {
	res.writeHead(status, {
		...SECURITY_HEADERS,
		'Content-Type': type,
		'Content-Length': String(Buffer.byteLength(body)),
		...extra
	});
	res.end(body);
}

const notFound = (res: ServerResponse, what: string) =>
	send(res, 404, 'text/plain; charset=utf-8', `Not found: ${what}\n`);

/** What gzip makes smaller (images, fonts and zips are compressed already). */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript|manifest\+json)|image\/svg\+xml)/;

/**
 * Sends what sirv writes to res through gzip, if the browser accepts gzip and the type is text.
 * sirv writes the head (with Content-Length) and pipes the file into res; the head loses its
 * length and gains Content-Encoding, and the body goes through zlib.
 */
function gzipInto(req: IncomingMessage, res: ServerResponse): void {
	if (!/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return;
	const head = res.writeHead.bind(res) as (status: number, headers?: object) => ServerResponse;
	const write = res.write.bind(res) as (chunk: Buffer) => boolean;
	const end = res.end.bind(res) as () => ServerResponse;
	res.writeHead = ((status: number, headers: Record<string, string | number> = {}) => {
		const type = String(headers['Content-Type'] ?? res.getHeader('Content-Type') ?? '');
		if (status !== 200 || !COMPRESSIBLE.test(type)) return head(status, headers);
		const zip = createGzip();
		zip.on('data', (chunk: Buffer) => write(chunk));
		zip.on('end', () => end());
		zip.on('drain', () => res.emit('drain'));
		res.write = ((chunk: Buffer) => zip.write(chunk)) as typeof res.write;
		res.end = ((chunk?: Buffer | (() => void)) => {
			if (chunk && typeof chunk !== 'function') zip.write(chunk);
			zip.end();
			return res;
		}) as typeof res.end;
		const rest: Record<string, string | number> = {
			...headers,
			'Content-Encoding': 'gzip',
			Vary: 'Accept-Encoding'
		};
		delete rest['Content-Length'];
		return head(status, rest);
	}) as typeof res.writeHead;
}

export interface ServerOptions {
	/** Project root (the folder with dist/, scripts/mock-lms/, node_modules/). */
	root?: string;
	/** Log each request to stdout. */
	log?: boolean;
	/** Send text gzip-compressed to browsers that accept it (the bench measures gzip sizes). */
	gzip?: boolean;
}

/** The request handler (also for a server of your own that adds routes in front of it). */
export function handler(root = ROOT, log = false, gzip = false) {
	// dev: look each file up when it is asked for (dist/ changes while the server runs).
	const files = (dir: string) =>
		sirv(dir, {
			dev: true,
			etag: false,
			dotfiles: false,
			extensions: ['html'],
			setHeaders: (res) => {
				for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
			}
		});
	const distDir = join(root, 'dist');
	const dist = files(distDir);
	const mockLms = files(join(root, 'scripts/mock-lms'));
	const vendor = files(join(root, 'node_modules/scorm-again/dist'));
	return (req: IncomingMessage, res: ServerResponse) => {
		if (log) console.log(`${req.method} ${req.url}`);
		if (req.method !== 'GET' && req.method !== 'HEAD') {
			return send(res, 405, 'text/plain; charset=utf-8', 'Only GET and HEAD are allowed\n', {
				Allow: 'GET, HEAD'
			});
		}
		let url: URL;
		try {
			url = new URL(req.url ?? '/', 'http://localhost');
		} catch {
			return send(res, 400, 'text/plain; charset=utf-8', 'Bad request\n');
		}
		const path = url.pathname;
		if (path === '/api/packages') {
			return send(
				res,
				200,
				'application/json; charset=utf-8',
				JSON.stringify(listPackages(root), null, 2)
			);
		}
		// No hidden files or folders, in any spelling (sirv's dev mode would serve them).
		let decoded: string;
		try {
			decoded = decodeURIComponent(path);
		} catch {
			return notFound(res, path);
		}
		if (/(^|\/)\./.test(decoded) || decoded.includes('\\') || decoded.includes('\0'))
			return notFound(res, path);
		if (gzip) gzipInto(req, res);
		const serve = (files: ReturnType<typeof sirv>, rest: string) => {
			req.url = rest + url.search;
			files(req, res, () => notFound(res, path));
		};
		if (path === '/dist' || path.startsWith('/dist/')) {
			const rest = path.slice('/dist'.length) || '/';
			// /dist/<slug> (a folder, no slash): redirect so the package's relative URLs work.
			if (
				!rest.endsWith('/') &&
				existsSync(join(distDir, decoded.slice('/dist'.length), 'index.html'))
			) {
				res.writeHead(301, { ...SECURITY_HEADERS, Location: `${path}/` });
				return res.end();
			}
			return serve(dist, rest);
		}
		if (path.startsWith('/vendor/scorm-again/')) {
			const name = path.slice('/vendor/scorm-again/'.length);
			// Only the browser builds at the top of scorm-again/dist (no folders).
			if (!/^[\w.-]+\.(js|map)$/.test(name)) return notFound(res, path);
			return serve(vendor, `/${name}`);
		}
		if (path.startsWith('/api/')) return notFound(res, path);
		// The mock LMS page's script, bundled from its TypeScript modules (scripts/mock-lms/bundle.ts).
		if (path === '/mock-lms.js')
			return send(res, 200, 'text/javascript; charset=utf-8', mockLmsScript(root));
		if (path.endsWith('.ts')) return notFound(res, path);
		return serve(mockLms, path);
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
	const server = createServer(handler(options.root ?? ROOT, options.log ?? false, options.gzip));
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

/** A --port value as a number; the fallback if there is none. Throws on a bad value. */
export function portValue(raw: string | undefined, fallback = DEFAULT_PORT): number {
	if (raw === undefined) return fallback;
	const n = Number(raw);
	if (!/^\d+$/.test(raw) || n < 0 || n > 65535)
		throw new Error(`--port "${raw}" is not a port number (0–65535)`);
	return n;
}

const USAGE = 'usage: npx tsx scripts/serve.ts [--port=<number>] [--log] [--gzip]';

if (isEntry(import.meta.url)) {
	const { values, errors, help } = readArgs(process.argv.slice(2), {
		port: { type: 'string' },
		log: { type: 'boolean' },
		gzip: { type: 'boolean' }
	});
	if (help) {
		console.log(USAGE);
		process.exit(0);
	}
	let port = DEFAULT_PORT;
	try {
		port = portValue(typeof values.port === 'string' ? values.port : undefined);
	} catch (e) {
		errors.push((e as Error).message);
	}
	if (errors.length) {
		for (const e of errors) console.error(`✗ ${e}`);
		console.error(USAGE);
		process.exit(1);
	}
	startServer(port, { log: values.log === true, gzip: values.gzip === true }).then(
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
