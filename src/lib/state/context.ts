import { getContext, setContext } from 'svelte';
import type { Player } from './player.svelte.js';

export const PLAYER_KEY = Symbol('player');
export const providePlayer = (p: Player) => setContext(PLAYER_KEY, p);
export const usePlayer = () => getContext<Player>(PLAYER_KEY);
