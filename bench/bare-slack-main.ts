// Entry point: the bare Bolt app alone in its own process, the ceiling of the Slack click benchmark.
import { startBareBolt } from './bare.js';

const bare = await startBareBolt(process.env.SLACK_SIGNING_SECRET ?? '');
process.send?.(bare.url);
// The benchmark closes the IPC channel when it is done.
process.on('disconnect', () => {
  void bare.close().then(() => process.exit(0));
});
