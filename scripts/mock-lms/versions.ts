/** The two SCORM versions as the mock LMS offers them: globals, method names, error codes. */
import type { MethodKind, Version } from './types.js';

export interface VersionInfo {
	label: string;
	/** The window property the module looks for. */
	global: 'API' | 'API_1484_11';
	/** The other version's window property (offered only with ?apis=both). */
	other: 'API' | 'API_1484_11';
	/** scorm-again's browser build defines this global. */
	ctor: 'Scorm12API' | 'Scorm2004API';
	m: Record<MethodKind, string>;
	/** Codes for refused calls; SCORM 1.2 has few, so 101 (general exception) stands in for the rest. */
	codes: { init: string; set: string; commit: string; format: string; exception: string };
}

export const VERSIONS: Record<Version, VersionInfo> = {
	'1.2': {
		label: 'SCORM 1.2',
		global: 'API',
		other: 'API_1484_11',
		ctor: 'Scorm12API',
		m: {
			initialize: 'LMSInitialize',
			terminate: 'LMSFinish',
			getValue: 'LMSGetValue',
			setValue: 'LMSSetValue',
			commit: 'LMSCommit',
			getLastError: 'LMSGetLastError',
			getErrorString: 'LMSGetErrorString',
			getDiagnostic: 'LMSGetDiagnostic'
		},
		codes: { init: '101', set: '101', commit: '101', format: '405', exception: '101' }
	},
	'2004': {
		label: 'SCORM 2004',
		global: 'API_1484_11',
		other: 'API',
		ctor: 'Scorm2004API',
		m: {
			initialize: 'Initialize',
			terminate: 'Terminate',
			getValue: 'GetValue',
			setValue: 'SetValue',
			commit: 'Commit',
			getLastError: 'GetLastError',
			getErrorString: 'GetErrorString',
			getDiagnostic: 'GetDiagnostic'
		},
		codes: { init: '102', set: '351', commit: '391', format: '406', exception: '101' }
	}
};

export const METHOD_KINDS = Object.keys(VERSIONS['1.2'].m) as MethodKind[];

export const isErrorKind = (kind: MethodKind): boolean =>
	kind === 'getLastError' || kind === 'getErrorString' || kind === 'getDiagnostic';

export const otherVersion = (v: Version): Version => (v === '1.2' ? '2004' : '1.2');
