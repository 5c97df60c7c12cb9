/** The package picker: council, SCORM version and build, from /api/packages. */
import { $, $input, announce, type App } from './app.js';
import { launch } from './launch.js';
import { LAST_KEY } from './storage.js';
import type { PackageInfo, Version } from './types.js';
import { otherVersion, VERSIONS } from './versions.js';

export const DEFAULT_SLUG = 'kingsthorpe-parish-council-scorm12';

/** "practice-sel-abc" → "Practice, Selection abc"; "" → "Standard (assessed)". */
export function variantLabel(v: string): string {
	if (!v) return 'Standard (assessed)';
	const parts = v.split('-');
	const out: string[] = [];
	for (let i = 0; i < parts.length; i++) {
		if (parts[i] === 'practice') out.push('Practice');
		else if (parts[i] === 'sel' && parts[i + 1]) out.push(`Selection ${parts[++i]}`);
		else out.push(parts[i]);
	}
	return out.join(', ');
}

export function findPackage(
	packages: PackageInfo[],
	council: string,
	version: Version,
	variant: string
): PackageInfo | null {
	return (
		packages.find((p) => p.council === council && p.version === version && p.variant === variant) ??
		null
	);
}

function councils(packages: PackageInfo[]): { id: string; name: string }[] {
	const seen = new Map<string, string>();
	for (const p of packages) if (!seen.has(p.council)) seen.set(p.council, p.councilName);
	return [...seen]
		.map(([id, name]) => ({ id, name }))
		.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

const pickedVersion = (): Version => ($input('version-2004').checked ? '2004' : '1.2');

function option(value: string, label: string): HTMLOptionElement {
	const o = document.createElement('option');
	o.value = value;
	o.textContent = label;
	return o;
}

function fillVariants(app: App, keep?: string): void {
	const council = ($('council') as HTMLSelectElement).value;
	const version = pickedVersion();
	const select = $('variant') as HTMLSelectElement;
	const variants = app.packages
		.filter((p) => p.council === council && p.version === version)
		.map((p) => p.variant);
	select.replaceChildren(...variants.map((v) => option(v, variantLabel(v))));
	if (!variants.length)
		select.appendChild(option('__none__', `No ${VERSIONS[version].label} build`));
	if (keep !== undefined && variants.includes(keep)) select.value = keep;
	($('launch') as HTMLButtonElement).disabled = !variants.length;
}

export function syncPicker(app: App, pkg: PackageInfo): void {
	($('council') as HTMLSelectElement).value = pkg.council;
	$input('version-12').checked = pkg.version === '1.2';
	$input('version-2004').checked = pkg.version === '2004';
	fillVariants(app, pkg.variant);
	const other = otherVersion(pkg.version);
	const twin = findPackage(app.packages, pkg.council, other, pkg.variant);
	const sw = $('switch-version') as HTMLButtonElement;
	sw.textContent = twin
		? `Switch to ${VERSIONS[other].label}`
		: `No ${VERSIONS[other].label} build of this package`;
	sw.disabled = !twin;
}

export function buildPicker(app: App): void {
	const select = $('council') as HTMLSelectElement;
	select.replaceChildren(...councils(app.packages).map((c) => option(c.id, c.name)));
	select.addEventListener('change', () => fillVariants(app, ''));
	const keep = () => fillVariants(app, ($('variant') as HTMLSelectElement).value);
	$('version-12').addEventListener('change', keep);
	$('version-2004').addEventListener('change', keep);
	$('picker').addEventListener('submit', (e) => {
		e.preventDefault();
		const pkg = findPackage(
			app.packages,
			select.value,
			pickedVersion(),
			($('variant') as HTMLSelectElement).value
		);
		if (pkg) void launch(app, pkg, 'picked').then(() => announce(`Launched ${pkg.slug}.`));
	});
}

function showPickerMessage(message: string): void {
	const el = $('picker-message');
	el.textContent = message;
	el.hidden = false;
}

/** The package to launch first: ?package=, else ?council=&scorm=, else the last one used, else the default. */
export function choosePackage(app: App): PackageInfo {
	const bySlug = (slug: string) => app.packages.find((p) => p.slug === slug) ?? null;
	const o = app.options;
	if (o.packageSlug) {
		const p = bySlug(o.packageSlug);
		if (p) return p;
		showPickerMessage(
			`There is no package called “${o.packageSlug}” in dist/. Showing another one instead.`
		);
	}
	if (o.council) {
		const q = findPackage(app.packages, o.council, o.scorm, '');
		if (q) return q;
		showPickerMessage(
			`There is no standard ${VERSIONS[o.scorm].label} package for “${o.council}” in dist/. Showing another one instead.`
		);
	}
	let last: string | null;
	try {
		last = localStorage.getItem(LAST_KEY);
	} catch {
		last = null;
	}
	return (last && bySlug(last)) || bySlug(DEFAULT_SLUG) || app.packages[0];
}
