/** The part of autocannon's API the HTTP load benchmark uses (the package ships no types). */
declare module 'autocannon' {
  interface Options {
    url: string;
    connections?: number;
    pipelining?: number;
    duration?: number;
    workers?: number;
  }
  interface Result {
    /** Seconds the run lasted. */
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    requests: { total: number; average: number; sent: number };
    latency: { p50: number; p90: number; p99: number; average: number; totalCount: number };
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
