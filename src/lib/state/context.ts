import { getContext, setContext } from 'svelte';
import type { Player } from './player.svelte.js';

const KEY = Symbol('player');
export const providePlayer = (p: Player) => setContext(KEY, p);
export const usePlayer = () => getContext<Player>(KEY);
