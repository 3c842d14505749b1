import type { BrokerConfig } from './config.js';
/**
 * A broker instance's links, one proxy route per subscribing client: `subscriber-<j>` then `peer-<k>`, in
 * the order the broker instance connects them.
 */
export declare function brokerLinks(b: Pick<BrokerConfig, 'subscribers' | 'peers'>): string[];
