// @ts-check
// The replay bar: play/pause, step, restart, speed and loop over whichever replay is playing. Hidden
// while the data is live.
import { byTestId, inputByTestId, make, selectByTestId, setText } from './dom.js';
import { SPEEDS } from './replay-player.js';

/** @typedef {import('./replay-player.js').ReplayPlayer} ReplayPlayer */
/** @typedef {import('./replay-player.js').ReplayState} ReplayState */

/**
 * Binds the replay bar to `current()`, the replay now playing (null when live).
 * @param {() => ReplayPlayer | null} current
 */
export function bindReplayControls(current) {
  const speed = selectByTestId('replay-speed');
  speed.replaceChildren(
    ...SPEEDS.map((x) => {
      const option = make('option', { text: `${x}x` });
      option.value = String(x);
      return option;
    }),
  );
  const loop = inputByTestId('replay-loop');
  byTestId('replay-play').addEventListener('click', () => {
    const player = current();
    if (player?.state() === 'playing') player.pause();
    else player?.play();
  });
  byTestId('replay-step').addEventListener('click', () => current()?.step());
  byTestId('replay-restart').addEventListener('click', () => current()?.restart());
  speed.addEventListener('change', () => current()?.setSpeed(Number(speed.value)));
  loop.addEventListener('change', () => current()?.setLoop(loop.checked));

  return {
    /**
     * Shows the bar for a new replay (with the speed and loop chosen so far) or hides it (null).
     * @param {ReplayPlayer | null} player
     */
    attach(player) {
      byTestId('replay-controls').hidden = !player;
      if (!player) return;
      player.setSpeed(Number(speed.value));
      player.setLoop(loop.checked);
    },
    /**
     * @param {ReplayState} state
     * @param {{ bar: number, bars: number }} position
     */
    show(state, position) {
      setText('replay-play', state === 'playing' ? 'pause' : 'play');
      setText('replay-position', `${state === 'ended' ? 'ended' : state}, bar ${position.bar} of ${position.bars}`);
    },
  };
}
