import type { AppCore, HostPort, HostStatus } from '../core/app';
import type { Backend } from '../api/backend';
import { getSettings } from '../core/settings/settings';
import { startServer, type RunningServer } from './http';
import { ensureHostCertificate, lanAddresses } from './tls';

/**
 * Serves this installation's router and screens to the other desks of the centre over HTTPS on a LAN
 * address, beside its own window or browser-mode port. Only this process touches the database; the
 * desks talk to it.
 */
export class HostController implements HostPort {
  private server: RunningServer | null = null;
  private state: HostStatus = { enabled: false, running: false, url: '', fingerprint: '', startedAt: '', error: '' };

  constructor(
    private readonly core: AppCore,
    private readonly backend: Backend,
    private readonly staticDir: string,
    /** Login attempts per client address per minute; the simulated desks of a benchmark share one address. */
    private readonly loginsPerMinute?: number,
  ) {}

  status(): HostStatus {
    return { ...this.state };
  }

  /** Starts, restarts or stops the host server to match the saved settings. */
  async apply(): Promise<HostStatus> {
    const cfg = getSettings(this.core.store);
    await this.stop();
    this.state = { enabled: cfg.hostEnabled, running: false, url: '', fingerprint: '', startedAt: '', error: '' };
    if (!cfg.hostEnabled) return this.status();
    const address = cfg.hostAddress || '0.0.0.0';
    try {
      const tls = await ensureHostCertificate(this.core.paths.dir, cfg.centreName);
      this.server = await startServer({
        backend: this.backend,
        staticDir: this.staticDir,
        host: address,
        port: cfg.hostPort,
        tls: { key: tls.key, cert: tls.cert },
        allowedHosts: address === '0.0.0.0' ? lanAddresses() : [address],
        loginsPerMinute: this.loginsPerMinute,
      });
      const shown = address === '0.0.0.0' ? (lanAddresses().find((a) => a !== '127.0.0.1') ?? '127.0.0.1') : address;
      this.state = { ...this.state, running: true, url: `https://${shown}:${this.server.port}`, fingerprint: tls.fingerprint, startedAt: new Date().toISOString() };
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      this.state.error =
        err.code === 'EADDRINUSE'
          ? `端口 ${cfg.hostPort} 已被占用，请换一个端口`
          : err.code === 'EADDRNOTAVAIL'
            ? `本机没有地址 ${address}，请从列表中选择本机的网络地址`
            : `主机服务启动失败：${err.message}`;
    }
    return this.status();
  }

  async stop(): Promise<void> {
    if (this.server) await this.server.close();
    this.server = null;
  }
}
