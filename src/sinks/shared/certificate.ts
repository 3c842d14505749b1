import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { InputError } from '../../core/errors.js';
import { makeTempFolder, removeTempFolder } from '../../core/temp-folders.js';

/** A certificate authority made for one sink and the server certificate it signed. */
export interface SinkCertificate {
  /** The CA certificate (PEM): what a client must trust. */
  caPem: string;
  /** The server's certificate (PEM) and private key (PEM). */
  certPem: string;
  keyPem: string;
}

/** Names every sink certificate covers: the loopback addresses the sink may listen on. */
const LOOPBACK_NAMES = ['localhost'];
const LOOPBACK_IPS = ['127.0.0.1', '::1'];

const DAY_MS = 86_400_000;

/**
 * Makes a fresh CA and a server certificate it signs, for `localhost`, 127.0.0.1, ::1 and `extraNames`
 * (DNS names, `*.x` wildcards allowed). A CA plus a leaf, not one self-signed certificate, because
 * clients such as OpenSSL-based ones refuse a self-signed leaf that is also marked as a CA. EC P-256
 * keys keep it fast (a few ms); valid from a day ago (clock skew) for a year.
 */
export async function makeSinkCertificate(extraNames: readonly string[] = []): Promise<SinkCertificate> {
  const notBeforeDate = new Date(Date.now() - DAY_MS);
  const notAfterDate = new Date(Date.now() + 365 * DAY_MS);
  const ca = await generate([{ name: 'commonName', value: 'duress mock sink CA' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const leaf = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...[...LOOPBACK_NAMES, ...extraNames].map((value) => ({ type: 2 as const, value })),
          ...LOOPBACK_IPS.map((ip) => ({ type: 7 as const, ip })),
        ],
      },
    ],
  });
  return { caPem: ca.cert, certPem: leaf.cert, keyPem: leaf.private };
}

/** A sink's CA certificate in a file, for programs that read one (Fluent Bit's `tls.ca_file`, syslog-ng's `ca-file()`). */
export interface CaFile {
  path: string;
  /** Removes what `writeCaFile` made (the file, and its folder when it made one); never throws. */
  remove(): Promise<void>;
}

/**
 * Writes `caPem` to `file`, or, without one, to `ca.pem` in a fresh private folder under the system's temporary
 * folder (removed by `remove`). A file that cannot be written is an InputError naming it.
 */
export async function writeCaFile(caPem: string, file: string | undefined, who: string): Promise<CaFile> {
  if (file !== undefined) {
    await writeFile(file, caPem).catch((err: Error) => {
      throw new InputError(`${who} cannot write its CA certificate to ${file}: ${err.message}`, { cause: err });
    });
    return { path: file, remove: async () => {} };
  }
  const dir = makeTempFolder('duress-sink-ca-');
  const path = join(dir, 'ca.pem');
  try {
    await writeFile(path, caPem);
  } catch (err) {
    removeTempFolder(dir);
    throw err;
  }
  return { path, remove: async () => removeTempFolder(dir) };
}
