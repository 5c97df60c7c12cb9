/*
 * Mock LMS for Conduct Scenarios: launches a package from dist/ in an iframe (or a new window),
 * offers it a strict SCORM API (scorm-again, wrapped so that every call is logged), keeps its
 * tracking data in localStorage between launches, and shows what the module did.
 *
 * For tests: window.mockLms (see the bottom of this file) and the query string:
 *   ?package=<slug>          which package (default kingsthorpe-parish-council-scorm12, or the last one used)
 *   ?council=<id>&scorm=2004 the same, by council and version
 *   ?reset=1                 delete this package's stored data before the first launch
 *   ?fault=…                 none | no-api | init-false | setvalue-false | commit-flaky | throws | slow | opener
 *                            | commit-twice (Commit fails twice after each success) | throws-5th (every fifth
 *                            call but the error calls throws) | beacon-refused (Terminate says "true" but its
 *                            data is discarded, as a refused sendBeacon: the LMS keeps what was committed)
 *   &n=3                     setvalue-false: how many SetValue calls fail before it recovers (default 3);
 *                            init-false: how many Initialize calls fail before one works (default: all)
 *   &delay=2000              slow: milliseconds each call blocks for
 *   ?learner=<name>          the learner's name the LMS gives (cmi.core.student_name / cmi.learner_name; default "Bloggs, Jo")
 *   ?learnerid=<id>          the learner's id (cmi.core.student_id / cmi.learner_id; default "mock-learner-001"): another
 *                            learner at the same computer (the stored record is still one per package)
 *   ?mastery=override        SCORM 1.2: let the LMS set passed/failed from score.raw and the mastery score on LMSFinish
 *   ?lms=moodle              SCORM 2004 as Moodle 4.5 (force new attempt = No): a relaunch stays in the same
 *                            attempt, status and score kept, but suspend_data and location are given back
 *                            (entry "resume") only when the last cmi.exit was "suspend"; else entry "ab-initio"
 *   ?newattempt=completed    start a new, empty attempt at launch once the stored attempt is completed,
 *                            passed or failed (Moodle's "force new attempt" when the previous one is finished)
 *   ?apis=both               also offer the other version's API (as some LMSs and portals do): any call
 *                            on it is an error, since the LMS keeps the record by the manifest's version
 *
 * What it does as an LMS, in short:
 * - Only the API of the package's version is offered (window.API for 1.2, window.API_1484_11 for 2004).
 * - Data is stored on every successful Commit and on LMSFinish/Terminate, never in between.
 * - cmi.entry is "ab-initio" on the first launch, "resume" after a session that exited with
 *   "suspend", else "". In SCORM 2004, a session that called Terminate with any other exit ends
 *   the attempt: the next launch starts a new attempt with no data (as the spec says).
 * - A module unloaded without LMSFinish/Terminate keeps only what it last committed (an error is logged).
 * - Stricter than scorm-again alone: SCORM 1.2 suspend_data over 4,096 characters and identifiers
 *   with white space are refused (405; 406 in 2004), and 1.2 choice responses must be single
 *   characters. Things a strict LMS might refuse are listed as warnings.
 */
(function () {
	'use strict';

	var SUSPEND_LIMIT = 4096;
	var STORE_PREFIX = 'mockLms:v1:';
	var LAST_KEY = 'mockLms:last';
	var DEFAULT_SLUG = 'kingsthorpe-parish-council-scorm12';
	var LEARNER = { id: 'mock-learner-001', name: 'Bloggs, Jo' };
	var learnerParam = new URLSearchParams(location.search).get('learner');
	if (learnerParam !== null) LEARNER.name = learnerParam;
	var learnerIdParam = new URLSearchParams(location.search).get('learnerid');
	if (learnerIdParam) LEARNER.id = learnerIdParam;
	var FAULTS = [
		'none',
		'no-api',
		'init-false',
		'setvalue-false',
		'commit-flaky',
		'throws',
		'slow',
		'opener',
		'commit-twice',
		'throws-5th',
		'beacon-refused'
	];
	var FAULT_LABELS = {
		none: 'none',
		'no-api': 'no API offered',
		'init-false': 'Initialise fails',
		'setvalue-false': 'first SetValue calls fail',
		'commit-flaky': 'every other Commit fails',
		throws: 'every third SetValue throws',
		slow: 'every call is slow',
		opener: 'launched in a new window',
		'commit-twice': 'Commit fails twice after each success',
		'throws-5th': 'every fifth call throws',
		'beacon-refused': 'Terminate’s data is discarded (refused beacon)'
	};

	var params = new URLSearchParams(location.search);
	var requestedFault = params.get('fault') || 'none';
	var fault = FAULTS.indexOf(requestedFault) >= 0 ? requestedFault : 'none';
	var failCount = intParam('n', 3);
	// init-false: every Initialize fails unless &n= says how many do.
	var initFails = params.has('n') ? intParam('n', Infinity) : Infinity;
	var delayMs = intParam('delay', 2000);
	var masteryOverride = params.get('mastery') === 'override';
	var bothApis = params.get('apis') === 'both';
	var moodleLike = params.get('lms') === 'moodle';
	var newAttemptWhenFinished = params.get('newattempt') === 'completed';

	var VERSIONS = {
		1.2: {
			label: 'SCORM 1.2',
			global: 'API',
			other: 'API_1484_11',
			ctor: function () {
				return window.Scorm12API;
			},
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
			// SCORM 1.2 has few error codes: 101 (general exception) stands in for the rest.
			codes: { init: '101', set: '101', commit: '101', format: '405', exception: '101' }
		},
		2004: {
			label: 'SCORM 2004',
			global: 'API_1484_11',
			other: 'API',
			ctor: function () {
				return window.Scorm2004API;
			},
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
	var ERROR_KINDS = { getLastError: true, getErrorString: true, getDiagnostic: true };

	var state = {
		packages: [],
		pkg: null,
		session: null,
		sessionCount: 0,
		calls: [],
		errors: [],
		warnings: [],
		notes: [],
		libraryLog: [],
		frameLoads: 0,
		iframe: null,
		popup: null,
		popupTimer: 0,
		busy: false,
		ready: false,
		outage: false,
		faultCounts: { setValue: 0, commit: 0, throwsSet: 0, init: 0, any: 0 },
		t0: Date.now()
	};

	var $ = function (id) {
		return document.getElementById(id);
	};

	/* ---------- small helpers ---------- */

	function intParam(name, fallback) {
		var raw = params.get(name);
		var n = raw === null ? NaN : Number(raw);
		return Number.isFinite(n) && n >= 0 ? Math.floor(n) : fallback;
	}

	function clone(o) {
		return o == null ? o : JSON.parse(JSON.stringify(o));
	}

	function elapsed() {
		return Date.now() - state.t0;
	}

	function busyWait(ms) {
		var end = Date.now() + ms;
		while (Date.now() < end) {
			/* block, like a slow synchronous LMS */
		}
	}

	function text(tag, content, cls) {
		var el = document.createElement(tag);
		if (content !== undefined && content !== null) el.textContent = String(content);
		if (cls) el.className = cls;
		return el;
	}

	function short(value, max) {
		var s = String(value);
		max = max || 120;
		return s.length > max
			? s.slice(0, max) + '… (' + s.length.toLocaleString('en-GB') + ' characters)'
			: s;
	}

	function plural(n, one, many) {
		return n + ' ' + (n === 1 ? one : many || one + 's');
	}

	function announce(message) {
		var el = $('announce');
		el.textContent = '';
		// A fresh text node so screen readers announce a repeated message too.
		setTimeout(function () {
			el.textContent = message;
		}, 30);
	}

	/* ---------- SCORM time values ---------- */

	function parse12Time(v) {
		var m = /^(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(String(v || ''));
		return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : 0;
	}

	function parse2004Time(v) {
		var m =
			/^P(?:([\d.]+)Y)?(?:([\d.]+)M)?(?:([\d.]+)W)?(?:([\d.]+)D)?(?:T(?:([\d.]+)H)?(?:([\d.]+)M)?(?:([\d.]+)S)?)?$/.exec(
				String(v || '')
			);
		if (!m) return 0;
		var f = [31536000, 2592000, 604800, 86400, 3600, 60, 1];
		var s = 0;
		for (var i = 0; i < f.length; i++) s += (Number(m[i + 1]) || 0) * f[i];
		return s;
	}

	function fmt12Time(sec) {
		sec = Math.max(0, sec || 0);
		var h = Math.floor(sec / 3600);
		var m = Math.floor((sec % 3600) / 60);
		var s = sec - h * 3600 - m * 60;
		var ss = s.toFixed(2);
		if (s < 10) ss = '0' + ss;
		return (
			String(h).padStart(4, '0') + ':' + String(m).padStart(2, '0') + ':' + ss.replace(/\.00$/, '')
		);
	}

	function fmt2004Time(sec) {
		sec = Math.max(0, sec || 0);
		var h = Math.floor(sec / 3600);
		var m = Math.floor((sec % 3600) / 60);
		var s = Math.round((sec - h * 3600 - m * 60) * 100) / 100;
		return 'PT' + (h ? h + 'H' : '') + (m ? m + 'M' : '') + s + 'S';
	}

	function sessionSeconds(version, cmi) {
		if (!cmi) return 0;
		return version === '1.2'
			? parse12Time(cmi.core && cmi.core.session_time)
			: parse2004Time(cmi.session_time);
	}

	function exitOf(version, cmi) {
		if (!cmi) return '';
		return (version === '1.2' ? cmi.core && cmi.core.exit : cmi.exit) || '';
	}

	/* ---------- storage: one record per package, like an LMS's tracking table ---------- */

	function storageKey(slug) {
		return STORE_PREFIX + slug;
	}

	function loadRecord(slug) {
		try {
			var raw = localStorage.getItem(storageKey(slug));
			var rec = raw ? JSON.parse(raw) : null;
			return rec && rec.v === 1 ? rec : null;
		} catch {
			return null;
		}
	}

	function saveRecord(rec) {
		try {
			localStorage.setItem(storageKey(rec.slug), JSON.stringify(rec));
		} catch (e) {
			addError({
				source: 'lms',
				message: 'The mock LMS could not store the tracking data in this browser: ' + e.message
			});
		}
	}

	function newRecord(pkg) {
		return {
			v: 1,
			slug: pkg.slug,
			version: pkg.version,
			attempt: 1,
			totalSeconds: 0,
			sessions: [],
			cmi: null,
			savedAt: null,
			savedBy: null
		};
	}

	function removeRecord(slug) {
		try {
			localStorage.removeItem(storageKey(slug));
		} catch {
			/* nothing stored */
		}
	}

	/** The module's own browser copy: every localStorage key that is not the mock LMS's. */
	function clearModuleStorage() {
		try {
			var keys = [];
			for (var i = 0; i < localStorage.length; i++) {
				var k = localStorage.key(i);
				if (k && k.indexOf('mockLms:') !== 0) keys.push(k);
			}
			keys.forEach(function (k) {
				localStorage.removeItem(k);
			});
			sessionStorage.clear();
			return keys.length;
		} catch {
			return 0;
		}
	}

	/* ---------- problems ---------- */

	function addError(e) {
		e.t = elapsed();
		e.session = e.session !== undefined ? e.session : state.session ? state.session.id : null;
		state.errors.push(e);
		scheduleRender();
	}

	function addWarning(w) {
		w.t = elapsed();
		w.session = w.session !== undefined ? w.session : state.session ? state.session.id : null;
		state.warnings.push(w);
		scheduleRender();
	}

	function warnOnce(s, key, message, extra) {
		if (s.warned[key]) return;
		s.warned[key] = true;
		var w = extra || {};
		w.source = w.source || 'lms';
		w.message = message;
		w.session = s.id;
		addWarning(w);
	}

	/* ---------- sessions: one per launch of the module ---------- */

	function createSession(pkg) {
		var v = VERSIONS[pkg.version];
		var s = {
			id: ++state.sessionCount,
			pkg: pkg,
			v: v,
			api: null,
			state: 'waiting',
			entry: null,
			entryWhy: '',
			attempt: null,
			injected: null,
			diagnostic: '',
			types: {},
			warned: {},
			startedAt: null,
			recordIndex: -1
		};
		var wrapper = {};
		Object.keys(v.m).forEach(function (kind) {
			var name = v.m[kind];
			wrapper[name] = function () {
				return apiCall(s, kind, name, Array.prototype.slice.call(arguments));
			};
		});
		s.wrapper = wrapper;
		return s;
	}

	function installSession(s) {
		state.session = s;
		try {
			delete window.API;
		} catch {
			window.API = undefined;
		}
		try {
			delete window.API_1484_11;
		} catch {
			window.API_1484_11 = undefined;
		}
		if (fault !== 'no-api') window[s.v.global] = s.wrapper;
		if (fault !== 'no-api' && bothApis) window[s.v.other] = otherApi(s);
		scheduleRender();
	}

	/** ?apis=both: the other version's API, offered alongside; every call on it is logged as an error. */
	function otherApi(s) {
		var other = VERSIONS[s.pkg.version === '1.2' ? '2004' : '1.2'];
		var decoy = {};
		Object.keys(other.m).forEach(function (kind) {
			var name = other.m[kind];
			decoy[name] = function () {
				addError({
					source: 'lms',
					session: s.id,
					method: name,
					message:
						'The package called ' +
						name +
						' on the ' +
						other.label +
						' API, but it was imported as ' +
						s.v.label +
						': the LMS keeps its record by the manifest’s version.'
				});
				return kind === 'getLastError'
					? '101'
					: kind === 'getValue' || kind === 'getErrorString' || kind === 'getDiagnostic'
						? ''
						: 'false';
			};
		});
		return decoy;
	}

	function apiSettings() {
		return {
			autocommit: false,
			lmsCommitUrl: false,
			useAsynchronousCommits: false,
			sendFullCommit: true,
			logLevel: 'WARN',
			uninitializedGetLogLevel: 'INFO',
			strict_errors: true,
			autoCompleteLessonStatus: false,
			selfReportSessionTime: false,
			alwaysSendTotalTime: false,
			mastery_override: masteryOverride,
			score_overrides_status: false,
			enableOfflineSupport: false,
			globalStudentPreferences: false,
			onLogMessage: function (level, message) {
				state.libraryLog.push({ t: elapsed(), level: level, message: String(message) });
				if (state.libraryLog.length > 500) state.libraryLog.shift();
			}
		};
	}

	/** The data a new session starts with, from the stored record (done at the session's first call). */
	function prepareApi(s) {
		var pkg = s.pkg;
		var rec = loadRecord(pkg.slug) || newRecord(pkg);
		var prev = rec.sessions.length ? rec.sessions[rec.sessions.length - 1] : null;
		var cmi = rec.cmi ? clone(rec.cmi) : {};
		var entry;
		var why;
		if (prev && newAttemptWhenFinished && finishedStatus(pkg.version, rec.cmi)) {
			rec.attempt += 1;
			rec.sessions = [];
			rec.totalSeconds = 0;
			rec.cmi = null;
			cmi = {};
			prev = null;
			entry = 'ab-initio';
			why =
				'the stored attempt is finished and a new attempt is forced (newattempt=completed): attempt ' +
				rec.attempt +
				' starts with no data';
			saveRecord(rec);
			addWarning({ source: 'lms', session: s.id, message: 'New attempt: ' + why + '.' });
		} else if (!prev) {
			entry = 'ab-initio';
			why = rec.attempt > 1 ? 'first session of attempt ' + rec.attempt : 'first launch';
		} else if (prev.exit === 'suspend') {
			entry = 'resume';
			why = 'the last session exited with “suspend”';
		} else if (moodleLike && pkg.version === '2004') {
			entry = 'ab-initio';
			why =
				'Moodle-like: the last exit was “' +
				(prev.exit || '') +
				'”, not “suspend”, so the same attempt goes on without its suspend_data and location (status and score kept)';
			delete cmi.suspend_data;
			if (cmi.core) delete cmi.core.lesson_location;
			delete cmi.location;
			addWarning({ source: 'lms', session: s.id, message: why + '.' });
		} else if (pkg.version === '2004' && prev.ended === 'terminated') {
			rec.attempt += 1;
			rec.sessions = [];
			rec.totalSeconds = 0;
			rec.cmi = null;
			cmi = {};
			entry = 'ab-initio';
			why =
				'the last session called Terminate with exit “' +
				(prev.exit || '') +
				'”, which ends the attempt: attempt ' +
				rec.attempt +
				' starts with no data';
			saveRecord(rec);
			addWarning({ source: 'lms', session: s.id, message: 'New attempt: ' + why + '.' });
		} else {
			entry = '';
			why =
				prev.ended === 'closed'
					? 'the last session was closed without LMSFinish and had not committed exit “suspend”'
					: 'the last session exited with “' + (prev.exit || '') + '”, not “suspend”';
		}

		if (pkg.version === '1.2') {
			cmi.core = cmi.core || {};
			delete cmi.core.exit;
			delete cmi.core.session_time;
			cmi.core.entry = entry;
			cmi.core.total_time = fmt12Time(rec.totalSeconds);
			cmi.core.student_id = LEARNER.id;
			cmi.core.student_name = LEARNER.name;
			cmi.core.credit = 'credit';
			cmi.core.lesson_mode = 'normal';
			if (!cmi.core.lesson_status) cmi.core.lesson_status = 'not attempted';
			cmi.student_data = cmi.student_data || {};
			if (pkg.masteryScore !== null && pkg.masteryScore !== undefined)
				cmi.student_data.mastery_score = String(pkg.masteryScore);
		} else {
			delete cmi.exit;
			delete cmi.session_time;
			cmi.entry = entry;
			cmi.total_time = fmt2004Time(rec.totalSeconds);
			cmi.learner_id = LEARNER.id;
			cmi.learner_name = LEARNER.name;
			cmi.credit = 'credit';
			cmi.mode = 'normal';
			if (pkg.masteryScore !== null && pkg.masteryScore !== undefined)
				cmi.scaled_passing_score = String(pkg.masteryScore / 100);
		}
		var interactions = cmi.interactions || {};
		Object.keys(interactions).forEach(function (k) {
			if (interactions[k] && interactions[k].type) s.types[k] = interactions[k].type;
		});

		var Ctor = s.v.ctor();
		if (typeof Ctor !== 'function')
			throw new Error('scorm-again did not load (/vendor/scorm-again/)');
		var api = new Ctor(apiSettings());
		api.loadFromJSON(cmi);
		s.api = api;
		s.entry = entry;
		s.entryWhy = why;
		s.attempt = rec.attempt;
		return api;
	}

	/** Is the stored attempt completed, passed or failed? */
	function finishedStatus(version, cmi) {
		if (!cmi) return false;
		if (version === '1.2')
			return ['completed', 'passed', 'failed'].indexOf(cmi.core && cmi.core.lesson_status) >= 0;
		return (
			cmi.completion_status === 'completed' ||
			cmi.success_status === 'passed' ||
			cmi.success_status === 'failed'
		);
	}

	function renderCmi(api) {
		try {
			var o = api.renderCMIToJSONObject();
			return clone(o && o.cmi ? o.cmi : o);
		} catch {
			return null;
		}
	}

	/** Stores the session's CMI, as an LMS does on Commit and on LMSFinish/Terminate. */
	function persist(s, why) {
		var cmi = renderCmi(s.api);
		if (!cmi) return;
		var rec = loadRecord(s.pkg.slug) || newRecord(s.pkg);
		rec.cmi = cmi;
		rec.savedAt = new Date().toISOString();
		rec.savedBy = (why === 'finish' ? s.v.m.terminate : s.v.m.commit) + ' in session ' + s.id;
		var mine = rec.sessions[s.recordIndex];
		if (mine) {
			mine.exit = exitOf(s.pkg.version, cmi);
			mine.commits = (mine.commits || 0) + (why === 'commit' ? 1 : 0);
			if (why === 'finish') {
				mine.ended = 'terminated';
				mine.endedAt = rec.savedAt;
				rec.totalSeconds += sessionSeconds(s.pkg.version, cmi);
			}
		}
		saveRecord(rec);
	}

	function recordStart(s) {
		var rec = loadRecord(s.pkg.slug) || newRecord(s.pkg);
		rec.attempt = s.attempt || rec.attempt;
		rec.sessions.push({
			session: s.id,
			entry: s.entry,
			startedAt: new Date().toISOString(),
			ended: null,
			exit: '',
			commits: 0
		});
		s.recordIndex = rec.sessions.length - 1;
		saveRecord(rec);
	}

	/** The content window went away (reload, Re-launch, closed window). */
	function contentGone(s) {
		if (!s) return;
		if (s.state === 'running') {
			s.state = 'closed';
			var rec = loadRecord(s.pkg.slug);
			var mine = rec && rec.sessions[s.recordIndex];
			if (mine) {
				mine.ended = 'closed';
				mine.endedAt = new Date().toISOString();
				mine.exit = exitOf(s.pkg.version, rec.cmi);
				rec.totalSeconds += sessionSeconds(s.pkg.version, rec.cmi);
				saveRecord(rec);
			}
			addError({
				source: 'lms',
				session: s.id,
				message:
					'The module was closed without calling ' +
					s.v.m.terminate +
					': the LMS keeps only what was last committed' +
					(rec && rec.savedAt ? ' (' + rec.savedBy + ')' : ' (nothing, in this attempt)') +
					'.'
			});
		}
		// Offer a fresh API for whatever loads next in the same frame or window (a reload).
		if (state.session === s && s.api) installSession(createSession(s.pkg));
		scheduleRender();
	}

	/* ---------- the API calls ---------- */

	function injectFault(s, kind) {
		var c = s.v.codes;
		if (fault === 'init-false' && kind === 'initialize') {
			var i = ++state.faultCounts.init;
			if (i <= initFails)
				return {
					result: 'false',
					code: c.init,
					message:
						'Mock LMS: Initialize refused' +
						(initFails === Infinity ? '' : ', ' + i + ' of the first ' + initFails + ' calls') +
						' (fault=init-false)'
				};
		}
		if (fault === 'setvalue-false' && kind === 'setValue') {
			var k = ++state.faultCounts.setValue;
			if (k <= failCount)
				return {
					result: 'false',
					code: c.set,
					message:
						'Mock LMS: SetValue refused, ' +
						k +
						' of the first ' +
						failCount +
						' calls (fault=setvalue-false)'
				};
		}
		if (fault === 'commit-flaky' && kind === 'commit') {
			var j = ++state.faultCounts.commit;
			if (j % 2 === 1)
				return {
					result: 'false',
					code: c.commit,
					message:
						'Mock LMS: Commit failed, commit ' + j + ' (every other one fails, fault=commit-flaky)'
				};
		}
		if (state.outage && (kind === 'setValue' || kind === 'commit')) {
			return {
				result: 'false',
				code: kind === 'commit' ? c.commit : c.set,
				message: 'Mock LMS: ' + kind + ' refused, the LMS is down (mockLms.outage)'
			};
		}
		if (fault === 'commit-twice' && kind === 'commit') {
			var w = ++state.faultCounts.commit;
			if (w % 3 !== 0)
				return {
					result: 'false',
					code: c.commit,
					message:
						'Mock LMS: Commit failed, commit ' +
						w +
						' (two fail, then one works, fault=commit-twice)'
				};
		}
		if (fault === 'throws-5th') {
			var a = ++state.faultCounts.any;
			if (a % 5 === 0)
				return {
					throws: true,
					code: c.exception,
					message:
						'Mock LMS: ' +
						kind +
						' threw an exception, call ' +
						a +
						' (every fifth one, fault=throws-5th)'
				};
		}
		if (fault === 'throws' && kind === 'setValue') {
			var t = ++state.faultCounts.throwsSet;
			if (t % 3 === 0)
				return {
					throws: true,
					code: c.exception,
					message:
						'Mock LMS: SetValue threw an exception, call ' + t + ' (every third one, fault=throws)'
				};
		}
		return null;
	}

	var ID_ELEMENT =
		/^cmi\.(interactions\.\d+\.id|objectives\.\d+\.id|interactions\.\d+\.objectives\.\d+\.id)$/;

	/** Checks scorm-again leaves to the LMS. Returns { code, message } to refuse the value, or null. */
	function strictCheck(s, element, value) {
		var el = String(element);
		if (value !== undefined && value !== null && typeof value !== 'string') {
			warnOnce(
				s,
				'type:' + el.replace(/\.\d+\./g, '.n.'),
				el +
					' was given a ' +
					typeof value +
					' (' +
					short(value, 40) +
					'): SCORM values are strings; some LMSs refuse anything else.',
				{ element: el }
			);
		}
		var str = value === undefined || value === null ? '' : String(value);
		var c = s.v.codes;
		if (s.pkg.version === '1.2') {
			if (el === 'cmi.suspend_data' && str.length > SUSPEND_LIMIT) {
				return {
					code: c.format,
					message:
						'cmi.suspend_data is ' +
						str.length.toLocaleString('en-GB') +
						' characters: SCORM 1.2 allows 4,096 (CMIString4096)'
				};
			}
			if (ID_ELEMENT.test(el)) {
				if (!/^[\x21-\x7E]{1,255}$/.test(str))
					return {
						code: c.format,
						message:
							el +
							' “' +
							short(str, 60) +
							'” is not a CMIIdentifier (1–255 printable characters, no spaces)'
					};
				if (!/^[A-Za-z0-9_-]+$/.test(str)) {
					warnOnce(
						s,
						'id-chars',
						'SCORM 1.2 defines CMIIdentifier as letters, digits, “-” and “_”; ' +
							el +
							' “' +
							str +
							'” has other characters. Most LMSs accept them; a strict one may not.',
						{ element: el }
					);
				}
			}
			var m = /^cmi\.interactions\.(\d+)\.(student_response|correct_responses\.\d+\.pattern)$/.exec(
				el
			);
			if (m) {
				var type = s.types[m[1]];
				if (type === 'choice' && !/^([0-9a-z](,[0-9a-z])*)?$/.test(str)) {
					return {
						code: c.format,
						message:
							el +
							' “' +
							short(str, 60) +
							'” is not a SCORM 1.2 choice response (single characters 0–9 or a–z, separated by commas)'
					};
				}
				if (type === 'true-false' && !/^[01tf]$/.test(str)) {
					return {
						code: c.format,
						message:
							el + ' “' + short(str, 60) + '” is not a SCORM 1.2 true-false response (0, 1, t or f)'
					};
				}
			}
		} else {
			if (el === 'cmi.suspend_data' && str.length > SUSPEND_LIMIT) {
				warnOnce(
					s,
					'suspend-long',
					'cmi.suspend_data is ' +
						str.length.toLocaleString('en-GB') +
						' characters: SCORM 2004 allows 64,000, but this course should stay within 4,096 so that it also works in SCORM 1.2 LMSs.',
					{ element: el }
				);
			}
			if (ID_ELEMENT.test(el) && /\s/.test(str)) {
				return {
					code: c.format,
					message:
						el +
						' “' +
						short(str, 60) +
						'” contains white space: identifiers are URIs (long_identifier_type)'
				};
			}
		}
		return null;
	}

	function errorCall(s, kind, name, args) {
		var api = s.api;
		if (kind === 'getLastError') return s.injected !== null ? s.injected : String(api[name]());
		if (kind === 'getDiagnostic' && s.injected !== null && s.diagnostic) {
			var code = args[0] === undefined || args[0] === null ? '' : String(args[0]);
			if (code === '' || code === s.injected) return s.diagnostic.slice(0, 255);
		}
		return String(api[name].apply(api, args));
	}

	function apiCall(s, kind, name, args) {
		var isErrorCall = ERROR_KINDS[kind] === true;
		if (fault === 'slow' && !isErrorCall) busyWait(delayMs);
		var rec = {
			n: state.calls.length + 1,
			t: elapsed(),
			session: s.id,
			method: name,
			element:
				kind === 'getValue' ||
				kind === 'setValue' ||
				kind === 'getErrorString' ||
				kind === 'getDiagnostic'
					? String(args[0] === undefined ? '' : args[0])
					: '',
			value:
				kind === 'setValue'
					? args[1] === undefined
						? ''
						: args[1]
					: kind === 'initialize' || kind === 'terminate' || kind === 'commit'
						? String(args[0] === undefined ? '' : args[0])
						: undefined,
			result: '',
			error: ''
		};
		var api;
		try {
			api = s.api || prepareApi(s);
		} catch (e) {
			rec.result = 'false';
			rec.error = '101';
			rec.threw = String(e && e.message);
			pushCall(rec);
			addError({
				source: 'lms',
				session: s.id,
				method: name,
				message: 'The mock LMS could not set up the API: ' + rec.threw
			});
			return 'false';
		}

		var result;
		var inj = isErrorCall ? null : injectFault(s, kind);
		if (inj && inj.throws) {
			s.injected = inj.code;
			s.diagnostic = inj.message;
			rec.result = '(threw an exception)';
			rec.error = inj.code;
			rec.injected = true;
			rec.threw = inj.message;
			pushCall(rec);
			addError({
				source: 'fault',
				session: s.id,
				method: name,
				element: rec.element,
				value: rec.value,
				code: inj.code,
				message: inj.message
			});
			throw new Error(inj.message);
		}
		if (inj) {
			result = inj.result;
			s.injected = inj.code;
			s.diagnostic = inj.message;
			rec.injected = true;
		} else if (isErrorCall) {
			try {
				result = errorCall(s, kind, name, args);
			} catch {
				result = '';
			}
		} else {
			s.injected = null;
			s.diagnostic = '';
			var refused = kind === 'setValue' ? strictCheck(s, args[0], args[1]) : null;
			// scorm-again silently drops a value that is not a string (SetValue still says "true");
			// LMSs convert it, so do that (strictCheck has warned).
			if (
				kind === 'setValue' &&
				!refused &&
				args[1] !== undefined &&
				args[1] !== null &&
				typeof args[1] !== 'string'
			)
				args = [args[0], String(args[1])];
			if (refused) {
				result = 'false';
				s.injected = refused.code;
				s.diagnostic = refused.message;
				rec.strict = true;
			} else {
				try {
					result = String(api[name].apply(api, args));
				} catch (e) {
					result = 'false';
					s.injected = s.v.codes.exception;
					s.diagnostic = 'scorm-again threw: ' + (e && e.message);
				}
			}
		}
		rec.result = result;
		if (!isErrorCall) {
			var code = s.injected !== null ? s.injected : String(api.lastErrorCode || '0');
			rec.error = code;
			after(s, kind, args, result, rec);
		}
		pushCall(rec);
		return result;
	}

	/** What the LMS does after a call: state, storage, and the problem lists. */
	function after(s, kind, args, result, rec) {
		var ok = result === 'true';
		if (kind === 'initialize' && ok) {
			s.state = 'running';
			s.startedAt = Date.now();
			recordStart(s);
			announce(
				'Session ' +
					s.id +
					' started: the module called ' +
					rec.method +
					' (entry “' +
					s.entry +
					'”).'
			);
		} else if (kind === 'initialize' && fault === 'init-false') {
			s.state = 'refused';
		} else if (kind === 'setValue' && ok) {
			var m = /^cmi\.interactions\.(\d+)\.type$/.exec(String(args[0]));
			if (m) s.types[m[1]] = String(args[1]);
		} else if (kind === 'commit' && ok) {
			persist(s, 'commit');
		} else if (kind === 'terminate' && ok && fault === 'beacon-refused') {
			// As a refused sendBeacon: the module was told "true", the LMS got nothing from this call.
			s.state = 'finished';
			var kept = loadRecord(s.pkg.slug);
			var own = kept && kept.sessions[s.recordIndex];
			if (own) {
				own.ended = 'terminated';
				own.endedAt = new Date().toISOString();
				own.exit = exitOf(s.pkg.version, kept.cmi);
				kept.totalSeconds += sessionSeconds(s.pkg.version, kept.cmi);
				saveRecord(kept);
			}
			addWarning({
				source: 'fault',
				session: s.id,
				message:
					'Mock LMS: ' +
					rec.method +
					'’s data was discarded, as a refused beacon: the LMS keeps what was last committed (fault=beacon-refused).'
			});
		} else if (kind === 'terminate' && ok) {
			persist(s, 'finish');
			s.state = 'finished';
			masteryNote(s);
			announce(
				'Session ' +
					s.id +
					' finished: the module called ' +
					rec.method +
					' and its data is stored.'
			);
		}

		if (rec.error && rec.error !== '0') {
			var basic = '';
			try {
				basic = String(s.api[s.v.m.getErrorString](rec.error));
			} catch {
				basic = '';
			}
			var problem = {
				source: rec.injected ? 'fault' : 'api',
				session: s.id,
				call: rec.n,
				method: rec.method,
				element: rec.element,
				value: rec.value,
				code: rec.error,
				message: basic + (s.diagnostic ? ': ' + s.diagnostic : '')
			};
			if (kind === 'getValue' && rec.error === '403') {
				// Spec behaviour for an element not set yet (a module checking for saved data): a note, not a problem.
				problem.message = basic;
				state.notes.push(problem);
				rec.noted = true;
			} else {
				addError(problem);
			}
		}
	}

	function masteryNote(s) {
		if (s.pkg.version !== '1.2' || masteryOverride) return;
		var cmi = renderCmi(s.api);
		var core = (cmi && cmi.core) || {};
		var mastery = cmi && cmi.student_data && cmi.student_data.mastery_score;
		if (
			core.lesson_status === 'incomplete' &&
			mastery !== '' &&
			mastery !== undefined &&
			core.score &&
			core.score.raw !== '' &&
			Number(core.score.raw) >= Number(mastery)
		) {
			warnOnce(
				s,
				'mastery',
				'lesson_status is “incomplete” but score.raw (' +
					core.score.raw +
					') is at or above the mastery score (' +
					mastery +
					'): some SCORM 1.2 LMSs change the status to “passed” on LMSFinish. Add ?mastery=override to try it.'
			);
		}
	}

	/* ---------- launching ---------- */

	function packageUrl(pkg) {
		return (
			'/dist/' +
			encodeURIComponent(pkg.slug) +
			'/' +
			pkg.launch.split('/').map(encodeURIComponent).join('/')
		);
	}

	function waitFor(check, timeoutMs) {
		return new Promise(function (done) {
			var start = Date.now();
			(function poll() {
				var ok = false;
				try {
					ok = check();
				} catch {
					ok = false;
				}
				if (ok || Date.now() - start > timeoutMs) return done(ok);
				setTimeout(poll, 50);
			})();
		});
	}

	/** Unloads the module (its pagehide handler calls LMSFinish), keeping the frame or window. */
	function closeContent() {
		if (state.iframe) {
			var frame = state.iframe;
			return new Promise(function (done) {
				var finished = false;
				var end = function () {
					if (finished) return;
					finished = true;
					frame.remove();
					if (state.iframe === frame) state.iframe = null;
					done();
				};
				frame.addEventListener('load', end, { once: true });
				setTimeout(end, 20000 + (fault === 'slow' ? delayMs * 10 : 0));
				try {
					frame.contentWindow.location.replace('about:blank');
				} catch {
					frame.src = 'about:blank';
				}
			});
		}
		if (state.popup && !state.popup.closed) {
			var win = state.popup;
			try {
				win.location.replace('about:blank');
			} catch {
				/* the window is gone or elsewhere */
			}
			return waitFor(function () {
				return (
					win.closed ||
					(win.location.href === 'about:blank' && win.document.readyState === 'complete')
				);
			}, 20000).then(function () {});
		}
		return Promise.resolve();
	}

	function watchContentWindow(win) {
		if (!win || !win.document || win.document.__mockLmsWatched) return;
		win.document.__mockLmsWatched = true;
		state.frameLoads += 1;
		// Capture: runs before the module's own pagehide listeners, even if one of them stops the
		// event; the check waits until they have all run (the module's calls LMSFinish).
		win.addEventListener(
			'pagehide',
			function () {
				var gone = state.session;
				setTimeout(function () {
					contentGone(gone);
				}, 0);
			},
			true
		);
		scheduleRender();
	}

	function openInFrame(pkg) {
		var frame = document.createElement('iframe');
		frame.id = 'module-frame';
		frame.title = 'Course module: ' + pkg.title;
		frame.addEventListener('load', function () {
			var win = frame.contentWindow;
			try {
				if (win && win.location.href !== 'about:blank') watchContentWindow(win);
			} catch {
				/* cross-origin: cannot happen here */
			}
		});
		frame.src = packageUrl(pkg);
		$('module-slot').replaceChildren(frame);
		state.iframe = frame;
	}

	function showPopupPanel(pkg, message) {
		var slot = $('module-slot');
		var box = text('div', null, 'placeholder');
		box.appendChild(text('p', message));
		var open = state.popup && !state.popup.closed;
		var button = text(
			'button',
			open ? 'Bring the module window to the front' : 'Open the module in a new window',
			'button'
		);
		button.type = 'button';
		button.id = 'open-window';
		button.addEventListener('click', function () {
			if (state.popup && !state.popup.closed) state.popup.focus();
			else openPopup(pkg);
		});
		box.appendChild(button);
		slot.replaceChildren(box);
	}

	function openPopup(pkg) {
		var url = packageUrl(pkg);
		if (state.popup && !state.popup.closed) {
			state.popup.location.replace(url);
		} else {
			state.popup = window.open(url, 'conduct-scenarios-module', 'popup=yes,width=1100,height=850');
		}
		if (!state.popup) {
			showPopupPanel(
				pkg,
				'Your browser blocked the new window. Allow pop-ups for this page, then press the button again.'
			);
			return;
		}
		var win = state.popup;
		clearInterval(state.popupTimer);
		state.popupTimer = setInterval(function () {
			if (win.closed) {
				clearInterval(state.popupTimer);
				if (state.popup === win) showPopupPanel(pkg, 'The module window was closed.');
				scheduleRender();
				return;
			}
			try {
				if (win.location.pathname.indexOf('/dist/') === 0 && win.document.readyState === 'complete')
					watchContentWindow(win);
			} catch {
				/* navigating */
			}
		}, 100);
		showPopupPanel(
			pkg,
			'The module is open in a new window, as some LMSs launch it. It finds the SCORM API on this page (its opener).'
		);
	}

	function launch(pkg, reason, options) {
		if (state.busy) return Promise.resolve(false);
		state.busy = true;
		setControlsBusy(true);
		return closeContent().then(function () {
			if (options && options.clearModuleCopy) clearModuleStorage();
			state.pkg = pkg;
			try {
				localStorage.setItem(LAST_KEY, pkg.slug);
			} catch {
				/* private mode */
			}
			updateAddress(pkg);
			var s = createSession(pkg);
			installSession(s);
			pushMarker(s, reason);
			$('module-name').textContent = '– ' + pkg.title + ' (' + VERSIONS[pkg.version].label + ')';
			if (fault === 'opener') {
				if (state.popup && !state.popup.closed) openPopup(pkg);
				else if (reason !== 'first launch') openPopup(pkg);
				else
					showPopupPanel(
						pkg,
						'This launch uses a new window (fault=opener): the module finds the SCORM API on its opener, this page.'
					);
			} else {
				openInFrame(pkg);
			}
			syncPicker(pkg);
			state.busy = false;
			setControlsBusy(false);
			state.ready = true;
			scheduleRender();
			return true;
		});
	}

	function relaunch(options) {
		if (!state.pkg) return Promise.resolve(false);
		var clear =
			options && options.clearModuleCopy !== undefined
				? !!options.clearModuleCopy
				: $('relaunch-local').checked;
		return launch(state.pkg, clear ? 're-launch, module’s own copy cleared' : 're-launch', {
			clearModuleCopy: clear
		}).then(function (ok) {
			if (ok)
				announce(
					'Re-launched ' +
						state.pkg.slug +
						' with its stored data' +
						(clear ? ' only (the module’s own copy in this browser was cleared)' : '') +
						'.'
				);
			return ok;
		});
	}

	function resetAttempt() {
		if (!state.pkg || state.busy) return Promise.resolve(false);
		var pkg = state.pkg;
		state.busy = true;
		return closeContent().then(function () {
			// Discard what the closing module just stored, then start again.
			removeRecord(pkg.slug);
			var cleared = $('reset-local').checked ? clearModuleStorage() : 0;
			state.busy = false;
			return launch(pkg, 'reset').then(function (ok) {
				announce(
					'Attempt reset for ' +
						pkg.slug +
						(cleared ? ' (and the module’s own copy in this browser cleared)' : '') +
						'. This launch is a first attempt.'
				);
				return ok;
			});
		});
	}

	function updateAddress(pkg) {
		var p = new URLSearchParams(location.search);
		p.set('package', pkg.slug);
		p.delete('council');
		p.delete('scorm');
		p.delete('reset');
		try {
			history.replaceState(null, '', '?' + p.toString());
		} catch {
			/* not important */
		}
	}

	/* ---------- package picker ---------- */

	function variantLabel(v) {
		if (!v) return 'Standard (assessed)';
		var parts = v.split('-');
		var out = [];
		for (var i = 0; i < parts.length; i++) {
			if (parts[i] === 'practice') out.push('Practice');
			else if (parts[i] === 'sel' && parts[i + 1]) out.push('Selection ' + parts[++i]);
			else out.push(parts[i]);
		}
		return out.join(', ');
	}

	function findPackage(council, version, variant) {
		return (
			state.packages.filter(function (p) {
				return p.council === council && p.version === version && p.variant === variant;
			})[0] || null
		);
	}

	function councils() {
		var seen = {};
		var out = [];
		state.packages.forEach(function (p) {
			if (!seen[p.council]) {
				seen[p.council] = true;
				out.push({ id: p.council, name: p.councilName });
			}
		});
		return out.sort(function (a, b) {
			return a.name.localeCompare(b.name, 'en-GB');
		});
	}

	function pickedVersion() {
		return $('version-2004').checked ? '2004' : '1.2';
	}

	function fillVariants(keep) {
		var council = $('council').value;
		var version = pickedVersion();
		var select = $('variant');
		var variants = state.packages
			.filter(function (p) {
				return p.council === council && p.version === version;
			})
			.map(function (p) {
				return p.variant;
			});
		select.replaceChildren();
		variants.forEach(function (v) {
			var o = document.createElement('option');
			o.value = v;
			o.textContent = variantLabel(v);
			select.appendChild(o);
		});
		if (!variants.length) {
			var none = document.createElement('option');
			none.value = '__none__';
			none.textContent = 'No ' + VERSIONS[version].label + ' build';
			select.appendChild(none);
		}
		if (keep !== undefined && variants.indexOf(keep) >= 0) select.value = keep;
		$('launch').disabled = !variants.length;
	}

	function syncPicker(pkg) {
		$('council').value = pkg.council;
		$('version-12').checked = pkg.version === '1.2';
		$('version-2004').checked = pkg.version === '2004';
		fillVariants(pkg.variant);
		var other = pkg.version === '1.2' ? '2004' : '1.2';
		var twin = findPackage(pkg.council, other, pkg.variant);
		var sw = $('switch-version');
		sw.textContent = twin
			? 'Switch to ' + VERSIONS[other].label
			: 'No ' + VERSIONS[other].label + ' build of this package';
		sw.disabled = !twin;
	}

	function buildPicker() {
		var select = $('council');
		select.replaceChildren();
		councils().forEach(function (c) {
			var o = document.createElement('option');
			o.value = c.id;
			o.textContent = c.name;
			select.appendChild(o);
		});
		select.addEventListener('change', function () {
			fillVariants('');
		});
		$('version-12').addEventListener('change', function () {
			fillVariants($('variant').value);
		});
		$('version-2004').addEventListener('change', function () {
			fillVariants($('variant').value);
		});
		$('picker').addEventListener('submit', function (e) {
			e.preventDefault();
			var pkg = findPackage($('council').value, pickedVersion(), $('variant').value);
			if (pkg)
				launch(pkg, 'picked').then(function () {
					announce('Launched ' + pkg.slug + '.');
				});
		});
	}

	function choosePackage() {
		var bySlug = function (slug) {
			return (
				state.packages.filter(function (p) {
					return p.slug === slug;
				})[0] || null
			);
		};
		var wanted = params.get('package');
		if (wanted) {
			var p = bySlug(wanted);
			if (p) return p;
			showPickerMessage(
				'There is no package called “' + wanted + '” in dist/. Showing another one instead.'
			);
		}
		var council = params.get('council');
		if (council) {
			var scorm = params.get('scorm') === '2004' ? '2004' : '1.2';
			var q = findPackage(council, scorm, '');
			if (q) return q;
			showPickerMessage(
				'There is no standard ' +
					VERSIONS[scorm].label +
					' package for “' +
					council +
					'” in dist/. Showing another one instead.'
			);
		}
		var last = null;
		try {
			last = localStorage.getItem(LAST_KEY);
		} catch {
			last = null;
		}
		return (last && bySlug(last)) || bySlug(DEFAULT_SLUG) || state.packages[0];
	}

	function showPickerMessage(message) {
		var el = $('picker-message');
		el.textContent = message;
		el.hidden = false;
	}

	/* ---------- the inspector ---------- */

	var renderPending = false;
	function scheduleRender() {
		if (renderPending) return;
		renderPending = true;
		setTimeout(function () {
			renderPending = false;
			render();
		}, 40);
	}

	function fact(dl, term, value, opts) {
		dl.appendChild(text('dt', term));
		var dd = document.createElement('dd');
		if (value instanceof Node) dd.appendChild(value);
		else if (value === '' || value === null || value === undefined)
			dd.appendChild(text('span', (opts && opts.empty) || 'empty', 'empty'));
		else dd.textContent = String(value);
		dl.appendChild(dd);
		return dd;
	}

	var STATE_LABELS = {
		waiting: 'Waiting for the module to call Initialize',
		running: 'Running: initialised',
		finished: 'Finished: the module called LMSFinish / Terminate',
		closed: 'Closed without LMSFinish / Terminate',
		refused: 'Initialise refused (simulated problem)'
	};

	function currentCmi() {
		var s = state.session;
		if (s && s.api) return renderCmi(s.api);
		var rec = state.pkg && loadRecord(state.pkg.slug);
		return rec && rec.cmi ? clone(rec.cmi) : {};
	}

	function renderSession() {
		var dl = $('session');
		dl.replaceChildren();
		var s = state.session;
		var pkg = state.pkg;
		if (!pkg) {
			fact(dl, 'Package', null, { empty: 'none launched' });
			return;
		}
		var rec = loadRecord(pkg.slug);
		fact(dl, 'Package', pkg.slug);
		fact(
			dl,
			'Version',
			pkg.schemaVersion +
				(pkg.masteryScore !== null ? ', pass mark ' + pkg.masteryScore + '%' : ', no pass mark')
		);
		fact(dl, 'Attempt', rec ? rec.attempt : 1);
		if (s) {
			fact(
				dl,
				'Session',
				s.id +
					': ' +
					(fault === 'no-api' ? 'no API offered (simulated problem)' : STATE_LABELS[s.state])
			);
			fact(dl, 'Entry', s.entry === null ? null : '“' + s.entry + '” – ' + s.entryWhy, {
				empty: 'decided when the module first calls the API'
			});
		}
		fact(dl, 'Learner', LEARNER.name + ' (' + LEARNER.id + ')');
		fact(
			dl,
			'Stored',
			rec && rec.savedAt
				? new Date(rec.savedAt).toLocaleTimeString('en-GB') + ', on ' + rec.savedBy
				: null,
			{ empty: 'nothing yet' }
		);
		fact(
			dl,
			'Simulated problem',
			fault === 'none'
				? 'none'
				: FAULT_LABELS[fault] +
						(fault === 'setvalue-false'
							? ' (first ' + failCount + ')'
							: fault === 'slow'
								? ' (' + delayMs + ' ms a call)'
								: '')
		);
		if (requestedFault !== fault)
			fact(
				dl,
				'Unknown fault',
				'“' + requestedFault + '” is not one of ' + FAULTS.join(', ') + '; using none'
			);
		if (masteryOverride) fact(dl, 'Mastery score', 'overrides lesson_status on LMSFinish');
	}

	function suspendFact(value) {
		var len = String(value || '').length;
		var wrap = document.createElement('span');
		var label = text(
			'span',
			len.toLocaleString('en-GB') + ' of ' + SUSPEND_LIMIT.toLocaleString('en-GB') + ' characters'
		);
		if (len > SUSPEND_LIMIT) {
			label.className = 'over-text';
			label.textContent += ' – over the limit';
		}
		wrap.appendChild(label);
		var meter = text('span', null, 'meter' + (len > SUSPEND_LIMIT ? ' over' : ''));
		meter.setAttribute('aria-hidden', 'true');
		var bar = document.createElement('span');
		bar.style.width = Math.min(100, (len / SUSPEND_LIMIT) * 100) + '%';
		meter.appendChild(bar);
		wrap.appendChild(meter);
		if (len) wrap.appendChild(text('span', short(value, 160), 'value-preview'));
		return wrap;
	}

	function values(o) {
		return o
			? Object.keys(o)
					.sort(function (a, b) {
						return Number(a) - Number(b);
					})
					.map(function (k) {
						return o[k];
					})
			: [];
	}

	function renderCmiFacts() {
		var dl = $('cmi-facts');
		dl.replaceChildren();
		var pkg = state.pkg;
		var cmi = currentCmi() || {};
		var interactions = values(cmi.interactions);
		var objectives = values(cmi.objectives);
		if (!pkg) return;
		if (pkg.version === '1.2') {
			var core = cmi.core || {};
			var score = core.score || {};
			fact(dl, 'lesson_status', core.lesson_status);
			fact(
				dl,
				'score.raw',
				score.raw === undefined || score.raw === ''
					? ''
					: score.raw + ' (min ' + (score.min || '–') + ', max ' + (score.max || '–') + ')'
			);
			fact(dl, 'lesson_location', core.lesson_location);
			fact(dl, 'entry', core.entry);
			fact(dl, 'exit', core.exit);
			fact(dl, 'session_time', core.session_time);
			var total = core.total_time;
			try {
				if (!total && state.session && state.session.api)
					total = state.session.api.cmi.core.total_time;
			} catch {
				total = '';
			}
			fact(dl, 'total_time', total);
		} else {
			var sc = cmi.score || {};
			fact(dl, 'completion_status', cmi.completion_status);
			fact(dl, 'success_status', cmi.success_status);
			fact(
				dl,
				'score.scaled',
				sc.scaled === undefined || sc.scaled === ''
					? ''
					: sc.scaled + (sc.raw !== '' && sc.raw !== undefined ? ' (raw ' + sc.raw + ')' : '')
			);
			fact(dl, 'progress_measure', cmi.progress_measure);
			fact(dl, 'location', cmi.location);
			fact(dl, 'entry', cmi.entry);
			fact(dl, 'exit', cmi.exit);
			fact(dl, 'session_time', cmi.session_time);
			fact(dl, 'total_time', cmi.total_time);
		}
		fact(dl, 'suspend_data', suspendFact(cmi.suspend_data));
		fact(dl, 'interactions', String(interactions.length));
		fact(dl, 'objectives', String(objectives.length));

		var ib = $('interactions');
		ib.replaceChildren();
		interactions.forEach(function (it, i) {
			var tr = document.createElement('tr');
			var resp = pkg.version === '1.2' ? it.student_response : it.learner_response;
			var correct = values(it.correct_responses)
				.map(function (c) {
					return c.pattern;
				})
				.join(', ');
			[String(i), it.id, resp, correct, it.result, it.latency].forEach(function (v, col) {
				tr.appendChild(text('td', v === undefined ? '' : v, col === 1 ? 'mono' : ''));
			});
			ib.appendChild(tr);
		});
		if (!interactions.length) emptyRow(ib, 6, 'None yet');

		var ob = $('objectives');
		ob.replaceChildren();
		objectives.forEach(function (o, i) {
			var tr = document.createElement('tr');
			var score = o.score || {};
			var status =
				pkg.version === '1.2'
					? o.status
					: [o.success_status, o.completion_status].filter(Boolean).join(', ');
			var scoreText =
				pkg.version === '1.2'
					? score.raw
					: score.scaled !== undefined && score.scaled !== ''
						? 'scaled ' + score.scaled
						: score.raw;
			[String(i), o.id, status, scoreText].forEach(function (v, col) {
				tr.appendChild(text('td', v === undefined ? '' : v, col === 1 ? 'mono' : ''));
			});
			ob.appendChild(tr);
		});
		if (!objectives.length) emptyRow(ob, 4, 'None yet');
	}

	function emptyRow(tbody, cols, message) {
		var tr = document.createElement('tr');
		tr.className = 'empty-row';
		var td = text('td', message);
		td.colSpan = cols;
		tr.appendChild(td);
		tbody.appendChild(tr);
	}

	function problemText(p) {
		var where = [];
		if (p.session !== null && p.session !== undefined) where.push('session ' + p.session);
		if (p.call) where.push('call ' + p.call);
		var head = p.method
			? p.method +
				(p.element
					? '(' +
						p.element +
						(p.value !== undefined && p.method.indexOf('SetValue') >= 0
							? ', ' + short(p.value, 40)
							: '') +
						')'
					: '') +
				(p.code ? ' → ' + p.code : '') +
				': '
			: '';
		return (where.length ? '[' + where.join(', ') + '] ' : '') + head + p.message;
	}

	function renderProblems() {
		var box = $('problems');
		box.replaceChildren();
		var notes = state.notes.length
			? plural(state.notes.length, 'GetValue call') +
				' asked for ' +
				(state.notes.length === 1 ? 'an element' : 'elements') +
				' not set yet (403): normal when a module looks for saved data.'
			: '';
		if (!state.errors.length && !state.warnings.length) {
			box.appendChild(text('p', 'No errors or warnings.'));
			if (notes) box.appendChild(text('p', notes, 'hint'));
			return;
		}
		box.appendChild(
			text('p', plural(state.errors.length, 'error'), state.errors.length ? 'problem-error' : '')
		);
		if (state.errors.length) {
			var ul = text('ul', null, 'errors');
			state.errors.slice(-50).forEach(function (p) {
				ul.appendChild(text('li', problemText(p)));
			});
			box.appendChild(ul);
		}
		box.appendChild(
			text(
				'p',
				plural(state.warnings.length, 'warning'),
				state.warnings.length ? 'problem-warning' : ''
			)
		);
		if (state.warnings.length) {
			var wl = text('ul', null, 'warnings');
			state.warnings.slice(-50).forEach(function (p) {
				wl.appendChild(text('li', problemText(p)));
			});
			box.appendChild(wl);
		}
		if (notes) box.appendChild(text('p', notes, 'hint'));
	}

	var MAX_CALL_ROWS = 1500;
	function pushCall(rec) {
		state.calls.push(rec);
		appendCallRow(rec);
		scheduleRender();
	}

	function pushMarker(s, reason) {
		var tr = document.createElement('tr');
		tr.className = 'session-row';
		var td = text('td', 'Session ' + s.id + ': ' + s.pkg.slug + ' launched (' + reason + ')');
		td.colSpan = 6;
		tr.appendChild(td);
		addRow(tr);
	}

	function addRow(tr) {
		var scroller = $('calls-scroll');
		var atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 30;
		var body = $('calls');
		body.appendChild(tr);
		while (body.childElementCount > MAX_CALL_ROWS) body.firstElementChild.remove();
		if (atBottom) scroller.scrollTop = scroller.scrollHeight;
	}

	function appendCallRow(rec) {
		var tr = document.createElement('tr');
		var failed = (rec.error && rec.error !== '0' && !rec.noted) || rec.threw;
		tr.className =
			(failed ? 'failed' : rec.noted ? 'noted' : '') +
			(isErrorMethod(rec.method) ? ' error-call' : '');
		if (isErrorMethod(rec.method) && $('hide-error-calls').checked) tr.classList.add('hidden-call');
		var value =
			rec.value === undefined
				? ''
				: rec.value === '' && rec.element === ''
					? '""'
					: short(rec.value, 80);
		var err = rec.error === '' ? '–' : rec.error;
		var returned =
			short(rec.result, 80) +
			(rec.injected ? ' (simulated fault)' : rec.strict ? ' (strict check)' : '');
		[String(rec.n), rec.method, rec.element, value, returned, err].forEach(function (v, i) {
			tr.appendChild(text('td', v, i === 2 || i === 3 ? 'mono' : i === 1 ? 'nowrap' : ''));
		});
		addRow(tr);
	}

	function isErrorMethod(name) {
		return /GetLastError|GetErrorString|GetDiagnostic/.test(name);
	}

	function render() {
		renderSession();
		renderCmiFacts();
		renderProblems();
		$('calls-count').textContent = '(' + state.calls.length.toLocaleString('en-GB') + ')';
		var rec = state.pkg && loadRecord(state.pkg.slug);
		$('stored').textContent = rec
			? JSON.stringify(rec, null, 2)
			: 'Nothing stored for this package yet.';
	}

	function setControlsBusy(busy) {
		['relaunch', 'reset', 'launch'].forEach(function (id) {
			$(id).disabled = busy;
		});
		if (busy) $('switch-version').disabled = true;
	}

	function wireControls() {
		$('relaunch').addEventListener('click', function () {
			relaunch();
		});
		$('reset').addEventListener('click', function () {
			resetAttempt();
		});
		$('switch-version').addEventListener('click', function () {
			var pkg = state.pkg;
			if (!pkg) return;
			var twin = findPackage(pkg.council, pkg.version === '1.2' ? '2004' : '1.2', pkg.variant);
			if (twin)
				launch(twin, 'version switch').then(function () {
					announce('Switched to ' + twin.slug + '.');
				});
		});
		$('hide-error-calls').addEventListener('change', function () {
			var hide = $('hide-error-calls').checked;
			Array.prototype.forEach.call(
				document.querySelectorAll('#calls tr.error-call'),
				function (tr) {
					tr.classList.toggle('hidden-call', hide);
				}
			);
		});
		$('fault').value = fault;
		$('fault-form').addEventListener('submit', function (e) {
			e.preventDefault();
			var p = new URLSearchParams(location.search);
			var f = $('fault').value;
			if (f === 'none') p.delete('fault');
			else p.set('fault', f);
			location.search = p.toString();
		});
	}

	/* ---------- start ---------- */

	function start() {
		wireControls();
		if (params.get('reset') === '1' && params.get('package')) removeRecord(params.get('package'));
		fetch('/api/packages', { cache: 'no-store' })
			.then(function (r) {
				if (!r.ok) throw new Error('HTTP ' + r.status);
				return r.json();
			})
			.then(function (list) {
				state.packages = list;
				if (!list.length) {
					$('module-placeholder').textContent =
						'There are no packages in dist/ yet. Run “npm run package” (or “npm start”, which does it for you), then reload this page.';
					setControlsBusy(true);
					state.ready = true;
					return;
				}
				buildPicker();
				var pkg = choosePackage();
				if (params.get('reset') === '1' && !params.get('package')) removeRecord(pkg.slug);
				return launch(pkg, 'first launch');
			})
			.catch(function (e) {
				$('module-placeholder').textContent =
					'The list of packages could not be loaded (' +
					e.message +
					'). Is the server (npm start) still running?';
				state.ready = true;
			});
		render();
	}

	/* ---------- for tests and the browser console ---------- */

	window.mockLms = {
		/** Every API call: { n, t, session, method, element, value, result, error, injected?, strict?, threw?, noted? } */
		calls: state.calls,
		/** API calls that returned an error code, simulated faults and LMS-side problems: { source, session, method, element, code, message, … } */
		errors: state.errors,
		/** Things a strict LMS might refuse, and LMS notes (e.g. a new attempt started). */
		warnings: state.warnings,
		/** GetValue calls answered with 403 (element not set yet): spec behaviour, not a problem. */
		notes: state.notes,
		/** scorm-again's own log messages (warnings and errors). */
		libraryLog: state.libraryLog,
		/** The CMI now, as plain JSON (scorm-again's renderCMIToJSONObject().cmi; write-only elements included); the stored copy before the module starts. */
		cmi: function () {
			return currentCmi();
		},
		/** The CMI now as { "cmi.core.lesson_status": … } (scorm-again's getFlattenedCMI), or {} before the module starts. */
		flat: function () {
			return state.session && state.session.api ? clone(state.session.api.getFlattenedCMI()) : {};
		},
		/** What the LMS keeps for the current package: { attempt, sessions: [{ entry, exit, ended }], cmi, totalSeconds, … }, or null. */
		stored: function () {
			return state.pkg ? loadRecord(state.pkg.slug) : null;
		},
		/** The current session: { id, state, entry, attempt, slug, version, fault }. */
		session: function () {
			var s = state.session;
			return s
				? {
						id: s.id,
						state: s.state,
						entry: s.entry,
						attempt: s.attempt,
						slug: s.pkg.slug,
						version: s.pkg.version,
						fault: fault
					}
				: null;
		},
		/** The package being shown, as /api/packages lists it. */
		package: function () {
			return clone(state.pkg);
		},
		/** Every package in dist/. */
		packages: function () {
			return clone(state.packages);
		},
		/** True once the package list has loaded and the first launch has begun. */
		get ready() {
			return state.ready;
		},
		/** How many module documents have loaded (goes up by one with every launch or reload). */
		get frameLoads() {
			return state.frameLoads;
		},
		/** Closes and opens the module again with the stored data (like the Re-launch button); { clearModuleCopy: true } also clears the module's own localStorage in between. */
		relaunch: function (options) {
			return relaunch(options || {});
		},
		/** Deletes the stored data and launches again (like the Reset attempt button). */
		reset: resetAttempt,
		/** Launches another package by slug; resolves to false if there is none. */
		launch: function (slug) {
			var pkg = state.packages.filter(function (p) {
				return p.slug === slug;
			})[0];
			return pkg ? launch(pkg, 'launch()') : Promise.resolve(false);
		},
		/** Takes the LMS down (true: every SetValue and Commit fails) or up again, from now on. */
		outage: function (down) {
			state.outage = !!down;
			scheduleRender();
		},
		/** Empties the call log and the problem lists. */
		clearLog: function () {
			state.calls.length = 0;
			state.errors.length = 0;
			state.warnings.length = 0;
			state.notes.length = 0;
			$('calls').replaceChildren();
			scheduleRender();
		}
	};

	if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
	else start();
})();
