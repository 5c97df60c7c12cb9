/**
 * What a scenario shows only after the learner's first choice: the feedback on a choice and the
 * ending. ScenarioStep imports this module lazily, so its code (and the verdict and clause-quote
 * code it pulls in) is not part of the first download (issue 25): the classic loader puts it in
 * the file fetched after the page's load event (src/lib/content/classic-chunks.js).
 */
export { default as Feedback } from './Feedback.svelte';
export { default as EndingView } from './EndingView.svelte';
