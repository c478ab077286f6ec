import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '@jointops/server/env';

describe('configuration', () => {
  it('starts from working defaults: embedded database, port 4000, 12 h idle and 7 day sessions', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      port: 4000,
      databaseUrl: undefined,
      dataDir: './.data',
      redisUrl: undefined,
      sessionIdleTimeoutSeconds: 43_200,
      sessionAbsoluteTimeoutSeconds: 604_800,
      demoPassword: 'jointops-demo',
      allowedOrigins: ['http://localhost:4000', 'http://127.0.0.1:4000'],
    });
  });

  it('reports every problem at once, each naming its variable', () => {
    let problems: string[] = [];
    try {
      parseConfig({ PORT: 'abc', DATABASE_URL: 'mysql://db/jointops', REDIS_URL: 'localhost:6379', SESSION_IDLE_TIMEOUT_SECONDS: '-5' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      problems = (error as ConfigError).problems;
    }
    expect(problems.map((problem) => problem.split(':')[0])).toEqual(['PORT', 'DATABASE_URL', 'REDIS_URL', 'SESSION_IDLE_TIMEOUT_SECONDS']);
  });

  it('treats empty variables as unset and splits the allowed origins list', () => {
    const config = parseConfig({ DATABASE_URL: '', ALLOWED_ORIGINS: 'https://ops.example.org, https://ops2.example.org' });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.allowedOrigins).toEqual(['https://ops.example.org', 'https://ops2.example.org']);
  });
});
