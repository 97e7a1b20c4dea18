// Entry point: the bare botbuilder bot alone in its own process, the ceiling of the Teams invoke benchmark.
import { startBareTeamsBot } from './bare.js';

const bare = await startBareTeamsBot();
process.send?.(bare.url);
// The benchmark closes the IPC channel when it is done.
process.on('disconnect', () => {
  void bare.close().then(() => process.exit(0));
});
