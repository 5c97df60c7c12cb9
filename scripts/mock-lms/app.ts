/** The mock LMS page's state, shared by the launch, picker and inspector modules. */
import type { Session, SessionHost } from './session.js';
import type { PackageInfo } from './types.js';

export interface App extends SessionHost {
	packages: PackageInfo[];
	pkg: PackageInfo | null;
	session: Session | null;
	sessionCount: number;
	frameLoads: number;
	iframe: HTMLIFrameElement | null;
	popup: Window | null;
	popupTimer: ReturnType<typeof setInterval> | undefined;
	busy: boolean;
	ready: boolean;
	/** Re-renders the inspector soon (batched). */
	changed(): void;
}

export function $(id: string): HTMLElement {
	const el = document.getElementById(id);
	if (!el) throw new Error(`mock LMS page: no #${id}`);
	return el;
}

export const $input = (id: string) => $(id) as HTMLInputElement;

export function text(tag: string, content?: unknown, cls?: string): HTMLElement {
	const el = document.createElement(tag);
	if (content !== undefined && content !== null) el.textContent = String(content);
	if (cls) el.className = cls;
	return el;
}

export function announce(message: string): void {
	const el = $('announce');
	el.textContent = '';
	// A fresh text node so screen readers announce a repeated message too.
	setTimeout(() => {
		el.textContent = message;
	}, 30);
}
