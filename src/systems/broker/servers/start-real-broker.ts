import { startMosquitto } from './mosquitto.js';
import { startNats } from './nats.js';
import type { RealBroker, RealBrokerOptions } from './real-broker.js';
import { startRedis } from './redis.js';
import type { RealServerConfig } from './server-schema.js';

/** Starts the real broker a config names (or reaches the one at its `address`), with its stats interface. */
export function startRealBroker(config: RealServerConfig, options: RealBrokerOptions): Promise<RealBroker> {
  switch (config.kind) {
    case 'redis':
      return startRedis(config, options);
    case 'nats':
      return startNats(config, options);
    case 'mosquitto':
      return startMosquitto(config, options);
  }
}
