import { SingleBar } from 'cli-progress';

export type Progress = { update: (done: number) => void; stop: () => void };

/** A progress bar on a terminal; plain lines at most every 10% elsewhere (CI logs, pipes). */
export function createProgress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY) {
    const bar = new SingleBar({
      format: `${label} [{bar}] {percentage}% {value}/{total} eta {eta_formatted}`,
      stream,
      hideCursor: true,
    });
    bar.start(total, 0);
    return { update: (done) => bar.update(done), stop: () => bar.stop() };
  }
  let printedTenth = 0;
  return {
    update: (done) => {
      const tenth = total > 0 ? Math.min(10, Math.floor((done * 10) / total)) : 10;
      if (tenth <= printedTenth) return;
      printedTenth = tenth;
      stream.write(`${label}: ${tenth * 10}% (${done}/${total})\n`);
    },
    stop: () => {},
  };
}
