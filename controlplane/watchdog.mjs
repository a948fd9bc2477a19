// Kills the process groups this Node process started even when it dies without running any
// handler (SIGKILL): a detached /bin/sh polls our pid once a second and, once we are gone,
// SIGKILLs every group recorded in a process file whose leader still looks like what we
// started (its /proc/<pid>/cmdline contains the recorded text; guards against pid reuse).
//
//   const file = path.join(stateDir, 'processes.tsv');
//   const dog = startWatchdog(file);
//   writeProcessFile(file, [{ pid: child.pid, match: '/path/to/etcd' }]);  // after each spawn
//   ... on a normal stop: dog.stop() (and remove the file)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Writes the process file: "<pgid>\t<text in the leader's cmdline>" per line. */
export function writeProcessFile(file, entries) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, entries.map(e => `${e.pid}\t${e.match}\n`).join(''));
}

export function readProcessFile(file) {
  try {
    return fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map(l => {
        const [pid, match] = l.split('\t');
        return { pid: Number(pid), match: match ?? '' };
      })
      .filter(e => Number.isInteger(e.pid) && e.pid > 1 && e.match);
  } catch {
    return [];
  }
}

/**
 * SIGKILLs the groups recorded in `file` (by an earlier run) that are still alive and still
 * what was recorded, then removes the file. Returns what it killed.
 */
export function killRecorded(file) {
  const killed = [];
  for (const e of readProcessFile(file)) {
    let cmdline;
    try {
      cmdline = fs.readFileSync(`/proc/${e.pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    } catch {
      continue;
    }
    if (!cmdline.includes(e.match)) continue; // pid reused by something else
    try {
      process.kill(-e.pid, 'SIGKILL');
      killed.push(e);
    } catch {
      /* gone */
    }
  }
  fs.rmSync(file, { force: true });
  return killed;
}

const SCRIPT = [
  'parent=$1; file=$2; tab=$(printf "\\t")',
  'while kill -0 "$parent" 2>/dev/null; do sleep 1; done',
  '[ -f "$file" ] || exit 0',
  'while IFS="$tab" read -r pid match; do',
  '  [ -n "$pid" ] && [ -n "$match" ] || continue',
  '  cmd=$(tr "\\000" " " < "/proc/$pid/cmdline" 2>/dev/null) || continue',
  '  case "$cmd" in *"$match"*) kill -9 "-$pid" 2>/dev/null ;; esac',
  'done < "$file"',
  'rm -f "$file"',
].join('\n');

/**
 * Starts the watchdog for `file` (which may be written later and rewritten at any time).
 * @returns {{ pid: number, stop: () => void }} stop() ends the watchdog (not the groups)
 */
export function startWatchdog(file, { parentPid = process.pid } = {}) {
  const w = spawn('/bin/sh', ['-c', SCRIPT, 'ome-console-watchdog', String(parentPid), file], {
    detached: true,
    stdio: 'ignore',
  });
  w.unref();
  return {
    pid: w.pid,
    stop() {
      try {
        process.kill(w.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    },
  };
}
