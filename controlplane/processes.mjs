// The control plane's child processes: each etcd and kube-apiserver runs detached in its own
// process group with its output in a log file. A ProcessGroups keeps them and makes sure they
// end: by stop(), by a process `exit` handler, by SIGINT/SIGTERM/SIGHUP when nobody else
// handles those, and by the watchdog (watchdog.mjs) when this Node process is killed outright.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { formatMs, sleep } from './kube.mjs';
import { killRecorded, startWatchdog, writeProcessFile } from './watchdog.mjs';

const PROCESS_FILE = 'processes.tsv'; // "<pid>\t<binary>" per line: every process group we started

/** Reserves `n` distinct free TCP ports on 127.0.0.1 (binds port 0, holds all, then releases). */
export async function freePorts(n) {
  const servers = [];
  try {
    for (let i = 0; i < n; i++) {
      const srv = net.createServer();
      await new Promise((res, rej) => {
        srv.once('error', rej);
        srv.listen(0, '127.0.0.1', res);
      });
      servers.push(srv);
    }
    return servers.map(s => s.address().port);
  } finally {
    await Promise.all(servers.map(s => new Promise(r => s.close(r))));
  }
}

/** The last lines of a log file, for error messages. */
export function tailFile(file, lines = 25) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Polls `check` until it returns something truthy; fails early when `proc` exits and after
 * `timeoutMs`, with the tail of the process's log in the message.
 */
export async function waitFor(what, proc, timeoutMs, check) {
  const deadline = Date.now() + timeoutMs;
  let lastErr;
  while (Date.now() < deadline) {
    if (proc && proc.exited) {
      throw new Error(`${what}: process exited (${proc.exitCode}); log ${proc.logFile}:\n${tailFile(proc.logFile)}`);
    }
    try {
      const r = await check();
      if (r) return r;
    } catch (err) {
      lastErr = err;
    }
    await sleep(150);
  }
  throw new Error(
    `${what}: not ready after ${formatMs(timeoutMs)}${lastErr ? ` (${lastErr.message})` : ''}` +
      (proc ? `; log ${proc.logFile}:\n${tailFile(proc.logFile)}` : ''),
  );
}

/** Resolves true when the process exited within `ms`, false otherwise (timer is cleared). */
function waitExit(proc, ms) {
  let timer;
  return Promise.race([
    proc.exitPromise.then(() => true),
    new Promise(r => (timer = setTimeout(() => r(false), ms))),
  ]).finally(() => clearTimeout(timer));
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // gone
  }
}

/**
 * Starts keeping the process groups of one control plane, recorded in
 * `<stateDir>/processes.tsv` for the watchdog. First kills what an earlier run in the same
 * stateDir left behind.
 *
 * @param {string} stateDir
 * @param {{ log?: (msg: string) => void }} [opts]
 */
export function startProcessGroups(stateDir, { log = console.log } = {}) {
  const processFile = path.join(stateDir, PROCESS_FILE);
  for (const { pid, match } of killRecorded(processFile)) {
    log(`controlplane: stopped stale ${path.basename(match)} (pid ${pid}) from an earlier run`);
  }
  const procs = [];
  const removeOnStop = [];
  const record = () => writeProcessFile(processFile, procs.map(p => ({ pid: p.pid, match: p.binary })));
  // kills the recorded groups if this Node process dies without running any handler (SIGKILL)
  const watchdog = startWatchdog(processFile);
  // Safety nets for when stop() is not called: on process exit, and on a signal nobody else
  // handles (the default action would kill us without running 'exit' handlers).
  const killAllSync = () => {
    for (const p of procs) if (!p.exited) killGroup(p.pid, 'SIGKILL');
    for (const d of removeOnStop) fs.rmSync(d, { recursive: true, force: true });
  };
  process.on('exit', killAllSync);
  const signalHandlers = {};
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    if (process.listenerCount(sig) > 0) continue;
    signalHandlers[sig] = () => {
      killAllSync();
      process.removeListener(sig, signalHandlers[sig]);
      process.kill(process.pid, sig); // default action again
    };
    process.on(sig, signalHandlers[sig]);
  }

  return {
    /** Spawns `binary` detached (own process group), output appended to `logFile`, and records it. */
    spawn(binary, args, logFile) {
      const fd = fs.openSync(logFile, 'a');
      const child = spawn(binary, args, { detached: true, stdio: ['ignore', fd, fd] });
      fs.closeSync(fd);
      const proc = { pid: child.pid, binary, logFile, exited: false, exitCode: null };
      proc.exitPromise = new Promise(resolve => {
        const exited = code => {
          proc.exited = true;
          proc.exitCode = code;
          resolve();
        };
        child.on('exit', (code, signal) => exited(code ?? signal));
        child.on('error', err => exited(err.message));
      });
      procs.push(proc);
      record();
      return proc;
    },
    /**
     * Stops one process group (SIGTERM, SIGKILL after graceMs) and forgets it: for a restart
     * in place of one cluster's etcd or kube-apiserver.
     */
    async stopOne(proc, { graceMs = 5000 } = {}) {
      if (!proc.exited && killGroup(proc.pid, 'SIGTERM') && !(await waitExit(proc, graceMs))) {
        killGroup(proc.pid, 'SIGKILL');
        await waitExit(proc, 2000);
      }
      const i = procs.indexOf(proc);
      if (i >= 0) procs.splice(i, 1);
      record();
    },
    /** A folder (throw-away data) removed when the processes are stopped, also on a crash. */
    removeOnStop(dir) {
      removeOnStop.push(dir);
    },
    /**
     * Stops the groups phase by phase (each phase: the processes `phases[i]` accepts; what no
     * phase accepts goes last): SIGTERM to each group, SIGKILL after graceMs. Then removes the
     * folders and the process file, and ends the safety nets.
     */
    async stop({ graceMs = 5000, phases = [] } = {}) {
      const rest = p => !phases.some(accepts => accepts(p));
      for (const accepts of [...phases, rest]) {
        await Promise.all(
          procs.filter(accepts).map(async p => {
            if (p.exited || !killGroup(p.pid, 'SIGTERM')) return;
            if (!(await waitExit(p, graceMs))) {
              killGroup(p.pid, 'SIGKILL');
              await waitExit(p, 2000);
            }
          }),
        );
      }
      for (const d of removeOnStop) fs.rmSync(d, { recursive: true, force: true });
      fs.rmSync(processFile, { force: true });
      watchdog.stop();
      process.removeListener('exit', killAllSync);
      for (const [sig, h] of Object.entries(signalHandlers)) process.removeListener(sig, h);
    },
  };
}
